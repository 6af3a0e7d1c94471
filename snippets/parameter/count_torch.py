"""Count the parameters of the same two-layer network with torch: numel() of every
parameter tensor."""

import torch
from torch import nn

torch.manual_seed(0)
d_in, d_hidden, d_out = 4, 8, 3

model = nn.Sequential(nn.Linear(d_in, d_hidden), nn.ReLU(), nn.Linear(d_hidden, d_out))
for name, p in model.named_parameters():
    print(f"{name:9} shape={str(tuple(p.shape)):8} parameters={p.numel()}")
total = sum(p.numel() for p in model.parameters())
print("total parameters:", total)
