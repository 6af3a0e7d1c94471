"""Train a small classifier, prune it to growing sparsity by magnitude, at random, and
iteratively with fine-tuning."""

import copy

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.nn.utils import prune

torch.manual_seed(0)
# Pruning thresholds turn tiny rounding differences into different pruned weights, so
# make the sums
# reproducible: float64, and one thread (a different thread count adds numbers in a
# different order).
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

# a synthetic task: 5 classes defined by a random two-layer "teacher" network on 20
# features
teacher = nn.Sequential(nn.Linear(20, 32), nn.Tanh(), nn.Linear(32, 5))
x = torch.randn(3000, 20)
with torch.no_grad():
    y = teacher(x).argmax(dim=1)
x_train, y_train, x_test, y_test = x[:2000], y[:2000], x[2000:], y[2000:]


def train(model, steps, lr=0.01):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        nn.functional.cross_entropy(model(x_train), y_train).backward()
        opt.step()
    return model


def accuracy(model):
    with torch.no_grad():
        return (model(x_test).argmax(dim=1) == y_test).float().mean().item()


def linears(model):
    return [(m, "weight") for m in model if isinstance(m, nn.Linear)]


model = train(
    nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 5)), steps=150, lr=0.02
)
n_weights = sum(m.weight.numel() for m, _ in linears(model))
print(f"dense model: {n_weights} weights, test accuracy {accuracy(model):.3f}")

sparsities = [0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95]
one_shot = {"magnitude (global)": [], "random": []}
for s in sparsities:
    pruned = copy.deepcopy(model)
    prune.global_unstructured(
        linears(pruned), pruning_method=prune.L1Unstructured, amount=s
    )
    one_shot["magnitude (global)"].append(accuracy(pruned))
    pruned = copy.deepcopy(model)
    for module, name in linears(pruned):
        prune.random_unstructured(module, name, amount=s)
    one_shot["random"].append(accuracy(pruned))
print("sparsity  magnitude  random")
for s, a, r in zip(
    sparsities, one_shot["magnitude (global)"], one_shot["random"], strict=True
):
    print(f"{s:8.2f}  {a:9.3f}  {r:6.3f}")

# iterative: prune 30% of the remaining weights, fine-tune 20 steps (the mask keeps
# zeros at zero), repeat
iterative_s, iterative_acc = [], []
pruned = copy.deepcopy(model)
for _ in range(8):
    prune.global_unstructured(
        linears(pruned), pruning_method=prune.L1Unstructured, amount=0.3
    )
    train(pruned, steps=20)
    zeros = sum(int((m.weight == 0).sum()) for m, _ in linears(pruned))
    iterative_s.append(zeros / n_weights)
    iterative_acc.append(accuracy(pruned))
print(
    "iterative + fine-tuning:",
    " ".join(
        f"{s:.2f}->{a:.3f}" for s, a in zip(iterative_s, iterative_acc, strict=True)
    ),
)

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(sparsities, one_shot["magnitude (global)"], "o-", label="magnitude, one shot")
ax.plot(sparsities, one_shot["random"], "s--", label="random, one shot")
ax.plot(iterative_s, iterative_acc, "^-.", label="magnitude, iterative + fine-tuning")
ax.axhline(0.2, color="gray", linewidth=0.8, linestyle=":")
ax.text(0.42, 0.15, "chance (5 classes)", fontsize=8, color="gray")
ax.set_xlabel("sparsity (fraction of weights set to zero)")
ax.set_ylabel("test accuracy")
ax.set_ylim(0, 1)
ax.legend(fontsize=8, loc="center left")
ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig("accuracy_vs_sparsity.svg", metadata={"Date": None})
