"""Transfer learning: start a small task from pre-trained parameters instead of random
ones."""

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

# A hidden set of features of the input; the source and target tasks both read them,
# with different weights.
teacher = torch.randn(FEAT, D_IN) * 2 / math.sqrt(D_IN / 2)
teacher[:, D_IN // 2 :] = 0  # the features depend on the first five inputs only


def make_task(n: int, readout: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    x = torch.randn(n, D_IN)
    return x, torch.tanh(x @ teacher.T) @ readout.T


def train(model: nn.Module, x: torch.Tensor, y: torch.Tensor, steps: int) -> nn.Module:
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=2e-2)
    for _ in range(steps):
        loss = nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model


def backbone() -> nn.Module:
    return nn.Sequential(nn.Linear(D_IN, 32), nn.Tanh(), nn.Linear(32, FEAT), nn.Tanh())


# Pre-training: a source task with plenty of data (1000 examples, 16 outputs).
x_src, y_src = make_task(1000, torch.randn(16, FEAT) / 2)
pretrained = train(
    nn.Sequential(backbone(), nn.Linear(FEAT, 16)), x_src, y_src, steps=200
)

# The target task: one output, a different readout of the same hidden features, little
# data.
readout = torch.randn(1, FEAT) / 2
x_test, y_test = make_task(1000, readout)
sizes, curves = (10, 20, 50, 100, 200), {"from scratch": [], "pre-trained backbone": []}
for n in sizes:
    x, y = make_task(n, readout)
    scratch = nn.Sequential(backbone(), nn.Linear(FEAT, 1))  # random start
    # pre-trained backbone, new head
    transfer = nn.Sequential(copy.deepcopy(pretrained[0]), nn.Linear(FEAT, 1))
    # keep the transferred features; learn only the head
    transfer[0].requires_grad_(False)
    errors = []
    for model in (scratch, transfer):
        train(model, x, y, steps=100)
        with torch.no_grad():
            errors.append(
                (nn.functional.mse_loss(model(x_test), y_test) / y_test.var()).item()
            )
    for curve, error in zip(curves.values(), errors, strict=True):
        curve.append(round(error, 2))  # the printed values, for the figure
    print(
        f"{n:3d} target examples: test error from scratch {errors[0]:.2f}, from "
        f"pre-trained {errors[1]:.2f}"
    )

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3))
for (label, errors), color in zip(curves.items(), ["#e15759", "#4e79a7"], strict=True):
    ax.semilogx(sizes, errors, "o-", color=color, label=label)
ax.set_xticks(sizes, [str(n) for n in sizes])
ax.minorticks_off()
ax.set_ylim(0, None)
ax.set_xlabel("target examples (log scale)")
ax.set_ylabel("test error (1: predicting the mean)")
ax.spines[["top", "right"]].set_visible(False)
ax.legend(frameon=False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("scratch_vs_pretrained.svg", metadata=no_metadata)
