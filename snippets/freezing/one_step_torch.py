"""The same step in torch: requires_grad=False on W1, so autograd skips it and the
optimizer never sees it."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same numbers as the numpy version
W1 = torch.tensor(rng.normal(size=(3, 4)), requires_grad=True)
W2 = torch.tensor(rng.normal(size=(2, 3)), requires_grad=True)
x, y = (
    torch.from_numpy(rng.normal(size=(8, 4))),
    torch.from_numpy(rng.normal(size=(8, 2))),
)
lr = 0.1

W1.requires_grad_(False)  # freeze the backbone
W1_before, W2_before = W1.clone(), W2.detach().clone()
opt = torch.optim.SGD([p for p in (W1, W2) if p.requires_grad], lr=lr)
loss = 0.5 * ((torch.tanh(x @ W1.T) @ W2.T - y) ** 2).sum() / len(x)
loss.backward()
print(
    "parameters:",
    W1.numel() + W2.numel(),
    "| trainable:",
    sum(p.numel() for p in (W1, W2) if p.requires_grad),
)
opt.step()
print("gradient of the frozen layer:", W1.grad, "(autograd did not compute it)")
# W1 has no gradient at all; its norm is computed separately (same formula as numpy) for
# comparison.
h = torch.tanh(x @ W1.T)
g1 = (((h @ W2_before.T - y) @ W2_before) * (1 - h**2)).T @ x / len(x)
print(f"W1: gradient norm {g1.norm():.4f}, change {(W1 - W1_before).norm():.4f}")
print(
    f"W2: gradient norm {W2.grad.norm():.4f}, change "
    f"{(W2.detach() - W2_before).norm():.4f}"
)
