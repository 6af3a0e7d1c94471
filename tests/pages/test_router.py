"""The router page against transformers: the routers' parameters that the snippet computes from each config are
the tensors transformers builds for them, and DeepSeek-V3's balancing bias is a buffer, not a parameter, as the page
says."""

from __future__ import annotations

import re

import pytest
from count_params import load_config

from tests.support import ROOT
from tests.support.configs import built_model

OUT = (ROOT / "snippets" / "router" / "router_in_models.out").read_text(encoding="utf-8")
ROUTER = re.compile(r"\.mlp\.(gate|shared_expert_gate)\.weight$")


def printed_router(name: str) -> int:
    row = re.search(rf"^{re.escape(name)}\s+(?:\d+\s+){{4}}([\d,]+)\s", OUT, re.M)
    assert row, name
    return int(row.group(1).replace(",", ""))


@pytest.mark.parametrize("name", ["mixtral-8x7b-v0.1", "qwen1.5-moe-a2.7b", "qwen3-30b-a3b",
                                  "deepseek-v2-lite", "deepseek-v3"])
def test_router_parameters_are_what_transformers_builds(name):
    model = built_model(load_config(name))
    built = sum(p.numel() for n, p in model.named_parameters() if ROUTER.search(n))
    assert built > 0
    assert printed_router(name) == built


def test_deepseek_v3_balancing_bias_is_a_buffer():
    model = built_model(load_config("deepseek-v3"))
    buffers = [n for n, _ in model.named_buffers() if n.endswith("e_score_correction_bias")]
    parameters = [n for n, _ in model.named_parameters() if "e_score_correction_bias" in n]
    assert len(buffers) == 58 and not parameters  # one per MoE layer: 61 layers, the first 3 dense
