"""The gradient-descent page: the numpy and torch twins agree."""

from __future__ import annotations

import numpy as np

from tests.support import EXACT, as_numpy
from tests.support import snippet_globals as run


def test_gradient_descent_twins_agree(tmp_path):
    hand = run("gradient-descent/descent_numpy.py", tmp_path)
    ref = run("gradient-descent/descent_torch.py", tmp_path)
    for name in ("w_full", "w_sgd"):
        assert np.abs(hand[name] - as_numpy(ref[name])).max() < EXACT
