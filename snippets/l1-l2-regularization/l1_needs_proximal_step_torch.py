"""An L1 term added to the loss and minimized by plain SGD hovers near zero but never
hits it."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same data as count_zeros_numpy.py
n, d = 40, 20
x_np = rng.normal(size=(n, d))
true_w = np.zeros(d)
true_w[:3] = [3.0, -2.0, 1.5]
y_np = x_np @ true_w + 0.5 * rng.normal(size=n)
x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
lam, lr = 0.3, 0.05

# --8<-- [start:compare]
for proximal in [False, True]:
    w = torch.zeros(d, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr)
    for _ in range(2000):
        opt.zero_grad()
        loss = torch.mean((x @ w - y) ** 2)
        if not proximal:
            # the subgradient of |w| is sign(w): it overshoots zero
            loss = loss + lam * w.abs().sum()
        loss.backward()
        opt.step()
        if proximal:
            # soft-threshold after the step: lands exactly on zero
            with torch.no_grad():
                w.copy_(torch.sign(w) * torch.clamp(w.abs() - lr * lam, min=0.0))
    w = w.detach()
    name = "SGD then soft-threshold" if proximal else "SGD on loss + L1 term"
    print(
        f"{name:<24}: exactly zero {int((w == 0).sum()):2d} of {d}, |w| < 0.01: "
        f"{int((w.abs() < 0.01).sum()):2d}"
    )
# --8<-- [end:compare]
