"""How parameters learn: the "matches torch" and "counts" claims of those pages, as assertions with tolerances.

Each test runs the snippet a page shows (in a temporary working directory, so figures land there) and checks the
values it computed, so the numbers the page prints and the claims tested here come from the same code.
Tolerances are written next to each assertion; float64 throughout.
"""

from __future__ import annotations

import contextlib
import io
import os
import runpy

import matplotlib
import numpy as np
import pytest
import torch

from tests.conftest import ROOT

matplotlib.use("Agg")

SNIPPETS = ROOT / "snippets"
EXACT = 1e-12  # hand-written float64 code against torch float64: rounding differences only
FINITE_DIFFERENCES = 1e-8  # central differences with h = 1e-6 in float64


def run(relative: str, tmp_path) -> dict:
    """Run a snippet as a program (output swallowed) and return its global variables."""
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return runpy.run_path(str(SNIPPETS / relative), run_name="__main__")
    finally:
        os.chdir(cwd)


def as_numpy(value) -> np.ndarray:
    return value.detach().numpy() if isinstance(value, torch.Tensor) else np.asarray(value)


# ---------------------------------------------------------------- backpropagation and gradients


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


def test_gradient_formula_matches_autograd_and_finite_differences(tmp_path):
    formula = run("gradient/gradient_numpy.py", tmp_path)
    auto = run("gradient/gradient_torch.py", tmp_path)
    assert np.abs(formula["grad"] - as_numpy(auto["w"].grad)).max() < EXACT
    loss, w, h = formula["loss"], formula["w"], 1e-5
    numeric = np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(3)])
    assert np.abs(formula["grad"] - numeric).max() < FINITE_DIFFERENCES


def test_cross_entropy_by_hand_matches_torch(tmp_path):
    hand = run("loss-function/cross_entropy_numpy.py", tmp_path)
    ref = run("loss-function/cross_entropy_torch.py", tmp_path)
    assert np.abs(hand["per_token"] - as_numpy(ref["per_token"])).max() < EXACT
    assert abs(hand["loss"] - ref["loss"].item()) < EXACT


def test_equal_starting_weights_never_break_symmetry():
    """Independent of the snippets: identical hidden units get identical gradients, so they stay identical."""
    torch.manual_seed(0)
    x, y = torch.randn(32, 4, dtype=torch.float64), torch.randn(32, 1, dtype=torch.float64)
    w1 = torch.full((4, 6), 0.3, dtype=torch.float64, requires_grad=True)
    w2 = torch.full((6, 1), 0.3, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w1, w2], lr=0.1)
    for _ in range(50):
        opt.zero_grad()
        torch.mean((torch.tanh(x @ w1) @ w2 - y) ** 2).backward()
        opt.step()
    assert (w1 - w1[:, :1]).abs().max().item() < EXACT  # every column (hidden unit) equals the first
    assert (w1 - 0.3).abs().max().item() > 1e-3  # and yet the weights did move


# ---------------------------------------------------------------- gradient descent and optimizers


def test_gradient_descent_twins_agree(tmp_path):
    hand = run("gradient-descent/descent_numpy.py", tmp_path)
    ref = run("gradient-descent/descent_torch.py", tmp_path)
    for name in ("w_full", "w_sgd"):
        assert np.abs(hand[name] - as_numpy(ref[name])).max() < EXACT


def test_hand_written_optimizers_match_torch_optim_step_by_step(tmp_path):
    g = run("optimizer/update_rules_torch.py", tmp_path)
    assert set(g["max_diffs"]) == {"SGD", "SGD with momentum", "Adam", "Adam, weight_decay=0.1", "AdamW"}
    for name, diff in g["max_diffs"].items():
        assert diff < EXACT, f"{name}: hand-written and torch.optim differ by {diff:.1e} at some step"


def test_learning_rate_above_two_over_curvature_diverges(tmp_path):
    g = run("learning-rate/too_small_right_too_large_numpy.py", tmp_path)
    limit = 2 / g["sharpest"]
    for label, losses in g["curves"].items():
        lr = float(label.split("lr=")[1])
        if lr > limit:
            assert losses[-1] > 100 * losses[0], label
        else:
            assert losses[-1] < losses[0], label


# ---------------------------------------------------------------- regularization


def test_l1_gives_exact_zeros_and_l2_none(tmp_path):
    g = run("l1-l2-regularization/count_zeros_numpy.py", tmp_path)
    assert np.sum(g["w_l1"] == 0) >= 15  # most of the 17 irrelevant weights are exactly zero
    assert np.all(g["w_l1"][:3] != 0)  # the 3 weights that matter survive
    assert np.sum(g["w_l2"] == 0) == 0  # L2 shrinks, never zeroes


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


def test_dropout_keeps_the_mean_and_is_off_in_eval(tmp_path):
    g = run("dropout/module_modes_torch.py", tmp_path)
    assert not torch.equal(g["a"], g["b"])
    assert torch.equal(g["c"], g["d"])
    np.testing.assert_allclose(as_numpy(g["a"][g["a"] != 0]), as_numpy(g["c"][g["a"] != 0] / 0.75), rtol=1e-6)


@pytest.mark.parametrize("relative", ["overfitting/polynomial_degree_numpy.py"])
def test_overfitting_training_loss_falls_while_validation_loss_rises(relative, tmp_path):
    g = run(relative, tmp_path)
    train, val = g["train_loss"], g["val_loss"]
    # more parameters never fit the training data worse
    assert all(b <= a + 1e-12 for a, b in zip(train[:-1], train[1:], strict=True))
    best = int(np.argmin(val))
    assert 0 < best < len(val) - 1 and val[-1] > 100 * val[best]
