"""Four optimizers from one starting point on one 2-D loss surface: a long, narrow,
curved valley."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch


def loss_fn(p):
    """A stretched Rosenbrock-style valley with its minimum at (1, 1)."""
    return (1 - p[0]) ** 2 + 10 * (p[1] - p[0] ** 2) ** 2


# --8<-- [start:paths]
optimizers = {
    "SGD, lr=0.005": lambda p: torch.optim.SGD(p, lr=0.005),
    "SGD momentum=0.9, lr=0.002": lambda p: torch.optim.SGD(p, lr=0.002, momentum=0.9),
    "Adam, lr=0.1": lambda p: torch.optim.Adam(p, lr=0.1),
    "AdamW, lr=0.1, weight_decay=0.1": lambda p: torch.optim.AdamW(
        p, lr=0.1, weight_decay=0.1
    ),
}
paths = {}
for name, make in optimizers.items():
    p = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
    opt, path = make([p]), [p.detach().numpy().copy()]
    for _ in range(150):
        opt.zero_grad()
        loss_fn(p).backward()
        opt.step()
        path.append(p.detach().numpy().copy())
    paths[name] = np.array(path)
    print(
        f"{name:<32} after 150 steps at ({p[0]:.3f}, {p[1]:.3f}), loss "
        f"{loss_fn(p).item():.4f}"
    )
# --8<-- [end:paths]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
gx, gy = np.meshgrid(np.linspace(-2, 2, 80), np.linspace(-0.5, 3, 80))
ax.contour(gx, gy, np.log1p(loss_fn([gx, gy])), levels=10, colors="0.8", linewidths=0.6)
for name, path in paths.items():
    ax.plot(path[:, 0], path[:, 1], linewidth=1.2, label=name)
ax.plot([1], [1], "k*", markersize=10, label="minimum (1, 1)")
ax.set_xlabel("parameter 1")
ax.set_ylabel("parameter 2")
ax.set_title("150 steps of four optimizers on one loss surface")
ax.legend(fontsize=7, loc="upper right")
fig.tight_layout()
fig.savefig("optimizer_paths.svg", metadata={"Date": None})
