"""Gradient descent on a linear model: full batch against mini-batches (stochastic
gradient descent)."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(200, 3))
y = x @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=200)
# 60 random mini-batches of 20 examples
batches = [rng.permutation(200)[:20] for _ in range(60)]


def loss(w: np.ndarray) -> float:
    return np.mean((x @ w - y) ** 2)


lr = 0.1
w_full, w_sgd = np.zeros(3), np.zeros(3)
for step, idx in enumerate(batches, start=1):
    w_full -= lr * 2 * x.T @ (x @ w_full - y) / len(y)  # gradient over all 200 examples
    xb, yb = x[idx], y[idx]
    # gradient over 20 examples: cheaper, noisier
    w_sgd -= lr * 2 * xb.T @ (xb @ w_sgd - yb) / len(yb)
    if step in (1, 5, 20, 60):
        print(
            f"step {step:2d}: full-batch loss {loss(w_full):.4f}, mini-batch loss "
            f"{loss(w_sgd):.4f}"
        )
print("full-batch w:", w_full.round(3), " mini-batch w:", w_sgd.round(3))
