"""The FLOPs page's conventions, checked against torch's FlopCounterMode on a model that transformers builds.

Two claims are easy to get wrong and hard to see: which N "2N per token" counts (the weights that multiply: not
the embedding table, which is looked up, but the output head, which multiplies), and which of two attention
figures a page gives (4·L·c·d for one token decoded at context c, 2·L·c·d per token averaged over a causal
sequence of c tokens). A tiny Llama decodes with its KV cache under the counter, and the page's snippet output
and prose must agree with what was counted.
"""

from __future__ import annotations

import re

import pytest
import torch
import transformers
from count_params import count_parameters, load_config
from torch.utils.flop_counter import FlopCounterMode

from tests.support import ROOT

transformers.logging.set_verbosity_error()
PAGE = " ".join((ROOT / "docs" / "terms" / "flops.md").read_text(encoding="utf-8").split())
SNIPPETS = ROOT / "snippets" / "flops"
TINY = {"model_type": "llama", "vocab_size": 64, "hidden_size": 32, "intermediate_size": 48,
        "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 4, "tie_word_embeddings": False}
DECODE_PER_LAYER = "4 L c d"  # as the snippet labels its columns
AVERAGED_PER_LAYER = "2 L c d"


@pytest.fixture(scope="module")
def tiny():
    cfg = transformers.AutoConfig.for_model(**TINY, attn_implementation="eager")  # attention as plain matmuls
    torch.manual_seed(0)
    return transformers.AutoModelForCausalLM.from_config(cfg).eval()


def multiplying(config: dict) -> int:
    """The page's N from the counter: all but the embedding table; norms scale element-wise, not in a matmul."""
    r = count_parameters(config)
    return r["total"] - r["breakdown"]["embeddings"] - r["breakdown"]["norms"]


def decode_flops(model, context: int) -> int:
    """FLOPs torch counts for one token decoded with context - 1 tokens already in the cache."""
    ids = torch.randint(TINY["vocab_size"], (1, context))
    with torch.no_grad():
        cache = model(ids[:, :-1], use_cache=True).past_key_values if context > 1 else None
        with FlopCounterMode(display=False) as counter:
            model(ids[:, -1:], cache=cache, use_cache=True)
    return counter.get_total_flops()


def test_weights_cost_2n_with_the_head_and_without_the_embedding_table(tiny):
    """A token decoded alone (context 1) costs 2N plus the attention to itself; the embedding lookup costs 0."""
    L, d = TINY["num_hidden_layers"], TINY["hidden_size"]
    n = multiplying(TINY)
    assert decode_flops(tiny, 1) == 2 * n + 4 * L * 1 * d
    # N is the non-embedding count plus the output head, which multiplies though that count leaves it out
    r = count_parameters(TINY)
    assert n == r["non_embedding"] + r["breakdown"]["output_head"] - r["breakdown"]["norms"]
    assert r["breakdown"]["output_head"] == TINY["vocab_size"] * d


@pytest.mark.parametrize("context", [5, 12])
def test_attention_per_decoded_token_and_averaged_over_a_causal_sequence(tiny, context):
    L, d = TINY["num_hidden_layers"], TINY["hidden_size"]
    weights = 2 * multiplying(TINY)
    # One token decoded at context c attends to c tokens: 4·L·c·d.
    assert decode_flops(tiny, context) - weights == 4 * L * context * d
    # Each token of a causal sequence of c tokens, generated one by one: on average 2·L·(c + 1)·d, about 2·L·c·d.
    total = sum(decode_flops(tiny, i) - weights for i in range(1, context + 1))
    assert total == 2 * L * context * (context + 1) * d


def _attention_rows(out: str) -> list[tuple[int, float, int, float, int]]:
    """(c, decoded GFLOP, decoded %, averaged GFLOP, averaged %) from per_token.out's table."""
    rows = re.findall(r"^\s+(\d+)\s+([\d.]+) GFLOP =\s+(\d+)% of 2N\s+([\d.]+) GFLOP =\s+(\d+)% of 2N$", out, re.M)
    return [(int(c), float(a), int(p), float(b), int(q)) for c, a, p, b, q in rows]


def test_per_token_prints_both_conventions_named():
    out = (SNIPPETS / "per_token.out").read_text(encoding="utf-8")
    config = load_config("llama-2-7b")
    L, d = config["num_hidden_layers"], config["hidden_size"]
    r = count_parameters(config)
    n = r["total"] - r["breakdown"]["embeddings"]  # Llama-2-7B's head is untied: it is in the total
    assert f"N = {n:,}" in out
    assert f"forward 2N = {2 * n / 1e9:.1f} GFLOP" in out
    assert "per decoded token at context c" in out and "averaged over a causal sequence" in out
    assert DECODE_PER_LAYER in out and AVERAGED_PER_LAYER in out
    assert out.index("per decoded token") < out.index("averaged over") and out.index(
        DECODE_PER_LAYER) < out.index(AVERAGED_PER_LAYER)  # each formula under its name
    rows = _attention_rows(out)
    assert [c for c, *_ in rows] == [4096, 32768, 131072]
    for c, decoded, decoded_pct, averaged, averaged_pct in rows:
        assert decoded == round(4 * L * c * d / 1e9, 1) and averaged == round(2 * L * c * d / 1e9, 1)
        assert decoded_pct == round(100 * 4 * L * c * d / (2 * n))
        assert averaged_pct == round(100 * 2 * L * c * d / (2 * n))


def test_the_page_quotes_each_convention_with_its_own_numbers():
    rows = _attention_rows((SNIPPETS / "per_token.out").read_text(encoding="utf-8"))
    m = re.search(r"\*\*Long context\*\*:(.*?)(?= - \*\*|## )", PAGE)
    assert m, "the Long context item is gone"
    text = m.group(1)
    assert "per decoded token at context" in text and "averaged over a causal sequence" in text
    # for each context, the share per decoded token and then the share averaged over a causal sequence
    quoted = [int(p) for p in re.findall(r"(\d+)%", text)]
    assert quoted == [p for _, _, decoded, _, averaged in rows for p in (decoded, averaged)], text
    # both are defined where the attention term is introduced, before the example
    intuition = PAGE.split("## Example")[0].lower().replace("\\(c\\)", "c")
    assert "per decoded token at context c" in intuition and "averaged over a causal sequence of c" in intuition


def test_mixtral_compute_leaves_the_embedding_table_out():
    out = (SNIPPETS / "per_token.out").read_text(encoding="utf-8")
    r = count_parameters(load_config("mixtral-8x7b-v0.1"))
    n = r["active"] - r["breakdown"]["embeddings"]
    assert f"N = {n:,}" in out and f"forward 2N = {2 * n / 1e9:.1f} GFLOP" in out
    assert f"{n:,}" in PAGE and f"{2 * n / 1e9:.1f} GFLOP" in PAGE
    assert f"{2 * r['active'] / 1e9:.1f} GFLOP" not in PAGE  # 2 x active with the table: the old figure


def test_decoding_is_memory_bound_only_below_the_crossover_batch():
    """The inference snippet's crossover is the data sheet's FLOP/s over its bytes/s, and the FLOPs page names it."""
    out = (ROOT / "snippets" / "inference" / "decode_batch.out").read_text(encoding="utf-8")
    crossover = round(1979e12 / 2 / 3.35e12)  # bf16: 2 FLOPs per weight and sequence, 2 bytes per weight
    assert f"crossover: B = {crossover}" in out
    for batch, limit in re.findall(r"^\s+(\d+)\s+[\d,]+\s+[\d.]+\s+(memory|arithmetic)$", out, re.M):
        assert limit == ("memory" if int(batch) < crossover else "arithmetic"), batch
    assert f"about {crossover}" in PAGE and "at small batch" in PAGE
    inference = " ".join((ROOT / "docs" / "terms" / "inference.md").read_text(encoding="utf-8").split())
    assert f"about {crossover}" in inference
