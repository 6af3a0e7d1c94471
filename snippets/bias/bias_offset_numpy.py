"""What a bias does: without one, a linear model's output is forced through zero when
the input is zero."""

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
