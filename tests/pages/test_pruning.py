"""The pruning page's account of torch.nn.utils.prune, pinned so that a change in torch shows up here."""

from __future__ import annotations

import pytest
import torch


def _state_bytes(module: torch.nn.Module) -> int:
    return sum(t.nbytes for t in module.state_dict().values())


def test_prune_reparametrizes_and_memory_grows_until_remove():
    from torch.nn.utils import prune

    layer = torch.nn.Linear(100, 10)
    before = _state_bytes(layer)
    prune.l1_unstructured(layer, "weight", amount=0.3)
    assert {n for n, _ in layer.named_parameters()} == {"bias", "weight_orig"}
    assert {n for n, _ in layer.named_buffers()} == {"weight_mask"}
    assert not isinstance(layer.weight, torch.nn.Parameter)
    assert len(layer._forward_pre_hooks) == 1
    assert _state_bytes(layer) == before + layer.weight_mask.nbytes  # the mask is extra, dense, float
    # pruning twice prunes a fraction of what is left
    prune.l1_unstructured(layer, "weight", amount=0.3)
    assert int((layer.weight == 0).sum()) == 300 + round(0.3 * 700)
    prune.remove(layer, "weight")
    assert _state_bytes(layer) == before  # back to dense size, zeros and all
    assert isinstance(layer.weight, torch.nn.Parameter) and not layer._forward_pre_hooks


@pytest.mark.parametrize(("amount", "pruned"), [(0.25, 2), (0.35, 4), (0.45, 4), (0.15, 2), (3, 3)])
def test_prune_rounds_a_float_amount_half_to_even(amount, pruned):
    from torch.nn.utils import prune

    layer = torch.nn.Linear(10, 1)
    prune.random_unstructured(layer, "weight", amount=amount)
    assert int((layer.weight == 0).sum()) == pruned


def test_forward_pre_hook_keeps_pruned_weights_at_zero_after_an_update():
    from torch.nn.utils import prune

    layer = torch.nn.Linear(20, 5)
    prune.l1_unstructured(layer, "weight", amount=0.5)
    with torch.no_grad():
        layer.weight_orig.add_(1.0)
    layer(torch.zeros(1, 20))
    assert int((layer.weight == 0).sum()) == 50
