"""requires_grad=False freezes parameters, not buffers: BatchNorm's running statistics
still move in train mode."""

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))
model[:3].requires_grad_(False)  # "freeze" the first layers
running_mean = model[1].running_mean.clone()

model.train()
model(torch.randn(32, 4) + 3.0)  # one forward pass on data with a different mean
moved = (model[1].running_mean - running_mean).abs().max().item()
print(
    f"train mode: running mean moved by up to {moved:.3f} "
    "although nothing requires grad"
)

# the fix: put frozen normalization layers in eval mode (or freeze their buffers another
# way)
model[1].eval()
running_mean = model[1].running_mean.clone()
model(torch.randn(32, 4) + 3.0)
print(
    "frozen BatchNorm in eval mode, running mean unchanged:",
    torch.equal(model[1].running_mean, running_mean),
)
