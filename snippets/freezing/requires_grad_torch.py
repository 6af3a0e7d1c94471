"""Freezing with requires_grad=False: the model keeps its size, but fewer parameters
train and need state."""

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
