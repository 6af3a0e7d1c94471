"""The freezing page: frozen parameters stay unchanged."""

from __future__ import annotations

from tests.support import snippet_stdout as run_ok


def test_freezing_leaves_frozen_parameters_unchanged(snippet_results):
    out = run_ok(snippet_results, "freezing/requires_grad_torch.py")
    for line in out.splitlines():
        if line.startswith(("0.", "2.")):
            assert "grad None" in line and "changed: False" in line, line
        if line.startswith("4."):
            assert "changed: True" in line, line
