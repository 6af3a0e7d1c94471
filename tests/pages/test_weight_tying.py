"""The weight-tying page: tying saves GPT-2's head."""

from __future__ import annotations

from tests.support import snippet_stdout as run_ok


def test_weight_tying_saves_gpt2_head(snippet_results):
    """Both twins: tying saves vocab x width = 50257 x 768, and the tied total is GPT-2's 124,439,808."""
    for rel in ("weight-tying/gpt2_savings_numpy.py", "weight-tying/gpt2_savings_torch.py"):
        out = run_ok(snippet_results, rel)
        assert f"saved:  {50257 * 768:,}" in out
        assert "tied:   124,439,808" in out
