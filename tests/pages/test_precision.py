"""The precision page: the float formats' limits it quotes, and its numpy bfloat16 rounding against torch."""

from __future__ import annotations

import contextlib
import io
import runpy

import numpy as np
import torch

from tests.support import ROOT


def test_finfo_numbers_quoted_on_the_precision_page():
    assert torch.finfo(torch.float16).max == 65504
    assert torch.finfo(torch.bfloat16).eps == 2.0**-7
    assert torch.finfo(torch.float16).eps == 2.0**-10
    assert torch.finfo(torch.float8_e4m3fn).max == 448
    assert torch.finfo(torch.float8_e5m2).max == 57344
    big = torch.tensor([70000.0, 1e6])
    assert torch.isinf(big.half()).all()
    assert big.to(torch.float8_e4m3fn).float().tolist() == [448.0, 448.0]  # torch's cast saturates here
    assert torch.isinf(big.to(torch.float8_e5m2).float()).all()
    assert (torch.tensor(1.0, dtype=torch.bfloat16) + 1e-3).item() == 1.0


def test_numpy_bfloat16_rounding_matches_torch_on_random_bit_patterns():
    with contextlib.redirect_stdout(io.StringIO()):
        to_bfloat16 = runpy.run_path(str(ROOT / "snippets" / "precision" / "bfloat16_rounding_numpy.py"))["to_bfloat16"]
    rng = np.random.default_rng(11)
    bits = rng.integers(0, 2**32, size=200_000, dtype=np.uint64).astype(np.uint32)
    bits[:1000] = (bits[:1000] & 0xFFFF0000) | 0x8000  # exact ties
    x = bits.view(np.float32)
    x = x[np.isfinite(x) & (np.abs(x) < np.float32(3.38e38))]  # leave out NaN/inf and values that round to inf
    ours = to_bfloat16(x)
    theirs = torch.from_numpy(x).to(torch.bfloat16).float().numpy()
    assert np.array_equal(ours.view(np.uint32), theirs.view(np.uint32))
