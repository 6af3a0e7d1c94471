"""What a bias does: without one, a linear model's output is forced through zero when
the input is zero."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-1.0, 3.0, 9)
y = 2.0 * x + 3.0  # data with an offset of 3

# Least squares with a weight only: y ~ w x.
w_only = np.sum(x * y) / np.sum(x * x)
mse_no_bias = np.mean((w_only * x - y) ** 2)

# Least squares with a weight and a bias: y ~ w x + b (a column of ones carries the
# bias).
X = np.stack([x, np.ones_like(x)], axis=1)
(w, b), *_ = np.linalg.lstsq(X, y, rcond=None)
mse_bias = np.mean((w * x + b - y) ** 2)

print(
    f"no bias:   w = {w_only:.4f}                 prediction at x=0: {0.0:.4f}   "
    f"mse = {mse_no_bias:.4f}"
)
print(
    f"with bias: w = {w:.4f}  b = {b:.4f}   prediction at x=0: {b:.4f}   mse = "
    f"{abs(mse_bias):.4f}"
)

# The figure: the data and both fitted lines, from the printed (rounded) numbers.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
fig, ax = plt.subplots(figsize=(4.8, 3.3))
ends = np.array([-1.5, 3.5])
ax.axhline(0, color="0.8", linewidth=0.8)
ax.axvline(0, color="0.8", linewidth=0.8)
ax.plot(x, y, "ko", markersize=4, label="data: y = 2x + 3")
ax.plot(ends, round(w_only, 4) * ends, "--", color="#c62828",
        label=f"no bias: y = {w_only:.3f}x")
ax.plot(ends, round(w, 4) * ends + round(b, 4), color="#3949ab",
        label=f"with bias: y = {w:.0f}x + {b:.0f}")
ax.plot(0, 0, "o", color="#c62828", markersize=7, fillstyle="none")
ax.plot(0, round(b, 4), "o", color="#3949ab", markersize=7, fillstyle="none")
ax.annotate("without a bias,\n0 at x = 0", (0.05, -0.1), (0.45, -3.2), fontsize=9,
            color="#c62828", arrowprops={"arrowstyle": "->", "color": "#c62828"})
ax.annotate("b = 3 at x = 0", (-0.05, 3.1), (-1.45, 4.6), fontsize=9,
            color="#3949ab", arrowprops={"arrowstyle": "->", "color": "#3949ab"})
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend(loc="upper left", fontsize=9)
fig.tight_layout()
fig.savefig("bias_offset.svg", metadata={"Date": None})
