"""Transfer in the simplest model: fine-tune a linear regression from source weights
instead of from zero."""

import numpy as np

rng = np.random.default_rng(0)
d = 20
w_source = rng.normal(size=d)
# a related task: similar, not equal, weights
w_target = w_source + 0.3 * rng.normal(size=d)


def make(n: int, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x = rng.normal(size=(n, d))
    return x, x @ w + 0.5 * rng.normal(size=n)


x_src, y_src = make(1000, w_source)
# "pre-training": plenty of source data
w_pre = np.linalg.lstsq(x_src, y_src, rcond=None)[0]
x_test, y_test = make(1000, w_target)


def fine_tune(
    w: np.ndarray, x: np.ndarray, y: np.ndarray, steps: int = 100, lr: float = 0.05
) -> np.ndarray:
    for _ in range(steps):
        # gradient descent on the mean squared error
        w = w - lr * 2 * x.T @ (x @ w - y) / len(y)
    return w


for n in (5, 10, 40):
    x, y = make(n, w_target)
    errors = [
        np.mean((x_test @ fine_tune(start, x, y) - y_test) ** 2) / np.var(y_test)
        for start in (np.zeros(d), w_pre)
    ]
    print(
        f"{n:2d} target examples: test error from zero {errors[0]:.3f}, from source "
        f"weights {errors[1]:.3f}"
    )
