"""Weight decay equals an L2 penalty for plain SGD, but not for Adam: Adam(weight_decay)
against AdamW."""

import numpy as np
import torch

torch.manual_seed(0)
x, y = torch.randn(32, 4, dtype=torch.float64), torch.randn(32, dtype=torch.float64)
w_start = torch.randn(4, dtype=torch.float64)
lr, wd = 0.1, 0.1


def run_sgd(decay_in_optimizer: bool) -> torch.Tensor:
    w = w_start.clone().requires_grad_(True)
    opt = torch.optim.SGD([w], lr=lr, weight_decay=wd if decay_in_optimizer else 0.0)
    for _ in range(20):
        opt.zero_grad()
        loss = torch.mean((x @ w - y) ** 2)
        if not decay_in_optimizer:
            # an L2 penalty whose gradient is wd * w
            loss = loss + wd / 2 * (w**2).sum()
        loss.backward()
        opt.step()
    return w.detach()


max_diff_sgd = (run_sgd(True) - run_sgd(False)).abs().max().item()
# Equal in exact arithmetic; in floating point a CPU may fuse the multiply-add, so allow
# rounding.
print(
    f"SGD(weight_decay={wd}) vs SGD on loss + {wd}/2 * sum(w^2), 20 steps: agree "
    f"within 1e-12: {max_diff_sgd < 1e-12}"
)

# One step from w = (2, 2, 2) on a loss whose gradient is (10, 0.01, 0): a big, a tiny
# and no gradient.
gradient = torch.tensor([10.0, 0.01, 0.0], dtype=torch.float64)
results = {}
for name, make in [
    ("Adam, no decay", lambda p: torch.optim.Adam(p, lr=lr)),
    ("Adam(weight_decay=0.1)", lambda p: torch.optim.Adam(p, lr=lr, weight_decay=wd)),
    ("AdamW(weight_decay=0.1)", lambda p: torch.optim.AdamW(p, lr=lr, weight_decay=wd)),
]:
    w = torch.full((3,), 2.0, dtype=torch.float64, requires_grad=True)
    opt = make([w])
    (gradient * w).sum().backward()  # a linear loss: its gradient is exactly `gradient`
    opt.step()
    results[name] = w.detach().numpy()
    print(f"{name:<24} weights after one step: {np.round(results[name], 4)}")
