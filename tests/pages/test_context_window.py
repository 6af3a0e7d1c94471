"""The context window page's claims about position tables and the window field of real configs, checked against
the models the pinned transformers builds on torch's meta device (shapes only, nothing allocated).

- A learned position table can hold more rows than the window: OPT's has two more (transformers'
  OPTLearnedPositionalEmbedding offsets every position by 2), GPT-2's exactly as many.
- max_position_embeddings is not always the trained length: Mistral 7B v0.1's config says 32768, its paper 8192.
"""

from __future__ import annotations

import re

import pytest
import torch
import transformers
from count_params import load_config

from tests.support import ROOT
from tools import memory_allocations as alloc

transformers.logging.set_verbosity_error()
PAGE = " ".join((ROOT / "docs" / "terms" / "context-window.md").read_text(encoding="utf-8").split())
GOLDEN = (ROOT / "snippets" / "context-window" / "positions_torch.out").read_text(encoding="utf-8")


def config(name: str) -> dict:
    return load_config(name)


def printed_table(name: str) -> tuple[int, int, int]:
    """(window field, rows, parameters) that positions_torch.out prints for a model with a learned table."""
    m = re.search(rf"^{re.escape(name)}\s+\w+\s+(\d+)\s+learned table of ([\d,]+) rows x \d+: ([\d,]+) parameters",
                  GOLDEN, re.M)
    assert m, f"positions_torch.out prints no learned table for {name}"
    return tuple(int(g.replace(",", "")) for g in m.groups())


def position_table(model) -> torch.Tensor:
    """The learned position table of a GPT-2 or OPT model."""
    base = model.base_model
    return base.wpe.weight if hasattr(base, "wpe") else base.decoder.embed_positions.weight


@pytest.mark.parametrize("name, key, extra", [("gpt2", "n_positions", 0), ("opt-125m", "max_position_embeddings", 2)])
def test_learned_position_table_rows_against_the_window(name, key, extra):
    """transformers builds GPT-2's table with exactly n_positions rows and OPT's with max_position_embeddings + 2;
    the snippet prints those rows and their parameters."""
    c = config(name)
    table = position_table(alloc.transformers_model(c, device="meta"))
    assert table.shape[0] == c[key] + extra
    assert printed_table(name) == (c[key], table.shape[0], table.numel())


def test_opt_offset_holds_for_any_window():
    """Not a quirk of one checkpoint: a tiny OPTConfig gets two extra rows too, and position p reads row p + 2."""
    cfg = transformers.OPTConfig(vocab_size=32, hidden_size=8, num_hidden_layers=1, ffn_dim=16, num_attention_heads=2,
                                 max_position_embeddings=16, word_embed_proj_dim=8)
    with torch.device("meta"):
        model = transformers.OPTModel(cfg)
    embed = model.decoder.embed_positions
    assert embed.weight.shape[0] == cfg.max_position_embeddings + 2 == embed.offset + 16


def test_page_states_the_opt_table_that_transformers_builds():
    c = config("opt-125m")
    table = position_table(alloc.transformers_model(c, device="meta"))
    m = re.search(r"OPT's config says (\d+), but its table has ([\d,]+) rows", PAGE)
    assert m, "the page no longer states OPT's window and table rows"
    assert int(m.group(1)) == c["max_position_embeddings"]
    assert int(m.group(2).replace(",", "")) == table.shape[0] > c["max_position_embeddings"]
    assert "GPT-2's position table has exactly `n_positions` rows" in PAGE


def test_mistral_window_field_is_not_its_trained_length():
    """The config transformers reads for Mistral 7B v0.1 accepts 32768 positions with a 4096-token window; the page
    sets that against the paper's 8192 (Jiang et al. 2023, Table 1) and quotes the same config values."""
    cfg = transformers.AutoConfig.for_model(**{k: v for k, v in config("mistral-7b-v0.1").items()
                                               if k not in ("_name_or_path", "architectures")})
    m = re.search(r"Mistral 7B v0\.1's config says (\d+) \(printed above\), but its paper gives a context length of "
                  r"(\d+) and a sliding window of (\d+)", PAGE)
    assert m, "the page no longer sets Mistral 7B v0.1's config against its paper"
    field, trained, window = map(int, m.groups())
    assert field == cfg.max_position_embeddings and window == cfg.sliding_window
    assert trained < field
    assert re.search(rf"^mistral-7b-v0\.1\s+max_position_embeddings\s+{field}\s.*sliding window {window}$", GOLDEN,
                     re.M)
