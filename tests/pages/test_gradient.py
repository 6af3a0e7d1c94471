"""The gradient page: the formula against autograd and finite differences."""

from __future__ import annotations

import numpy as np

from tests.support import EXACT, FINITE_DIFFERENCES, as_numpy
from tests.support import snippet_globals as run


def test_gradient_formula_matches_autograd_and_finite_differences(tmp_path):
    formula = run("gradient/gradient_numpy.py", tmp_path)
    auto = run("gradient/gradient_torch.py", tmp_path)
    assert np.abs(formula["grad"] - as_numpy(auto["w"].grad)).max() < EXACT
    loss, w, h = formula["loss"], formula["w"], 1e-5
    numeric = np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(3)])
    assert np.abs(formula["grad"] - numeric).max() < FINITE_DIFFERENCES
