"""The same gradient from torch autograd: requires_grad, then backward(), then read
.grad."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same data as the numpy version
x_np = rng.normal(size=(50, 3))
y_np = x_np @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=50)
x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
w = torch.tensor([0.5, 0.5, 0.5], dtype=torch.float64, requires_grad=True)


def loss_fn(w: torch.Tensor) -> torch.Tensor:
    return torch.mean((x @ w - y) ** 2)


loss = loss_fn(w)
loss.backward()  # fills w.grad with d loss / d w
print(f"loss {loss.item():.4f}, gradient {w.grad.numpy().round(4)}")
with torch.no_grad():
    for step in [0.01, -0.01]:
        print(
            f"move by {step:+} * gradient: loss {loss_fn(w + step * w.grad).item():.4f}"
        )
