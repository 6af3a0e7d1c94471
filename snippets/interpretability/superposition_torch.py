"""One unit, many features: squeeze 5 sparse features through 2 hidden units and read
the weights."""

import matplotlib
import torch
from torch import nn

matplotlib.use("Agg")
import matplotlib.pyplot as plt

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
rows = []  # the printed weights, for the figure
for unit in range(n_hidden):
    row = [round(v, 2) + 0.0 for v in weights[unit].tolist()]
    rows.append(row)
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

# Each feature's column of W is its direction in the plane of the two hidden units.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.2, 3.4))
for i, (u0, u1) in enumerate(zip(*rows, strict=True)):
    ax.annotate("", (u0, u1), (0, 0), arrowprops=dict(arrowstyle="->", lw=1.5))
    side = "left" if u0 > 0.5 else "right" if u0 < -0.5 else "center"
    ax.text(1.1 * u0, 1.15 * u1, f"feature {i}", ha=side, va="center")
ax.axhline(0, color="#bbbbbb", lw=0.8)
ax.axvline(0, color="#bbbbbb", lw=0.8)
ax.set(xlim=(-2, 2), ylim=(-1.5, 1.5), aspect="equal")
ax.set_xlabel("weight on hidden unit 0")
ax.set_ylabel("weight on hidden unit 1")
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("superposition.svg", metadata=no_metadata)
