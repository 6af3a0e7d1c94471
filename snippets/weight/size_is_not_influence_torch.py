"""A weight's size is not its influence, with torch: zero one weight of a fitted
nn.Linear and watch the loss.

The same data and model as the numpy version; torch.linalg.lstsq fits it exactly, so
both print the same numbers.
"""

import numpy as np
import torch
from torch import nn

rng = np.random.default_rng(0)  # the same data as the numpy version
n = 200
# typical sizes 0.01, 1 and 100, like lengths in different units
scales = np.array([0.01, 1.0, 100.0])
x_np = rng.normal(size=(n, 3)) * scales
# centered, so zeroing a weight removes only that input's variation, not an offset
x_np -= x_np.mean(axis=0)
y_np = x_np @ np.array([30.0, -1.5, 0.02]) + 0.1 * rng.normal(size=n)
x, y = torch.from_numpy(x_np), torch.from_numpy(y_np).unsqueeze(1)


def fit(inputs):
    """An nn.Linear(3, 1) whose weight and bias are the least-squares solution for y ~
    inputs @ w + b."""
    coef = torch.linalg.lstsq(
        torch.cat([inputs, torch.ones(n, 1, dtype=inputs.dtype)], dim=1), y
    ).solution
    layer = nn.Linear(3, 1, dtype=torch.float64)
    with torch.no_grad():
        layer.weight.copy_(coef[:-1].T)  # (out_features, in_features) = (1, 3)
        layer.bias.copy_(coef[-1])
    return layer


loss_fn = nn.MSELoss()
with torch.no_grad():
    layer = fit(x)
    base = loss_fn(layer(x), y).item()
    w = layer.weight[0].clone()
    std = x.std(dim=0, correction=0)
    increase = []
    for j in range(3):
        # remove this one weight, keep all the others as trained
        layer.weight[0, j] = 0.0
        increase.append(loss_fn(layer(x), y).item() - base)
        layer.weight[0, j] = w[j]

    print(
        f"{'input':5}  {'weight':>8}  {'std(x)':>7}  {'|w|*std(x)':>10}  "
        f"{'loss increase if w = 0':>22}"
    )
    for j in range(3):
        wj, sj = w[j].item(), std[j].item()
        print(
            f"x{j + 1:<4}  {wj:#8.4g}  {sj:#7.3g}  {abs(wj) * sj:10.3f}  "
            f"{increase[j]:+22.3f}"
        )
    print(f"fitted loss: {base:.4f}")
    print(
        "rank by |w|:           ",
        " > ".join(f"x{j + 1}" for j in torch.argsort(-w.abs()).tolist()),
    )
    print(
        "rank by loss increase: ",
        " > ".join(
            f"x{j + 1}" for j in torch.argsort(-torch.tensor(increase)).tolist()
        ),
    )

    # Standardize the inputs (each to std 1) and fit again: new units, new weights, the
    # same model.
    z = x / std
    layer_z = fit(z)
    print(
        "weights on standardized inputs:",
        [round(v, 3) for v in layer_z.weight[0].tolist()],
    )
    print(
        "same predictions as before:",
        torch.allclose(layer_z(z), layer(x), rtol=0, atol=1e-9),
    )
