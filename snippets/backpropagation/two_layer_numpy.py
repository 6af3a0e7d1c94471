"""Backpropagation by hand: the chain rule, applied backwards through a two-layer
network."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(16, 5))  # 16 examples, 5 features
targets = rng.integers(0, 3, size=16)  # 3 classes
w1, b1 = rng.normal(0, 0.5, (5, 8)), np.zeros(8)
w2, b2 = rng.normal(0, 0.5, (8, 3)), np.zeros(3)

# forward pass: keep the intermediate values, the backward pass needs them
z1 = x @ w1 + b1
h = np.tanh(z1)
z2 = h @ w2 + b2
p = np.exp(z2 - z2.max(1, keepdims=True))
p /= p.sum(1, keepdims=True)
loss = -np.log(p[np.arange(16), targets]).mean()

# backward pass: each line is one application of the chain rule
d_z2 = p.copy()
d_z2[np.arange(16), targets] -= 1
d_z2 /= 16  # d loss / d z2 for mean cross-entropy after softmax: (p - onehot) / n
d_w2 = h.T @ d_z2  # z2 = h @ w2 + b2
d_b2 = d_z2.sum(0)
d_h = d_z2 @ w2.T
d_z1 = d_h * (1 - h**2)  # tanh'(z) = 1 - tanh(z)^2
d_w1 = x.T @ d_z1  # z1 = x @ w1 + b1
d_b1 = d_z1.sum(0)

print(f"loss {loss:.6f}")
for name, g in [("w1", d_w1), ("b1", d_b1), ("w2", d_w2), ("b2", d_b2)]:
    print(
        f"d loss / d {name}: shape {g.shape}, norm {np.linalg.norm(g):.6f}, first "
        f"entry {g.flat[0]:.6f}"
    )
