"""LoRA adds B @ A (rank r) to a frozen weight W; merging it into W gives the same
outputs."""

import numpy as np

rng = np.random.default_rng(0)
d_in, d_out, r, alpha = 12, 8, 2, 4

W = rng.normal(size=(d_out, d_in))  # the pre-trained weight: frozen
A = rng.normal(size=(r, d_in)) * 0.1  # trainable, r x d_in
# trainable, d_out x r (starts at zero in LoRA; as if trained here)
B = rng.normal(size=(d_out, r)) * 0.1
scale = alpha / r
print(
    "full weight:",
    W.size,
    "parameters | adapter r*(d_in+d_out):",
    A.size + B.size,
    "=",
    r * (d_in + d_out),
)

x = rng.normal(size=(5, d_in))  # a batch of 5 inputs
y_adapter = x @ W.T + scale * (x @ A.T) @ B.T  # the frozen path plus the low-rank path
# fold the adapter into the weight: no extra cost at inference
W_merged = W + scale * B @ A
y_merged = x @ W_merged.T
print("rank of the update B @ A:", np.linalg.matrix_rank(B @ A))
print(
    "merged and adapter outputs agree within 1e-12:",
    np.abs(y_adapter - y_merged).max() < 1e-12,
)
print("first output, rounded:", np.round(y_merged[0, :4], 4))
