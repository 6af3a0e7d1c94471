"""The weight-decay page: decay is L2 for SGD but not for Adam."""

from __future__ import annotations

import numpy as np

from tests.support import EXACT
from tests.support import snippet_globals as run


def test_weight_decay_is_l2_for_sgd_but_not_for_adam(tmp_path):
    g = run("weight-decay/decay_vs_l2_torch.py", tmp_path)
    assert g["max_diff_sgd"] < EXACT
    names = ("Adam, no decay", "Adam(weight_decay=0.1)", "AdamW(weight_decay=0.1)")
    adam, adam_wd, adamw = (g["results"][k] for k in names)
    # the decay vanished into Adam's scaling: g / (|g| + eps) is 1 to within 1e-7 for both gradients
    np.testing.assert_allclose(adam_wd[:2], adam[:2], rtol=0, atol=1e-6)
    assert np.abs(adam_wd - adamw).max() > 0.01
    # AdamW: shrink by lr * wd, then Adam's first step of lr * sign(gradient)
    np.testing.assert_allclose(adamw, 2.0 * (1 - 0.1 * 0.1) - 0.1 * np.array([1, 1, 0]), rtol=0, atol=1e-6)
