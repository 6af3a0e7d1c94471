"""Bytes needed to store one float32 matrix densely, as COO and as CSR, at several
sparsities (numpy arrays)."""

import numpy as np

rng = np.random.default_rng(0)
rows, cols = 256, 256

print(f"{'sparsity':>8} {'nonzeros':>8} {'dense B':>8} {'COO B':>8} {'CSR B':>8}")
for sparsity in [0.0, 0.5, 0.67, 0.8, 0.9, 0.99]:
    w = rng.normal(size=(rows, cols)).astype(np.float32)
    # zeros, still stored densely: same bytes as before
    w[rng.random((rows, cols)) < sparsity] = 0.0
    r, c = np.nonzero(w)
    values = w[r, c]
    # 2 int64 indices + 1 float32 value per nonzero
    coo = [np.stack([r, c]).astype(np.int64), values]
    row_counts = np.bincount(r, minlength=rows)
    # rows + 1 offsets
    crow = np.concatenate([[0], np.cumsum(row_counts)]).astype(np.int64)
    # 1 int64 column index + 1 float32 value per nonzero
    csr = [crow, c.astype(np.int64), values]
    print(
        f"{sparsity:8.2f} {values.size:8d} {w.nbytes:8d} "
        f"{sum(a.nbytes for a in coo):8d} {sum(a.nbytes for a in csr):8d}"
    )
