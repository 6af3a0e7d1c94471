"""Freezing by hand: compute the gradient step, but apply it only to the parameters that
are not frozen."""

import numpy as np

rng = np.random.default_rng(0)
W1, W2 = rng.normal(size=(3, 4)), rng.normal(size=(2, 3))  # two layers: 4 -> 3 -> 2
x, y = rng.normal(size=(8, 4)), rng.normal(size=(8, 2))
frozen = {"W1": True, "W2": False}  # W1 is the pre-trained backbone we keep
lr = 0.1

h = np.tanh(x @ W1.T)
err = h @ W2.T - y  # gradient of 0.5 * squared error
grads = {"W2": err.T @ h / len(x), "W1": ((err @ W2) * (1 - h**2)).T @ x / len(x)}
params = {"W1": W1, "W2": W2}
trainable = sum(p.size for name, p in params.items() if not frozen[name])
print("parameters:", W1.size + W2.size, "| trainable:", trainable)
for name in ["W1", "W2"]:
    step = 0.0 if frozen[name] else lr * grads[name]
    params[name] = params[name] - step
    print(
        f"{name}: gradient norm {np.linalg.norm(grads[name]):.4f}, change "
        f"{np.linalg.norm(step):.4f}"
    )
