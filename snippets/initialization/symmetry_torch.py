"""The same experiment with torch autograd: identical starting weights get identical
gradients."""

import numpy as np
import torch

# the same data and starting weights as the numpy version
rng = np.random.default_rng(0)
x_np = rng.normal(size=(64, 4))
x = torch.from_numpy(x_np)
y = torch.sin(x @ torch.tensor([[1.0], [-2.0], [0.5], [1.5]], dtype=torch.float64))
n_hidden = 8
starts = {
    "all zeros": (np.zeros((4, n_hidden)), np.zeros((n_hidden, 1))),
    "all 0.3": (np.full((4, n_hidden), 0.3), np.full((n_hidden, 1), 0.3)),
    "random": (rng.normal(0, 0.5, (4, n_hidden)), rng.normal(0, 0.5, (n_hidden, 1))),
}

for name, (w1_start, w2_start) in starts.items():
    w1 = torch.tensor(w1_start, requires_grad=True)
    b1 = torch.zeros(n_hidden, dtype=torch.float64, requires_grad=True)
    w2 = torch.tensor(w2_start, requires_grad=True)
    b2 = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w1, b1, w2, b2], lr=0.2)
    for _ in range(300):
        opt.zero_grad()
        loss = torch.mean((torch.tanh(x @ w1 + b1) @ w2 + b2 - y) ** 2)
        loss.backward()
        opt.step()
    with torch.no_grad():
        loss = torch.mean((torch.tanh(x @ w1 + b1) @ w2 + b2 - y) ** 2).item()
        units = torch.vstack([w1, b1, w2.T]).T
    distinct = len(np.unique(units.numpy().round(6), axis=0))
    print(
        f"{name:>9}: loss {loss:.4f}, "
        f"distinct hidden units {distinct} of {n_hidden}, "
        f"max |w1| {w1.abs().max():.4f}"
    )
