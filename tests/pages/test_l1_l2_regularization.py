"""The L1/L2 regularization page: L1 gives exact zeros, L2 none."""

from __future__ import annotations

import numpy as np

from tests.support import snippet_globals as run


def test_l1_gives_exact_zeros_and_l2_none(tmp_path):
    g = run("l1-l2-regularization/count_zeros_numpy.py", tmp_path)
    assert np.sum(g["w_l1"] == 0) >= 15  # most of the 17 irrelevant weights are exactly zero
    assert np.all(g["w_l1"][:3] != 0)  # the 3 weights that matter survive
    assert np.sum(g["w_l2"] == 0) == 0  # L2 shrinks, never zeroes
