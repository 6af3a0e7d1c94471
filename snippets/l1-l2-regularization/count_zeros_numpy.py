"""L1 drives most weights to exactly zero; L2 shrinks them all but leaves none at zero.
Count them."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
n, d = 40, 20
x = rng.normal(size=(n, d))
true_w = np.zeros(d)
true_w[:3] = [3.0, -2.0, 1.5]  # only 3 of the 20 features matter
y = x @ true_w + 0.5 * rng.normal(size=n)

# --8<-- [start:fit]
lam = 0.3
# L2: minimize mean((x w - y)^2) + lam * sum(w^2); closed form
w_l2 = np.linalg.solve(x.T @ x / n + lam * np.eye(d), x.T @ y / n)

# L1: minimize mean((x w - y)^2) + lam * sum(|w|); proximal gradient descent (ISTA)
w_l1, lr = np.zeros(d), 0.05
for _ in range(2000):
    w_l1 -= lr * 2 * x.T @ (x @ w_l1 - y) / n  # a gradient step on the squared error
    # soft-threshold: the step for lam*|w|
    w_l1 = np.sign(w_l1) * np.maximum(np.abs(w_l1) - lr * lam, 0.0)

for name, w in [("L1", w_l1), ("L2", w_l2)]:
    print(
        f"{name}: exactly zero {np.sum(w == 0):2d} of {d}, |w| < 0.01: "
        f"{np.sum(np.abs(w) < 0.01):2d}, "
        f"smallest |w| {np.abs(w).min():.2g}, first three {w[:3].round(3)}"
    )
# --8<-- [end:fit]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
idx = np.arange(d)
ax.bar(idx - 0.2, w_l1, width=0.4, label=f"L1: {np.sum(w_l1 == 0)} of {d} exactly zero")
ax.bar(idx + 0.2, w_l2, width=0.4, label=f"L2: {np.sum(w_l2 == 0)} of {d} exactly zero")
ax.axhline(0, color="black", linewidth=0.5)
ax.set_xticks(idx[::2])
ax.set_xlabel("weight index (only 0, 1, 2 matter in the data)")
ax.set_ylabel("learned weight")
ax.set_title("The same data, an L1 penalty against an L2 penalty")
ax.legend()
fig.tight_layout()
fig.savefig("l1_vs_l2_weights.svg", metadata={"Date": None})
