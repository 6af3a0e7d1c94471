"""The same two runs with torch.optim.SGD: zero_grad, backward, step."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same data and mini-batches as the numpy version
x_np = rng.normal(size=(200, 3))
y_np = x_np @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=200)
batches = [torch.from_numpy(rng.permutation(200)[:20]) for _ in range(60)]
x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)


def loss(w: torch.Tensor) -> torch.Tensor:
    return torch.mean((x @ w - y) ** 2)


w_full = torch.zeros(3, dtype=torch.float64, requires_grad=True)
w_sgd = torch.zeros(3, dtype=torch.float64, requires_grad=True)
opt_full, opt_sgd = torch.optim.SGD([w_full], lr=0.1), torch.optim.SGD([w_sgd], lr=0.1)
for step, idx in enumerate(batches, start=1):
    opt_full.zero_grad()
    loss(w_full).backward()
    opt_full.step()
    opt_sgd.zero_grad()
    torch.mean((x[idx] @ w_sgd - y[idx]) ** 2).backward()
    opt_sgd.step()
    if step in (1, 5, 20, 60):
        with torch.no_grad():
            print(
                f"step {step:2d}: full-batch loss {loss(w_full):.4f}, mini-batch "
                f"loss {loss(w_sgd):.4f}"
            )
print(
    "full-batch w:",
    w_full.detach().numpy().round(3),
    " mini-batch w:",
    w_sgd.detach().numpy().round(3),
)
