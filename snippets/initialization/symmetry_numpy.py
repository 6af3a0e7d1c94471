"""All-equal starting weights keep every hidden unit identical forever; random ones
break the symmetry."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(64, 4))
# a target that needs several hidden units
y = np.sin(x @ np.array([[1.0], [-2.0], [0.5], [1.5]]))
n_hidden = 8
starts = {
    "all zeros": (np.zeros((4, n_hidden)), np.zeros((n_hidden, 1))),
    "all 0.3": (np.full((4, n_hidden), 0.3), np.full((n_hidden, 1), 0.3)),
    "random": (rng.normal(0, 0.5, (4, n_hidden)), rng.normal(0, 0.5, (n_hidden, 1))),
}

for name, (w1_start, w2_start) in starts.items():
    w1, b1, w2, b2 = w1_start.copy(), np.zeros(n_hidden), w2_start.copy(), np.zeros(1)
    # full-batch gradient descent with hand-written backpropagation
    for _ in range(300):
        h = np.tanh(x @ w1 + b1)
        err = h @ w2 + b2 - y
        d_out = 2 * err / len(y)  # dLoss/dPrediction for the mean squared error
        d_h = d_out @ w2.T * (1 - h**2)
        w2 -= 0.2 * h.T @ d_out
        b2 -= 0.2 * d_out.sum(0)
        w1 -= 0.2 * x.T @ d_h
        b1 -= 0.2 * d_h.sum(0)
    loss = np.mean((np.tanh(x @ w1 + b1) @ w2 + b2 - y) ** 2)
    # one row per hidden unit: its incoming and outgoing weights
    units = np.vstack([w1, b1, w2.T]).T
    distinct = len(np.unique(units.round(6), axis=0))
    print(
        f"{name:>9}: loss {loss:.4f}, "
        f"distinct hidden units {distinct} of {n_hidden}, "
        f"max |w1| {np.abs(w1).max():.4f}"
    )
