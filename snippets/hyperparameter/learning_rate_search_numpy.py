"""Gradient descent learns the parameters; the learning rate is a hyperparameter chosen
outside it."""

import numpy as np

rng = np.random.default_rng(0)
true_w = np.array([2.0, -1.0, 0.5])
x = rng.normal(size=(80, 3))
y = x @ true_w + 0.1 * rng.normal(size=80)
x_train, y_train, x_val, y_val = x[:60], y[:60], x[60:], y[60:]


def train(lr: float, steps: int = 20) -> np.ndarray:
    w = np.zeros(3)  # the parameters: learned
    for _ in range(steps):
        grad = 2 * x_train.T @ (x_train @ w - y_train) / len(y_train)
        w -= lr * grad
    return w


for lr in [0.001, 0.01, 0.1, 0.5, 1.2]:  # the hyperparameter: searched from outside
    w = train(lr)
    val_loss = np.mean((x_val @ w - y_val) ** 2)
    print(f"lr={lr:<6} learned w={np.round(w, 3)}  validation loss={val_loss:.4g}")
