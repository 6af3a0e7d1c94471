"""The loss-function page: cross-entropy by hand against torch."""

from __future__ import annotations

import numpy as np

from tests.support import EXACT, as_numpy
from tests.support import snippet_globals as run


def test_cross_entropy_by_hand_matches_torch(tmp_path):
    hand = run("loss-function/cross_entropy_numpy.py", tmp_path)
    ref = run("loss-function/cross_entropy_torch.py", tmp_path)
    assert np.abs(hand["per_token"] - as_numpy(ref["per_token"])).max() < EXACT
    assert abs(hand["loss"] - ref["loss"].item()) < EXACT
