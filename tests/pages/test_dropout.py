"""The dropout page: dropout keeps the mean in training and is off in eval."""

from __future__ import annotations

import numpy as np
import torch

from tests.support import as_numpy
from tests.support import snippet_globals as run


def test_dropout_keeps_the_mean_and_is_off_in_eval(tmp_path):
    g = run("dropout/module_modes_torch.py", tmp_path)
    assert not torch.equal(g["a"], g["b"])
    assert torch.equal(g["c"], g["d"])
    np.testing.assert_allclose(as_numpy(g["a"][g["a"] != 0]), as_numpy(g["c"][g["a"] != 0] / 0.75), rtol=1e-6)
