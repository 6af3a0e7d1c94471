"""More parameters is not always better: at a fixed compute budget, loss against model
size is U-shaped.

Uses the parametric loss fitted by Hoffmann et al. (2022), Section 3.3 (Approach 3):
L(N, D) = E + A / N^alpha + B / D^beta, with D = C / (6 N) tokens for a budget of C
FLOPs.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

E, A, B, alpha, beta = 1.69, 406.4, 410.7, 0.34, 0.28


def loss(n, d):
    return E + A / n**alpha + B / d**beta


# Same compute, two ways to spend it (Hoffmann et al. 2022: Gopher vs Chinchilla, about
# 5.8e23 FLOPs each).
for name, n, d in (("Gopher", 280e9, 300e9), ("Chinchilla", 70e9, 1.4e12)):
    print(
        f"{name:10}  N = {n / 1e9:3.0f}B  D = {d / 1e9:4.0f}B  C = {6 * n * d:.2e}  "
        f"predicted loss {loss(n, d):.3f}"
    )

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
n_grid = np.logspace(7.5, 12, 200)
print("\nbudget (FLOPs)   loss-minimizing N   tokens D   tokens/param   loss")
for budget in (1e20, 1e21, 1e22, 1e23, 1e24):
    d_grid = budget / (6 * n_grid)
    curve = loss(n_grid, d_grid)
    best = np.argmin(curve)
    ax.plot(n_grid, curve, label=f"C = {budget:.0e} FLOPs")
    ax.plot(n_grid[best], curve[best], "k.", markersize=8)
    print(
        f"{budget:14.0e}   {n_grid[best] / 1e9:15.2f}B   {d_grid[best] / 1e9:7.0f}B "
        "  "
        f"{d_grid[best] / n_grid[best]:12.1f}   {curve[best]:.3f}"
    )
ax.set_xscale("log")
ax.set_ylim(1.85, 3.6)
ax.set_xlabel("parameters N (training tokens D = C / 6N)")
ax.set_ylabel("predicted loss")
ax.set_title("Fixed compute: too many parameters means too few tokens", fontsize=10)
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig("isoflop_curves.svg", metadata={"Date": None})
