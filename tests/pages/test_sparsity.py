"""The sparsity page: bytes of the real sparse tensors."""

from __future__ import annotations

import warnings

import pytest
import torch


@pytest.mark.parametrize("density", [0.05, 0.3, 0.5, 1.0])
def test_coo_and_csr_bytes_follow_the_per_nonzero_costs(density):
    gen = torch.Generator().manual_seed(0)
    w = torch.randn(64, 48, generator=gen)
    w[torch.rand(64, 48, generator=gen) >= density] = 0.0
    nnz = int((w != 0).sum())
    coo = w.to_sparse()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csr = w.to_sparse_csr()
    assert coo.indices().nbytes + coo.values().nbytes == 20 * nnz  # 2 int64 indices + 1 float32 value
    csr_bytes = csr.crow_indices().nbytes + csr.col_indices().nbytes + csr.values().nbytes
    assert csr_bytes == 12 * nnz + 8 * (64 + 1)
    assert w.nbytes == 64 * 48 * 4  # dense: the zeros cost as much as anything else
