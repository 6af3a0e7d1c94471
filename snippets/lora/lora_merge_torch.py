"""The same LoRA computation in torch: frozen W plus scaled B @ A, then merged into one
matrix."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same numbers as the numpy version
d_in, d_out, r, alpha = 12, 8, 2, 4

W = torch.from_numpy(rng.normal(size=(d_out, d_in)))  # the pre-trained weight: frozen
A = torch.from_numpy(rng.normal(size=(r, d_in)) * 0.1)  # trainable, r x d_in
B = torch.from_numpy(rng.normal(size=(d_out, r)) * 0.1)  # trainable, d_out x r
scale = alpha / r
print(
    "full weight:",
    W.numel(),
    "parameters | adapter r*(d_in+d_out):",
    A.numel() + B.numel(),
    "=",
    r * (d_in + d_out),
)

x = torch.from_numpy(rng.normal(size=(5, d_in)))
y_adapter = x @ W.T + scale * (x @ A.T) @ B.T
W_merged = W + scale * B @ A
y_merged = x @ W_merged.T
print("rank of the update B @ A:", torch.linalg.matrix_rank(B @ A).item())
print(
    "merged and adapter outputs agree within 1e-12:",
    (y_adapter - y_merged).abs().max().item() < 1e-12,
)
print("first output, rounded:", np.round(y_merged[0, :4].numpy(), 4))
