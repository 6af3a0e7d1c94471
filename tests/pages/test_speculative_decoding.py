"""The speculative-decoding page's formula and claims: the expected tokens per pass of the target,
(1 - a^(g+1)) / (1 - a), against a simulation of drafts accepted token by token; and the page's reading of the
figure (at half acceptance a long draft loses to plain decoding, at 90% every draft length wins by about two).
"""

from __future__ import annotations

import random

import pytest
from count_params import load_config
from count_params.speed import plan

OPTIONS = {"device": "rtx-4090", "weights": "q4_k_m", "context_length": 2048}


def expected(a: float, g: int) -> float:
    return (1 - a ** (g + 1)) / (1 - a)


@pytest.mark.parametrize(("a", "g"), [(0.5, 2), (0.8, 4), (0.9, 8)])
def test_expected_tokens_per_pass_match_a_simulation(a, g):
    rng = random.Random(0)
    passes, tokens = 40_000, 0
    for _ in range(passes):
        accepted = 0
        while accepted < g and rng.random() < a:
            accepted += 1
        tokens += accepted + 1  # the target adds one token of its own
    assert tokens / passes == pytest.approx(expected(a, g), rel=0.01)


def test_the_figures_reading_on_the_page():
    t = plan(load_config("qwen2.5-7b"), OPTIONS)["speed"]["decode_seconds_per_step_min"]
    d = plan(load_config("qwen2.5-1.5b-instruct"), OPTIONS)["speed"]["decode_seconds_per_step_min"]

    def speedup(a, g):
        return expected(a, g) / (t + g * d) * t

    assert speedup(0.5, 8) < 1
    assert all(1.8 < speedup(0.9, g) < 2.3 for g in (2, 4, 8))
