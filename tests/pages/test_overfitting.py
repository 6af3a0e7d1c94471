"""The overfitting page: training loss falls while validation loss rises."""

from __future__ import annotations

import numpy as np
import pytest

from tests.support import snippet_globals as run


@pytest.mark.parametrize("relative", ["overfitting/polynomial_degree_numpy.py"])
def test_overfitting_training_loss_falls_while_validation_loss_rises(relative, tmp_path):
    g = run(relative, tmp_path)
    train, val = g["train_loss"], g["val_loss"]
    # more parameters never fit the training data worse
    assert all(b <= a + 1e-12 for a, b in zip(train[:-1], train[1:], strict=True))
    best = int(np.argmin(val))
    assert 0 < best < len(val) - 1 and val[-1] > 100 * val[best]
