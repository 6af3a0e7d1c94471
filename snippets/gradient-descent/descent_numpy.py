"""Gradient descent on a linear model: full batch against mini-batches (stochastic
gradient descent)."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(200, 3))
y = x @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=200)
# 60 random mini-batches of 20 examples
batches = [rng.permutation(200)[:20] for _ in range(60)]


def loss(w: np.ndarray) -> float:
    return np.mean((x @ w - y) ** 2)


lr = 0.1
w_full, w_sgd = np.zeros(3), np.zeros(3)
path_full, path_sgd = [w_full.copy()], [w_sgd.copy()]  # for the figure
for step, idx in enumerate(batches, start=1):
    w_full -= lr * 2 * x.T @ (x @ w_full - y) / len(y)  # gradient over all 200 examples
    xb, yb = x[idx], y[idx]
    # gradient over 20 examples: cheaper, noisier
    w_sgd -= lr * 2 * xb.T @ (xb @ w_sgd - yb) / len(yb)
    path_full.append(w_full.copy())
    path_sgd.append(w_sgd.copy())
    if step in (1, 5, 20, 60):
        print(
            f"step {step:2d}: full-batch loss {loss(w_full):.4f}, mini-batch loss "
            f"{loss(w_sgd):.4f}"
        )
print("full-batch w:", w_full.round(3), " mini-batch w:", w_sgd.round(3))

# The figure: both paths over the first two weights, on the contours of the loss with
# the third weight at 0.5. Rounded, so that the drawing does not depend on the CPU.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.8, 3))
g0, g1 = np.meshgrid(np.linspace(-0.2, 2.6, 57), np.linspace(-1.3, 0.2, 31))
grid = np.stack([g0, g1, np.full_like(g0, 0.5)], axis=-1)
surface = np.mean((grid @ x.T - y) ** 2, axis=-1).round(3)
contours = ax.contour(g0, g1, surface, levels=[0.1, 0.5, 1, 2, 4], colors="0.6",
                      linewidths=0.8)
# labels low on each ring, away from the paths
ax.clabel(contours, fontsize=8, manual=[(x, -1.2) for x in (1.8, 1.3, 1, 0.6, 0)])
for path, label in [(path_full, "full batch"), (path_sgd, "mini-batches of 20")]:
    path = np.array(path[:21]).round(3)  # the first 20 steps; then they hardly move
    ax.plot(path[:, 0], path[:, 1], ".-", markersize=5, linewidth=1, label=label)
ax.plot([2], [-1], "k*", markersize=10, label="true weights (2, -1)")
ax.set_aspect("equal")
ax.set_xlabel("first weight")
ax.set_ylabel("second weight")
ax.legend(loc="upper right", fontsize=9)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # lighter
fig.savefig("descent_paths.svg", metadata=no_metadata)
