"""The gradient at a few points of the loss surface: it points uphill, across the
contour lines, and is longest where the surface is steepest."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)  # the data of gradient_numpy.py
x = rng.normal(size=(50, 3))
y = x @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=50)


def loss(w: np.ndarray) -> float:
    return np.mean((x @ w - y) ** 2)


def grad(w: np.ndarray) -> np.ndarray:
    return 2 * x.T @ (x @ w - y) / len(y)


# the first two weights vary, the third stays at 0.5
points = [(0.5, 0.5), (3.0, 0.5), (0.0, -1.5), (3.0, -2.0), (1.5, -2.5), (2.0, -1.0)]
arrows = []
for w1, w2 in points:
    w = np.array([w1, w2, 0.5])
    g = grad(w)
    arrows.append((w1, w2, *g[:2].round(2)))
    print(
        f"w = ({w1:4}, {w2:4}, 0.5): loss {loss(w):6.3f}, gradient "
        f"({g[0]:6.3f}, {g[1]:6.3f}, {g[2]:6.3f}), length {np.linalg.norm(g):.3f}"
    )

# The figure: contours of the loss over the first two weights, and each gradient's
# first two entries as an arrow (a fifth of its length), drawn from rounded values.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
fig, ax = plt.subplots(figsize=(4.4, 3.9))
g1, g2 = np.meshgrid(np.linspace(-1.4, 4.2, 29), np.linspace(-3.6, 1.6, 27))
grid = np.stack([g1, g2, np.full_like(g1, 0.5)], axis=-1)
surface = np.mean((grid @ x.T - y) ** 2, axis=-1).round(2)
contours = ax.contour(g1, g2, surface, levels=[0.5, 2, 4, 8], colors="0.6",
                      linewidths=0.8)
ax.clabel(contours, fontsize=8)
for w1, w2, d1, d2 in arrows:
    ax.annotate("", (w1 + 0.2 * d1, w2 + 0.2 * d2), (w1, w2),
                arrowprops={"arrowstyle": "->", "color": "#c62828", "lw": 1.5})
    ax.plot(w1, w2, "o", color="#c62828", markersize=3)
ax.plot([2], [-1], "k*", markersize=9)
ax.text(2.1, -0.9, "minimum", fontsize=9)
ax.text(0.6, 0.2, "(0.5, 0.5)", fontsize=9, color="#c62828")
ax.set_aspect("equal")
ax.set(xlim=(-1.4, 4.2), ylim=(-3.6, 1.6))
ax.set_xlabel("first weight")
ax.set_ylabel("second weight")
ax.set_title("Arrows: 0.2 × gradient, pointing uphill", fontsize=10)
fig.tight_layout()
fig.savefig("gradient_field.svg", metadata={"Date": None})
