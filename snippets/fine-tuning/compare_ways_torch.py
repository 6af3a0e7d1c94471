"""Full fine-tuning, a frozen backbone, linear probing and probe-then-full differ in
what they may change."""

import copy
import math

import matplotlib
import torch
from torch import nn

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)
torch.set_num_threads(1)
D_IN, FEAT = 10, 16
# hidden features that the source task reads
teacher = torch.randn(FEAT, D_IN) * 2 / math.sqrt(D_IN / 2)
teacher[:, D_IN // 2 :] = 0  # ... of the first five inputs only


def features(x: torch.Tensor) -> torch.Tensor:
    return torch.tanh(x @ teacher.T)


def train(
    model: nn.Module, x: torch.Tensor, y: torch.Tensor, steps: int, lr: float
) -> nn.Module:
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=lr)
    for _ in range(steps):
        loss = nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model


# Pre-training on a source task with plenty of data.
x_src = torch.randn(1000, D_IN)
y_src = features(x_src) @ torch.randn(16, FEAT).T / 2
backbone = nn.Sequential(nn.Linear(D_IN, 32), nn.Tanh(), nn.Linear(32, FEAT), nn.Tanh())
train(nn.Sequential(backbone, nn.Linear(FEAT, 16)), x_src, y_src, steps=200, lr=2e-2)

# Two target tasks with 50 examples each: one reads the same features, one needs a
# feature never seen.
readout = torch.randn(1, FEAT) / 2
targets = {
    "related": lambda x: features(x) @ readout.T,
    "new feature": lambda x: x[:, 7:8],  # an input that the source task ignored
}
x_train, x_test = torch.randn(50, D_IN), torch.randn(1000, D_IN)


results = {}  # way -> (trainable, errors), for the figure


# --8<-- [start:compare]
def prepare(way: str) -> nn.Module:
    # a new head for the new task
    model = nn.Sequential(copy.deepcopy(backbone), nn.Linear(FEAT, 1))
    # freeze the lower layer, train the upper layer and the head
    if way == "frozen backbone":
        model[0][0].requires_grad_(False)
    # freeze the whole backbone: only the linear head learns
    elif way == "linear probing":
        model[0].requires_grad_(False)
    return model


for way, lr in [
    ("full fine-tuning", 2e-3),
    ("frozen backbone", 2e-2),
    ("linear probing", 2e-2),
    ("probe, then full", 2e-3),
]:
    errors, drift = [], 0.0
    for name, f in targets.items():
        model = prepare(way)
        trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
        # LP-FT: fit the new head first, then unfreeze everything
        if way == "probe, then full":
            model[0].requires_grad_(False)
            train(model, x_train, f(x_train), steps=100, lr=2e-2)
            model[0].requires_grad_(True)
            trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
        train(model, x_train, f(x_train), steps=100, lr=lr)
        with torch.no_grad():
            y_test = f(x_test)
            errors.append(
                (nn.functional.mse_loss(model(x_test), y_test) / y_test.var()).item()
            )
            # how far the first layer moved from its pre-trained values
            if name == "related":
                drift = (
                    (model[0][0].weight - backbone[0].weight).norm()
                    / backbone[0].weight.norm()
                ).item()
    # two decimals: a third would sit within rounding distance of what float32 training
    # varies by between CPUs
    print(
        f"{way:16} trainable {trainable:3d} | test error: related {errors[0]:.2f}, "
        f"new feature {errors[1]:.2f} | first layer moved {100 * drift:.1f}%"
    )
    results[way] = (trainable, [round(e, 2) for e in errors])  # the printed numbers
# --8<-- [end:compare]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3))
for task, (shift, color) in enumerate([(-0.2, "#4e79a7"), (0.2, "#e15759")]):
    errors = [e[task] for _, e in results.values()]
    rows = [row + shift for row in range(len(results))]
    ax.barh(rows, errors, height=0.4, color=color, label=list(targets)[task] + " task")
    for row, e in zip(rows, errors, strict=True):
        ax.text(e + 0.02, row, f"{e:.2f}", va="center", fontsize=9)
ax.set_yticks(
    range(len(results)), [f"{w}\n{n} trained" for w, (n, _) in results.items()]
)
ax.axvline(1, color="#555555", linestyle="--", linewidth=1)
ax.text(1.03, 3.35, "as bad as\npredicting\nthe mean", color="#555555", fontsize=9)
ax.set_xlim(0, 2)
ax.set_xlabel("test error after fine-tuning on 50 examples")
ax.invert_yaxis()
ax.spines[["top", "right"]].set_visible(False)
ax.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=2, frameon=False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("fine_tuning_ways.svg", metadata=no_metadata)
