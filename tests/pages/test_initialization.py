"""The initialization page: equal starting weights never break symmetry."""

from __future__ import annotations

import torch

from tests.support import EXACT


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
