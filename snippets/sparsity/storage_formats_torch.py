"""Bytes needed to store one float32 matrix densely, as COO and as CSR, at several
sparsities (torch tensors)."""

import warnings

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same random matrices as the numpy version
rows, cols = 256, 256

print(f"{'sparsity':>8} {'nonzeros':>8} {'dense B':>8} {'COO B':>8} {'CSR B':>8}")
for sparsity in [0.0, 0.5, 0.67, 0.8, 0.9, 0.99]:
    w = torch.from_numpy(rng.normal(size=(rows, cols)).astype(np.float32))
    w[torch.from_numpy(rng.random((rows, cols)) < sparsity)] = 0.0
    # torch.sparse_coo: indices (2, nnz) int64, values (nnz,) float32
    coo = w.to_sparse()
    # CSR prints a "beta" UserWarning once
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # torch.sparse_csr: crow_indices (rows + 1), col_indices (nnz), values (nnz)
        csr = w.to_sparse_csr()
    coo_bytes = coo.indices().nbytes + coo.values().nbytes
    csr_bytes = (
        csr.crow_indices().nbytes + csr.col_indices().nbytes + csr.values().nbytes
    )
    print(
        f"{sparsity:8.2f} {coo.values().numel():8d} {w.nbytes:8d} {coo_bytes:8d} "
        f"{csr_bytes:8d}"
    )
