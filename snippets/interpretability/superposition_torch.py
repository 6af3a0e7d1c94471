"""One unit, many features: squeeze 5 sparse features through 2 hidden units and read
the weights."""

import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(1)
n_features, n_hidden = 5, 2

# Each feature is active (uniform in [0, 1]) in 5% of the examples and zero otherwise.
W = nn.Parameter(0.1 * torch.randn(n_hidden, n_features))
b = nn.Parameter(torch.zeros(n_features))
opt = torch.optim.Adam([W, b], lr=2e-2)
for _ in range(800):
    x = torch.rand(512, n_features) * (torch.rand(512, n_features) < 0.05)
    x_hat = torch.relu(x @ W.T @ W + b)  # encode to 2 numbers, decode back to 5
    loss = ((x - x_hat) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()

weights = W.detach()
for unit in range(n_hidden):
    row = [round(v, 2) + 0.0 for v in weights[unit].tolist()]
    used = [i for i, v in enumerate(row) if abs(v) > 0.5]
    print(f"hidden unit {unit}: weights {row} -> responds to features {used}")
print(
    "features represented (norm > 0.5):",
    int((weights.norm(dim=0) > 0.5).sum()),
    "of",
    n_features,
    "in",
    n_hidden,
    "units",
)
