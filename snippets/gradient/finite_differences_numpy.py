"""Checking a gradient formula with central finite differences, and why the step h must
not be tiny."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(50, 3))
y = x @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=50)
w = np.array([0.5, 0.5, 0.5])


def loss(w: np.ndarray) -> float:
    return np.mean((x @ w - y) ** 2)


grad = 2 * x.T @ (x @ w - y) / len(y)
for h in [1e-2, 1e-5, 1e-12]:
    numeric = np.array(
        [(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(3)]
    )
    # rounding noise: its digits vary from CPU to CPU, its size does not
    worst = np.abs(grad - numeric).max()
    print(
        f"h={h:.0e}: finite differences agree with the formula within 1e-6: "
        f"{worst < 1e-6}"
    )
