"""The same transfer with torch: autograd gradients, starting from zero or from the
source weights."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same data as the numpy version
d = 20
w_source = rng.normal(size=d)
w_target = w_source + 0.3 * rng.normal(size=d)


def make(n: int, w: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    x = rng.normal(size=(n, d))
    return torch.from_numpy(x), torch.from_numpy(x @ w + 0.5 * rng.normal(size=n))


x_src, y_src = make(1000, w_source)
w_pre = torch.linalg.lstsq(x_src, y_src[:, None]).solution[:, 0]  # "pre-training"
x_test, y_test = make(1000, w_target)


def fine_tune(
    start: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    steps: int = 100,
    lr: float = 0.05,
):
    w = start.clone().requires_grad_(True)
    for _ in range(steps):
        loss = torch.mean((x @ w - y) ** 2)
        (grad,) = torch.autograd.grad(loss, w)
        with torch.no_grad():
            w -= lr * grad
    return w.detach()


for n in (5, 10, 40):
    x, y = make(n, w_target)
    errors = [
        (
            torch.mean((x_test @ fine_tune(start, x, y) - y_test) ** 2)
            / y_test.var(unbiased=False)
        ).item()
        for start in (torch.zeros(d, dtype=torch.float64), w_pre)
    ]
    print(
        f"{n:2d} target examples: test error from zero {errors[0]:.3f}, from source "
        f"weights {errors[1]:.3f}"
    )
