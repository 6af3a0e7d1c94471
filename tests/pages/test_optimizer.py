"""The optimizer page: hand-written update rules against torch.optim, step by step."""

from __future__ import annotations

from tests.support import EXACT
from tests.support import snippet_globals as run


def test_hand_written_optimizers_match_torch_optim_step_by_step(tmp_path):
    g = run("optimizer/update_rules_torch.py", tmp_path)
    assert set(g["max_diffs"]) == {"SGD", "SGD with momentum", "Adam", "Adam, weight_decay=0.1", "AdamW"}
    for name, diff in g["max_diffs"].items():
        assert diff < EXACT, f"{name}: hand-written and torch.optim differ by {diff:.1e} at some step"
