"""The parameters of each kind of layer in a transformer, as numpy arrays of the right
shapes.

d is the model width; counts follow from shapes alone, so the arrays are left empty
(zeros).
"""

import numpy as np

d, vocab, heads = 64, 100, 4


def linear(n_in, n_out, bias=True):
    """A weight matrix (n_out, n_in) and, optionally, a bias vector (n_out,)."""
    return [np.zeros((n_out, n_in))] + ([np.zeros(n_out)] if bias else [])


layers = {
    "embedding (vocab x d)": [np.zeros((vocab, d))],
    "linear d->d": linear(d, d),
    # q, k and v stacked in one (3d, d) matrix, as torch's nn.MultiheadAttention stores
    # them, then the output.
    "attention (q, k, v, out)": linear(d, 3 * d) + linear(d, d),
    "MLP d->4d->d": linear(d, 4 * d) + linear(4 * d, d),
    "gated MLP, no bias": linear(d, 172, False)
    + linear(d, 172, False)
    + linear(172, d, False),
    "LayerNorm (gain, shift)": [np.ones(d), np.zeros(d)],
    "RMSNorm (gain)": [np.ones(d)],
    "activation (GELU)": [],
}
for name, arrays in layers.items():
    print(f"{name:26} tensors={len(arrays)}  parameters={sum(a.size for a in arrays)}")

# The formulas: attention 4(d^2 + d), MLP 8d^2 + 5d, LayerNorm 2d.
print("formulas:", 4 * (d * d + d), 8 * d * d + 5 * d, 2 * d)

# Splitting attention into more heads re-slices the same q, k, v matrices: the count
# does not change.
for h in (1, heads, 8):
    q = np.zeros((d, d)).reshape(h, d // h, d)  # one (d/h, d) slice per head
    print(f"heads={h}: q slices {q.shape}, attention parameters {4 * q.size + 4 * d}")
