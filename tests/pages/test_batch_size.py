"""The batch-size page's claim about gradient accumulation without dividing the loss: the gradient is k times too
large, which makes SGD's step k times too large but leaves Adam's and AdamW's (almost) unchanged, while gradient
clipping at a fixed max-norm clips more and the logged loss is k times too large.

The snippet shows it on a linear model; these tests check the snippet's values and, independently of it, the
invariance on torch.optim itself, and hold the page's sentences to them.
"""

from __future__ import annotations

import re

import pytest
import torch

from tests.support import ROOT
from tests.support import snippet_globals as run

PAGE = " ".join((ROOT / "docs" / "terms" / "batch-size.md").read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def snippet(tmp_path_factory):
    return run("batch-size/undivided_loss_torch.py", tmp_path_factory.mktemp("undivided"))


def test_sgd_step_grows_with_the_undivided_gradient(snippet):
    ratio, apart, _, _ = snippet["sgd"]
    assert ratio == pytest.approx(snippet["accumulation"], rel=1e-12)
    assert apart > 0.05


def test_adamw_step_does_not(snippet):
    ratio, apart, _, _ = snippet["adamw"]
    assert ratio == pytest.approx(1, abs=1e-6)  # up to eps
    assert apart < 1e-6


def test_clipping_and_the_logged_loss_do(snippet):
    _, apart, clipped_divided, clipped_not_divided = snippet["clipped"]
    assert clipped_not_divided > clipped_divided
    assert apart > 0.01
    divided, not_divided = snippet["logged"]
    assert not_divided / divided == pytest.approx(snippet["accumulation"], rel=1e-12)


@pytest.mark.parametrize(("optimizer", "options", "behaviour"), [
    (torch.optim.SGD, {"lr": 0.1}, "4 times further"),
    (torch.optim.SGD, {"lr": 0.1, "momentum": 0.9}, "4 times further"),
    (torch.optim.Adam, {"lr": 0.1}, "the same"),
    (torch.optim.AdamW, {"lr": 0.1, "weight_decay": 0.1}, "the same"),
    (torch.optim.Adam, {"lr": 0.1, "weight_decay": 0.1}, "neither"),  # L2 added to the gradient
])
def test_torch_optim_update_against_a_scaled_gradient(optimizer, options, behaviour):
    """Ten steps from the same start on the same random gradients, once as they are and once 4 times larger (the
    same factor every step, as a forgotten division gives)."""
    torch.manual_seed(0)
    start = torch.randn(16, dtype=torch.float64)
    gradients = torch.randn(10, 16, dtype=torch.float64)
    moved = []
    for scale in (1.0, 4.0):
        w = start.clone().requires_grad_()
        opt = optimizer([w], **options)
        for g in gradients:
            w.grad = scale * g
            opt.step()
        moved.append(w.detach() - start)
    same = torch.allclose(moved[0], moved[1], rtol=1e-6, atol=0)
    four_times = torch.allclose(moved[1], 4 * moved[0], rtol=1e-12, atol=0)
    assert (same, four_times) == {"the same": (True, False), "4 times further": (False, True),
                                  "neither": (False, False)}[behaviour]


def test_the_page_says_which_optimizers_take_a_larger_step():
    pitfall = re.search(r"\*\*Averaging accumulated losses wrongly\.\*\*(.*?)(?= - \*\*|$)", PAGE).group(1)
    assert "With SGD the step is too" in pitfall
    assert "with Adam or AdamW it hardly changes" in pitfall
    assert "gradient clipping and the logged loss" in pitfall
    assert "clips more steps" in PAGE and "logged loss is \\(k\\) times too large" in PAGE
    assert "torch's `Adam(weight_decay=...)` adds its L2 term to the gradient" in PAGE
    assert "--8<-- \"snippets/batch-size/undivided_loss_torch.out\"" in PAGE
