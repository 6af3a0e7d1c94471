"""The same network with torch autograd: backward() applies the chain rule for us."""

import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(0)  # the same data and weights as the numpy version
x = torch.from_numpy(rng.normal(size=(16, 5)))
targets = torch.from_numpy(rng.integers(0, 3, size=16))
w1 = torch.tensor(rng.normal(0, 0.5, (5, 8)), requires_grad=True)
b1 = torch.zeros(8, dtype=torch.float64, requires_grad=True)
w2 = torch.tensor(rng.normal(0, 0.5, (8, 3)), requires_grad=True)
b2 = torch.zeros(3, dtype=torch.float64, requires_grad=True)

loss = F.cross_entropy(torch.tanh(x @ w1 + b1) @ w2 + b2, targets)
loss.backward()  # fills .grad of every tensor that requires it

print(f"loss {loss.item():.6f}")
for name, t in [("w1", w1), ("b1", b1), ("w2", w2), ("b2", b2)]:
    g = t.grad.numpy()
    print(
        f"d loss / d {name}: shape {g.shape}, norm {np.linalg.norm(g):.6f}, first "
        f"entry {g.flat[0]:.6f}"
    )
