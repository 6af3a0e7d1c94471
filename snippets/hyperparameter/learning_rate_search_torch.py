"""The same search with torch: the optimizer updates the parameters; the learning rate
is picked outside."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same data as the numpy version
true_w = np.array([2.0, -1.0, 0.5])
x_np = rng.normal(size=(80, 3))
y_np = x_np @ true_w + 0.1 * rng.normal(size=80)
x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
x_train, y_train, x_val, y_val = x[:60], y[:60], x[60:], y[60:]


def train(lr: float, steps: int = 20) -> torch.Tensor:
    # the parameters: learned
    w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss = torch.mean((x_train @ w - y_train) ** 2)
        loss.backward()
        opt.step()
    return w.detach()


for lr in [0.001, 0.01, 0.1, 0.5, 1.2]:  # the hyperparameter: searched from outside
    w = train(lr)
    val_loss = torch.mean((x_val @ w - y_val) ** 2).item()
    print(
        f"lr={lr:<6} learned w={np.round(w.numpy(), 3)}  validation loss={val_loss:.4g}"
    )
