"""The learning-rate page: above 2 / curvature, gradient descent diverges."""

from __future__ import annotations

from tests.support import snippet_globals as run


def test_learning_rate_above_two_over_curvature_diverges(tmp_path):
    g = run("learning-rate/too_small_right_too_large_numpy.py", tmp_path)
    limit = 2 / g["sharpest"]
    for label, losses in g["curves"].items():
        lr = float(label.split("lr=")[1])
        if lr > limit:
            assert losses[-1] > 100 * losses[0], label
        else:
            assert losses[-1] < losses[0], label
