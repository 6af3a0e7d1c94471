"""A LoRA layer around a frozen nn.Linear: train only A and B, then merge and compare
the outputs."""

import math

import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(1)


# --8<-- [start:layer]
class LoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r: int, alpha: float):
        super().__init__()
        self.base = base
        self.base.requires_grad_(False)  # the pre-trained weight and bias stay frozen
        self.A = nn.Parameter(
            torch.randn(r, base.in_features) / math.sqrt(base.in_features)
        )
        # zero: training starts from the base model
        self.B = nn.Parameter(torch.zeros(base.out_features, r))
        self.scale = alpha / r

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + self.scale * (x @ self.A.T) @ self.B.T

    def merged(self) -> nn.Linear:
        out = nn.Linear(self.base.in_features, self.base.out_features)
        with torch.no_grad():
            out.weight.copy_(self.base.weight + self.scale * self.B @ self.A)
            out.bias.copy_(self.base.bias)
        return out
# --8<-- [end:layer]


d_in, d_out, r = 64, 64, 4
layer = LoRALinear(nn.Linear(d_in, d_out), r=r, alpha=8)
x = torch.randn(256, d_in)
print("before training, equal to the base layer:", torch.equal(layer(x), layer.base(x)))

trainable = sum(p.numel() for p in layer.parameters() if p.requires_grad)
total = sum(p.numel() for p in layer.parameters())
print(f"trainable {trainable} = r*(d_in+d_out) = {r * (d_in + d_out)}; total {total}")

# a new task: a low-rank change
change = 0.3 * torch.randn(d_out, 2) @ torch.randn(2, d_in) / math.sqrt(d_in)
target = layer.base(x) + x @ change.T
opt = torch.optim.Adam([p for p in layer.parameters() if p.requires_grad], lr=1e-2)
for step in range(201):
    loss = nn.functional.mse_loss(layer(x), target)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 100 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")

with torch.no_grad():
    diff = (layer(x) - layer.merged()(x)).abs().max().item()
print(f"adapter and merged layer agree within 1e-5 (float32 rounding): {diff < 1e-5}")
