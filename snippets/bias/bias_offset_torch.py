"""What a bias does, with torch: nn.Linear(1, 1, bias=False) cannot fit data that does
not pass through zero."""

import torch

x = torch.linspace(-1.0, 3.0, 9, dtype=torch.float64)
y = 2.0 * x + 3.0  # data with an offset of 3

# Least squares with a weight only: y ~ w x.
w_only = torch.sum(x * y) / torch.sum(x * x)
mse_no_bias = torch.mean((w_only * x - y) ** 2)

# Least squares with a weight and a bias: y ~ w x + b (a column of ones carries the
# bias).
X = torch.stack([x, torch.ones_like(x)], dim=1)
w, b = torch.linalg.lstsq(X, y.unsqueeze(1)).solution.squeeze(1).tolist()
mse_bias = torch.mean((w * x + b - y) ** 2)

print(
    f"no bias:   w = {w_only:.4f}                 prediction at x=0: {0.0:.4f}   "
    f"mse = {mse_no_bias:.4f}"
)
print(
    f"with bias: w = {w:.4f}  b = {b:.4f}   prediction at x=0: {b:.4f}   mse = "
    f"{abs(mse_bias):.4f}"
)
