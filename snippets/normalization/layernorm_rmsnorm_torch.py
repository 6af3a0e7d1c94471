"""LayerNorm and RMSNorm on two token vectors, with nn.LayerNorm and nn.RMSNorm."""

import torch
from torch import nn


def show(name, rows):
    print(name)
    for row in rows:
        print("   " + " ".join(f"{float(v):7.3f}" for v in row))


x = torch.tensor([[2.0, -1.0, 0.7, 3.0, -2.5, 1.0],
                  [0.2, 0.9, -0.4, 0.3, 1.6, 0.2]])  # 2 tokens, width d = 6
d, eps = x.shape[1], 1e-5
layer_norm = nn.LayerNorm(d, eps=eps)  # parameters: weight (gain) and bias (shift)
rms_norm = nn.RMSNorm(d, eps=eps)  # parameter: weight (gain) only
with torch.no_grad():  # set the learned values (they start at gain 1, shift 0)
    layer_norm.weight.copy_(torch.tensor([1.0, 0.5, 2.0, 1.0, 1.5, 1.0]))
    layer_norm.bias.copy_(torch.tensor([0.0, 0.1, 0.0, -0.2, 0.0, 0.3]))
    rms_norm.weight.copy_(layer_norm.weight)

with torch.no_grad():
    layernorm, rmsnorm = layer_norm(x), rms_norm(x)
show("LayerNorm output:", layernorm)
show("RMSNorm output:", rmsnorm)
count = sum(p.numel() for p in layer_norm.parameters()), rms_norm.weight.numel()
print("parameters: LayerNorm", count[0], " RMSNorm", count[1])

# Before the gain, each LayerNorm row has mean 0 and variance 1; each RMSNorm row has
# mean square 1 but keeps a mean. Both ignore the scale of their input.
plain_ln = nn.functional.layer_norm(x, (d,), eps=eps)
plain_rms = nn.functional.rms_norm(x, (d,), eps=eps)
print("LayerNorm rows: mean 0, variance 1:",
      torch.allclose(plain_ln.mean(-1), torch.zeros(2), atol=1e-6),
      torch.allclose(plain_ln.var(-1, correction=0), torch.ones(2), atol=1e-3))
print("RMSNorm rows: mean square 1:",
      torch.allclose((plain_rms**2).mean(-1), torch.ones(2), atol=1e-3),
      " row means:", *(f"{m:.3f}" for m in plain_rms.mean(-1)))
with torch.no_grad():
    same = torch.allclose(rms_norm(100 * x), rmsnorm, atol=1e-3)
print("input scaled by 100, same RMSNorm output:", same)
