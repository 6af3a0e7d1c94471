"""Autocast at a glance: matrix multiplies run in bf16, parameters stay fp32."""

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(256, 512), nn.GELU(), nn.Linear(512, 256))
x = torch.randn(16, 256)

with torch.autocast("cpu", dtype=torch.bfloat16):
    out = model(x)  # each Linear casts its fp32 weight and its input to bf16
    loss = out.float().pow(2).mean()  # the loss is summed in fp32
loss.backward()

print("input:", x.dtype, "| output:", out.dtype)
weight = model[0].weight
print("weights:", weight.dtype, "| their gradients:", weight.grad.dtype)

# bf16 keeps about 3 significant digits, so the result is close to fp32's, not equal.
exact = model(x)
error = ((out.float() - exact).norm() / exact.norm()).item()
print("relative error against fp32 under 2%:", error < 0.02)
