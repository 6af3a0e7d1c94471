"""Active parameters: which convention this site uses, and the other one, checked against published figures.

The counter's "active" is the total less the routed experts a token is not sent to, so it counts the whole input
embedding table, which a token only looks up. Model cards differ: Mixtral's published active count matches the
counter's only with the table, DeepSeek-V2-Lite's only without it. The pages must say so with numbers that the
counter computes, and must not define active parameters as what a token "multiplies by".
"""

from __future__ import annotations

import math
import re

import pytest
from count_params import bundled_configs, count_parameters, load_config

from tests.support import ROOT
from tests.support.configs import reference_count

SNIPPETS = ROOT / "snippets" / "mixture-of-experts"
PAGE = " ".join((ROOT / "docs" / "terms" / "mixture-of-experts.md").read_text(encoding="utf-8").split())
MODELS = " ".join((ROOT / "docs" / "models.md").read_text(encoding="utf-8").split())
B = 1e9


def both_ways(stem: str) -> tuple[int, int]:
    """Active parameters with the input embedding table (the counter's) and without it."""
    r = count_parameters(load_config(stem))
    return r["active"], r["active"] - r["breakdown"]["embeddings"]


def test_mixtral_card_counts_the_embedding_table():
    """Mistral AI, "Mixtral of experts" (2023-12-11): "12.9B parameters per token"; Jiang et al. 2024
    (arXiv:2401.04088), Section 1: 13B active parameters."""
    with_table, without = both_ways("mixtral-8x7b-v0.1")
    assert round(with_table / B, 1) == 12.9 and round(with_table / B) == 13
    assert round(without / B, 1) != 12.9


def test_deepseek_v2_lite_card_leaves_the_embedding_table_out():
    """DeepSeek-AI 2024 (arXiv:2405.04434), Appendix B: DeepSeek-V2-Lite has "2.4B activated for each token"."""
    with_table, without = both_ways("deepseek-v2-lite")
    assert math.floor(without / B * 10) == 24  # 2.45B, given as 2.4B
    assert math.floor(with_table / B * 10) != 24 and round(with_table / B, 1) != 2.4  # 2.66B fits neither way


def test_the_snippet_shows_both_counts_for_every_mixture_of_experts():
    out = (SNIPPETS / "active_conventions.out").read_text(encoding="utf-8")
    moe = []
    for name in bundled_configs():
        config = load_config(name)
        r = count_parameters(config)
        if r["active"] == r.get("language_model", r["total"]):  # a multimodal model's active count is its language model's
            continue
        moe.append(name)
        with_table, without = both_ways(name)
        row = re.search(rf"^{re.escape(config['_name_or_path'])}\s+([\d.]+)B\s+([\d.]+)B\s+([\d.]+)B$", out, re.M)
        assert row, config["_name_or_path"]
        assert row.groups() == (f"{r['total'] / B:.2f}", f"{with_table / B:.2f}", f"{without / B:.2f}")
    assert len(moe) == len(out.strip().splitlines()) - 2  # two header lines, one row per mixture of experts


def test_the_pages_name_the_convention_and_quote_the_counter():
    mixtral, deepseek = both_ways("mixtral-8x7b-v0.1"), both_ways("deepseek-v2-lite")
    assert not re.search(r"active parameters\W*: those [^.]*multipl", PAGE)  # the old definition
    definition = PAGE.split("## Intuition")[0]
    assert "embedding table as active" in definition
    section = PAGE.split("{ #active-parameters }")[1].split("###")[0]
    assert "whole input embedding table" in section
    assert f"{mixtral[1] / B:.2f}B" in section  # Mixtral without the table, which its 12.9B is not
    assert f"{deepseek[0] / B:.2f}B" in section and f"{deepseek[1] / B:.2f}B" in section
    # the model table says the same and shows both counts, from the same program
    assert "whole input embedding table" in MODELS and "DeepSeek-V2-Lite" in MODELS
    assert '--8<-- "snippets/mixture-of-experts/active_conventions.out"' in MODELS


def test_compute_per_token_leaves_the_embedding_table_out():
    """Mixtral's forward FLOPs per token are 2 x (active - embedding table), in the snippet and on the page."""
    out = (SNIPPETS / "moe_layer_torch.out").read_text(encoding="utf-8")
    with_table, without = both_ways("mixtral-8x7b-v0.1")
    assert f"2 x (active - embedding table): {2 * without / B:.1f} GFLOPs" in out
    assert f"about {2 * without / B:.1f} GFLOPs per token" in PAGE
    assert f"{2 * with_table / B:.1f} GFLOPs" not in PAGE


@pytest.mark.parametrize(
    "stem, total, active, unit",
    [
        # DeepSeek-AI 2024, arXiv:2412.19437, abstract: "671B total parameters with 37B activated for each token".
        ("deepseek-v3", 671, 37, 10**9),
        # Mistral AI, "Mixtral of experts" (2023-12-11): "46.7B total parameters but only uses 12.9B per token" (the
        # active count is test_mixtral_card_counts_the_embedding_table's).
        ("mixtral-8x7b-v0.1", 46.7, None, 10**9),
        # DeepSeek-AI 2024, arXiv:2405.04434, Appendix B: DeepSeek-V2-Lite "has 15.7B parameters in total".
        ("deepseek-v2-lite", 15.7, None, 10**9),
    ],
)
def test_published_moe_counts(stem, total, active, unit):
    """The total and active counts agree with what the model's authors publish, to the digits they give."""
    result = count_parameters(load_config(stem))
    digit = 10 ** -len(str(total).partition(".")[2])  # the published figure's last digit, in units
    assert abs(result["total"] / unit - total) < digit
    if active is not None:
        assert abs(result["active"] / unit - active) < digit


def test_mixtral_counts_in_the_moe_snippet():
    """mixture-of-experts/moe_layer_torch.py prints Mixtral 8x7B's total and active counts by formula; they must
    equal the counter's (and so transformers') on Mistral-7B's shapes with 8 experts, 2 per token."""
    config = load_config("mistral-7b-v0.1")
    config.update(model_type="mixtral", num_local_experts=8, num_experts_per_tok=2)
    result = count_parameters(config)
    assert result["total"] == reference_count(config)
    out = (ROOT / "snippets" / "mixture-of-experts" / "moe_layer_torch.out").read_text()
    m = re.search(r"Mixtral 8x7B: total ([\d,]+) parameters, active per token ([\d,]+)", out)
    assert m, out
    assert int(m.group(1).replace(",", "")) == result["total"]
    assert int(m.group(2).replace(",", "")) == result["active"]
