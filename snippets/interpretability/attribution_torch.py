"""Gradient x input with autograd: the same numbers as the chain rule by hand."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same network as the numpy version
W1, b1 = torch.from_numpy(rng.normal(size=(3, 4))), torch.from_numpy(rng.normal(size=3))
w2 = torch.from_numpy(rng.normal(size=3))
x = torch.tensor([1.0, -2.0, 0.5, 0.0], dtype=torch.float64, requires_grad=True)

y = w2 @ torch.tanh(W1 @ x + b1)
y.backward()  # x.grad = dy/dx
attribution = (x.grad * x).detach()
print("output:", round(y.item(), 4))
# + 0.0 prints -0.0 as 0.0
print("gradient x input:", np.round(attribution.numpy(), 4) + 0.0)
print("sum of attributions:", round(attribution.sum().item(), 4))
y0 = w2 @ torch.tanh(b1)
print("output minus output at zero input:", round((y - y0).item(), 4))
