"""The backpropagation page: hand-written gradients against autograd and finite differences."""

from __future__ import annotations

import numpy as np

from tests.support import EXACT, FINITE_DIFFERENCES, as_numpy
from tests.support import snippet_globals as run


def test_hand_written_backprop_matches_autograd_and_finite_differences(tmp_path):
    g = run("backpropagation/hand_vs_autograd_torch.py", tmp_path)
    assert g["max_diff_autograd"] < EXACT
    assert g["max_diff_numeric"] < FINITE_DIFFERENCES


def test_backprop_twins_compute_the_same_gradients(tmp_path):
    hand = run("backpropagation/two_layer_numpy.py", tmp_path)
    auto = run("backpropagation/two_layer_torch.py", tmp_path)
    for name in ("w1", "b1", "w2", "b2"):
        diff = np.abs(hand[f"d_{name}"] - as_numpy(auto[name].grad)).max()
        assert diff < EXACT, f"d loss / d {name}: hand-written and autograd differ by {diff:.1e}"


def test_backward_changes_no_weight_and_step_does(tmp_path):
    g = run("backpropagation/backward_changes_no_weight_torch.py", tmp_path)
    change = as_numpy(g["model"].weight) - as_numpy(g["before"])
    assert np.abs(change).max() > 0
    # nn.Linear is float32: the subtraction rounds to float32 precision
    np.testing.assert_allclose(change, -0.1 * as_numpy(g["model"].weight.grad), rtol=0, atol=1e-6)
