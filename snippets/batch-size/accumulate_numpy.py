"""Batch size, steps and epochs on a linear model, and gradient accumulation: 4
micro-batches of 2 examples give the gradient of one batch of 8."""

import numpy as np

rng = np.random.default_rng(0)
examples, features, batch_size, epochs = 64, 3, 8, 3
X = rng.normal(size=(examples, features))
y = X @ np.array([2.0, -1.0, 0.5])


def gradient(w, xb, yb):
    """Gradient of the mean squared error over one batch."""
    return 2 * xb.T @ (xb @ w - yb) / len(xb)


steps_per_epoch = examples // batch_size
print(
    f"{examples} examples, batch size {batch_size}: {steps_per_epoch} steps per epoch,"
    f" {epochs * steps_per_epoch} steps in {epochs} epochs"
)

w = np.zeros(features)
full = gradient(w, X[:8], y[:8])
micro = sum(gradient(w, X[i : i + 2], y[i : i + 2]) for i in range(0, 8, 2)) / 4
print("accumulated gradient equals the batch-of-8 gradient:", np.allclose(full, micro))

step = 0
for epoch in range(epochs):
    order = rng.permutation(examples)  # a new shuffle each epoch
    for start in range(0, examples, batch_size):
        batch = order[start : start + batch_size]
        w -= 0.1 * gradient(w, X[batch], y[batch])
        step += 1
    loss = np.mean((X @ w - y) ** 2)
    print(f"epoch {epoch + 1}: step {step:2}, loss below 0.01: {bool(loss < 0.01)}")
