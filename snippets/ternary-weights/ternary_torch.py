"""Ternary weights in torch: a BitLinear-style layer that keeps its full-precision
weights for training and uses them rounded to {-1, 0, 1} times one scale, with 8-bit
activations; the same matrix as the numpy version, and the same numbers.

In training, the rounding is skipped by the gradient (the straight-through estimator),
so the full-precision weights keep learning; only the ternary codes and the scale are
needed to run the model.
"""

import math

import numpy as np
import torch
from torch import nn

rng = np.random.default_rng(0)  # the same weights and tokens as the numpy version
W = torch.from_numpy(rng.normal(0, 0.02, size=(256, 512)))
x = torch.from_numpy(rng.normal(size=(4, 512)))
print(f"weights: {W.shape[0]} x {W.shape[1]} = {W.numel()}")


class BitLinear(nn.Linear):
    def forward(self, x):
        gamma = self.weight.abs().mean()
        t = (self.weight / gamma).round().clamp(-1, 1)
        w = self.weight + (t * gamma - self.weight).detach()  # straight-through
        s = 127 / x.abs().amax(dim=-1, keepdim=True)
        xq = x + ((x * s).round().clamp(-128, 127) / s - x).detach()
        return xq @ w.T


layer = BitLinear(512, 256, bias=False, dtype=torch.float64)
with torch.no_grad():
    layer.weight.copy_(W)
y = layer(x)
gamma = W.abs().mean()
T = (W / gamma).round().clamp(-1, 1).to(torch.int8)
shares = [(T == v).double().mean().item() for v in (-1, 0, 1)]
print(f"scale (mean |w|): {gamma:.5f}; shares of -1, 0, 1:",
      " ".join(f"{v:.3f}" for v in shares))
error = (gamma * T - W).norm() / W.norm()
print(f"relative error of the weights: {error:.3f}")
exact = x @ W.T
print(f"relative error of the outputs: {((y - exact).norm() / exact.norm()):.3f}")

s = 127 / x.abs().amax(dim=1, keepdim=True)
xq = (x * s).round().clamp(-128, 127).to(torch.int32)
products = xq @ T.T.to(torch.int32)
adds = torch.stack([xq[:, T[o] == 1].sum(1) - xq[:, T[o] == -1].sum(1)
                    for o in range(T.shape[0])], dim=1)
print("additions only give the same integers:", bool((adds == products).all()))

codes = (T + 1).to(torch.uint8).flatten()  # 0, 1, 2
two_bit = (codes.view(-1, 4).int() << torch.tensor([0, 2, 4, 6])).sum(1).to(torch.uint8)
five = codes[: codes.numel() // 5 * 5].view(-1, 5).int()
base3 = (five * 3 ** torch.arange(5)).sum(1).to(torch.uint8)
back = (base3[:, None].int() // 3 ** torch.arange(5)) % 3
unpacked = bool((back.flatten() == codes[: back.numel()]).all())
print("5 weights a byte, unpacked:", unpacked)
n = W.numel()
print(f"bits per weight: log2(3) = {math.log2(3):.3f} at best;"
      f" {8 * two_bit.numel() / n:.2f} at 4 a byte;"
      f" {8 * base3.numel() / five.numel():.2f} at 5 a byte;"
      f" plus {16 / n:.5f} for the bf16 scale")

y.sum().backward()  # the rounding passes the gradient straight through
print("the full-precision weights get a gradient:",
      bool(layer.weight.grad.abs().sum() > 0))
