"""A weight's size is not its influence: what a weight does depends on the size of the
input it multiplies.

A linear model is fitted by least squares to three inputs measured on very different
scales. The largest weight
belongs to the input that barely varies, so removing it hurts least; rescaling the
inputs changes every weight
but not a single prediction.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
n = 200
# typical sizes 0.01, 1 and 100, like lengths in different units
scales = np.array([0.01, 1.0, 100.0])
x = rng.normal(size=(n, 3)) * scales
# centered, so zeroing a weight removes only that input's variation, not an offset
x -= x.mean(axis=0)
y = x @ np.array([30.0, -1.5, 0.02]) + 0.1 * rng.normal(size=n)


def fit(inputs):
    """Least squares for y ~ inputs @ w + b; a column of ones carries the bias."""
    coef, *_ = np.linalg.lstsq(np.column_stack([inputs, np.ones(n)]), y, rcond=None)
    return coef[:-1], coef[-1]


def loss(inputs, w, b):
    return np.mean((inputs @ w + b - y) ** 2)


w, b = fit(x)
base = loss(x, w, b)
std = x.std(axis=0)
increase = []
for j in range(3):
    w_ablated = w.copy()
    w_ablated[j] = 0.0  # remove this one weight, keep all the others as trained
    increase.append(loss(x, w_ablated, b) - base)

print(
    f"{'input':5}  {'weight':>8}  {'std(x)':>7}  {'|w|*std(x)':>10}  "
    f"{'loss increase if w = 0':>22}"
)
for j in range(3):
    print(
        f"x{j + 1:<4}  {w[j]:#8.4g}  {std[j]:#7.3g}  {abs(w[j]) * std[j]:10.3f}  "
        f"{increase[j]:+22.3f}"
    )
print(f"fitted loss: {base:.4f}")
print(
    "rank by |w|:           ", " > ".join(f"x{j + 1}" for j in np.argsort(-np.abs(w)))
)
print(
    "rank by loss increase: ",
    " > ".join(f"x{j + 1}" for j in np.argsort(-np.array(increase))),
)

# Standardize the inputs (each to std 1) and fit again: new units, new weights, the same
# model.
z = x / std
w_z, b_z = fit(z)
print("weights on standardized inputs:", np.round(w_z, 3).tolist())
print(
    "same predictions as before:",
    np.allclose(z @ w_z + b_z, x @ w + b, rtol=0, atol=1e-9),
)

# The figure: each input's weight beside what removing it costs, from rounded values.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
fig, (left, right) = plt.subplots(1, 2, figsize=(6, 2.3), sharey=True)
names = [f"x{j + 1}, std {std[j]:.3g}" for j in range(3)]
colors = ["#3949ab", "#00897b", "#c62828"]
sizes = [float(f"{abs(v):.4g}") for v in w]
costs = [round(v, 3) for v in increase]
left.barh(names, sizes, color=colors)
left.set_xscale("log")
left.set_xlim(0.01, 300)
left.set_xticks([0.01, 1, 100], ["0.01", "1", "100"])
left.minorticks_off()
left.set_title("|weight| (log scale)", fontsize=10)
right.barh(names, costs, color=colors)
right.set_xlim(0, 4.8)
right.set_title("loss increase if removed", fontsize=10)
for ax, values in [(left, sizes), (right, costs)]:
    for i, v in enumerate(values):
        ax.text(v * 1.15 if ax is left else v + 0.1, i, f"{v:g}", va="center",
                fontsize=9)
left.invert_yaxis()
fig.tight_layout()
fig.savefig("size_is_not_influence.svg", metadata={"Date": None})
