"""Freezing with requires_grad=False: the model keeps its size, but fewer parameters
train and need state."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 4)
)
before = [p.detach().clone() for p in model.parameters()]

# freeze the first two layers (the "backbone"); the last layer trains
model[:4].requires_grad_(False)
total = sum(p.numel() for p in model.parameters())
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"total {total} | trainable {trainable} | frozen {total - trainable}")

opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-2)
x, y = torch.randn(16, 32), torch.randint(0, 4, (16,))
nn.functional.cross_entropy(model(x), y).backward()
opt.step()
for (name, p), old in zip(model.named_parameters(), before, strict=True):
    print(
        f"{name:8} grad {'None' if p.grad is None else 'set ':4}  changed: "
        f"{not torch.equal(p, old)}"
    )

state = sum(
    t.numel() * t.element_size()
    for s in opt.state.values()
    for t in s.values()
    if t.dim() > 0
)
grads = sum(
    p.grad.numel() * p.grad.element_size()
    for p in model.parameters()
    if p.grad is not None
)
weights = sum(p.numel() * p.element_size() for p in model.parameters())
print(f"bytes: weights {weights} (all kept) | gradients {grads} | Adam state {state}")
print(
    f"without freezing, gradients and Adam state would take {12 * total} bytes "
    f"instead of {grads + state}"
)

# Layer by layer: the bytes each linear layer keeps, and those that freezing saved.
layers = {}
for i in (0, 2, 4):
    params = list(model[i].parameters())
    n = sum(p.numel() for p in params)
    kept = sum(  # gradient and Adam state actually held for this layer
        t.numel() * t.element_size()
        for p in params
        for t in [p.grad, *opt.state[p].values()]
        if t is not None and t.dim() > 0
    )
    state = "frozen" if kept == 0 else "trained"
    layers[f"layer {i}, {state}"] = (n, 4 * n, kept, 12 * n - kept)
    print(f"layer {i}: {n:4} parameters {state:>7}, bytes: weights {4 * n:5},"
          f" gradient + Adam {kept:4}, saved {12 * n - kept:5}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 2.8))
for y, (name, (n, w, kept, saved)) in enumerate(layers.items()):
    ax.barh(y, w / 1e3, color="0.6", label="weights (always kept)" if y == 0 else None)
    ax.barh(y, kept / 1e3, left=w / 1e3, color="#4e79a7",
            label="gradient + Adam state" if y == 2 else None)
    ax.barh(y, saved / 1e3, left=(w + kept) / 1e3, fc="none", ec="#e15759", ls="--",
            label="saved by freezing" if y == 0 else None)
    ax.text(-0.8, y, f"{name}\n{n:,} parameters", ha="right", va="center",
            fontsize=9)
ax.set_yticks([])
ax.invert_yaxis()
ax.set_xlabel("kilobytes (float32)")
ax.set_title("Frozen layers keep their weights, nothing else", fontsize=10)
ax.legend(fontsize=8, loc="lower right")
ax.spines[["top", "right", "left"]].set_visible(False)
fig.tight_layout()
fig.savefig("bytes_by_layer.svg", metadata={"Date": None})
