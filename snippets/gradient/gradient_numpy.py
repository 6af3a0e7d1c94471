"""The gradient of a mean squared error with respect to three weights, from its
formula."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(50, 3))
y = x @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=50)
w = np.array([0.5, 0.5, 0.5])  # the current parameters


def loss(w: np.ndarray) -> float:
    return np.mean((x @ w - y) ** 2)


grad = 2 * x.T @ (x @ w - y) / len(y)  # d loss / d w, one partial derivative per weight
print(f"loss {loss(w):.4f}, gradient {grad.round(4)}")
# a small step against the gradient lowers the loss, along it raises it
for step in [0.01, -0.01]:
    print(f"move by {step:+} * gradient: loss {loss(w + step * grad):.4f}")
