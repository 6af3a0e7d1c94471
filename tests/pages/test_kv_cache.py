"""The KV cache page's claims about what transformers really caches, checked against tiny models built with the
pinned transformers: bytes a token and layer for grouped-query attention with an explicit head_dim, the window
that a sliding-window layer keeps, and the latent that multi-head latent attention keeps.

The page's snippets check their own formulas against torch tensors; this file checks the page's sentences about
a real runtime, so that a transformers upgrade that caches differently fails here and not on a reader's screen.
"""

from __future__ import annotations

import re

import pytest
import torch
import transformers
from count_params import load_config

from tests.support import ROOT, snippet_globals
from tests.support.widgets import check_accessibility, focus_ring, keyboard_to, node_call, summary
from tools import memory_allocations as alloc

transformers.logging.set_verbosity_error()
PAGE = " ".join((ROOT / "docs" / "terms" / "kv-cache.md").read_text(encoding="utf-8").split())
TOKENS, BF16 = 40, 2


def cache_layers(model) -> list:
    """Generate to TOKENS tokens in bf16 and return the cache's layers."""
    return list(alloc.generation_cache(model.to(torch.bfloat16), TOKENS).layers)


def small(config_class, **fields):
    return config_class(vocab_size=100, hidden_size=64, intermediate_size=128, num_hidden_layers=2, **fields)


def test_gqa_caches_kv_heads_times_the_explicit_head_dim():
    """2 x K x head_dim x 2 bytes per token and layer, with head_dim from the config, not hidden / heads."""
    config = small(transformers.LlamaConfig, num_attention_heads=4, num_key_value_heads=2, head_dim=32)
    assert config.head_dim != config.hidden_size // config.num_attention_heads  # the case the page warns about
    for layer in cache_layers(transformers.LlamaForCausalLM(config)):
        per_token = (layer.keys.nbytes + layer.values.nbytes) / TOKENS
        assert per_token == 2 * 2 * 32 * BF16


def test_sliding_window_layers_keep_only_the_window():
    """Gemma 2 alternates sliding and global layers; transformers keeps window - 1 tokens on the sliding ones."""
    window = 16
    config = small(transformers.Gemma2Config, num_attention_heads=4, num_key_value_heads=2, head_dim=32,
                   sliding_window=window)
    kept = [layer.keys.shape[2] for layer in cache_layers(transformers.Gemma2ForCausalLM(config))]
    assert kept == [window - 1, TOKENS]
    assert "window − 1" in PAGE and "every other layer" in PAGE


@pytest.mark.parametrize("family", ["DeepseekV2", "DeepseekV3"])
def test_mla_caches_the_latent_and_the_rotary_key(family):
    """transformers (pinned) caches kv_lora_rank + qk_rope_head_dim numbers a token and layer, as vLLM and SGLang
    do, not the decompressed per-head keys and values that its earlier versions kept."""
    config = small(getattr(transformers, f"{family}Config"), moe_intermediate_size=32, num_attention_heads=4,
                   num_key_value_heads=4, kv_lora_rank=32, q_lora_rank=None, qk_rope_head_dim=8,
                   qk_nope_head_dim=16, v_head_dim=16, n_routed_experts=4, num_experts_per_tok=2,
                   first_k_dense_replace=1, n_group=1, topk_group=1)
    for layer in cache_layers(getattr(transformers, f"{family}ForCausalLM")(config)):
        assert layer.keys.shape[-1] == 32 and layer.values.shape[-1] == 8
        assert (layer.keys.nbytes + layer.values.nbytes) / TOKENS == (32 + 8) * BF16
    decompressed = 4 * (16 + 8 + 16) * BF16  # heads x (key: nope + rope, value) numbers
    assert decompressed > (32 + 8) * BF16
    assert "transformers {{ pin.transformers }} caches the latent" in PAGE


# ------------------------------------------------------------------ the page's real models, attention at full size


def printed_kib_per_token() -> dict[str, float]:
    """The KiB/token column of snippets/kv-cache/tokens_that_fit.out, by model (latent rows only)."""
    golden = (ROOT / "snippets" / "kv-cache" / "tokens_that_fit.out").read_text(encoding="utf-8")
    rows = re.findall(r"^([a-z0-9.-]+)\s+(?:bf16|awq-int4)\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s", golden, re.M)
    return {name: float(kib) for name, kib in rows}


def real_attention(name: str):
    """The model of a committed config with its attention at full size and everything else shrunk: two layers, a
    tiny vocabulary and MLPs (none of which changes what attention caches)."""
    config = load_config(name)
    small = dict(num_hidden_layers=2, vocab_size=256, intermediate_size=16, pad_token_id=0, bos_token_id=0,
                 eos_token_id=0)
    if "moe_intermediate_size" in config:
        small.update(moe_intermediate_size=16, n_routed_experts=4, num_experts_per_tok=2, n_group=1, topk_group=1)
    return alloc.transformers_model(config, **small), config["num_hidden_layers"]


@pytest.mark.parametrize("name", ["llama-3-8b", "gemma-2-2b", "deepseek-v2-lite"])
def test_printed_cache_per_token_is_what_transformers_allocates(name):
    """The page's KiB a token (all layers, full attention) equals the bytes a real-size attention layer of
    transformers caches, times the model's layers: GQA, an explicit head_dim, and MLA's latent."""
    model, layers = real_attention(name)
    full = [layer for layer in cache_layers(model) if layer.keys.shape[2] == TOKENS]  # not the sliding ones
    assert full
    per_layer = (full[0].keys.nbytes + full[0].values.nbytes) / TOKENS
    assert printed_kib_per_token()[name] == pytest.approx(per_layer * layers / 2**10, abs=0.05)


def test_gemma2_per_token_figure_counts_all_layers_and_half_are_global():
    """The page's 104 KiB a token is Gemma 2 2B's 26 layers, not its 13 global ones: the snippet's last line, the
    layer types transformers gives the config, and the page's sentence agree."""
    config = load_config("gemma-2-2b")
    types = transformers.Gemma2Config(**{k: v for k, v in config.items() if not k.startswith("_")}).layer_types
    layers, full = len(types), types.count("full_attention")
    window, context = config["sliding_window"], 8192
    per_layer = 2 * config["num_key_value_heads"] * config["head_dim"] * BF16
    golden = (ROOT / "snippets" / "kv-cache" / "tokens_that_fit.out").read_text(encoding="utf-8")
    m = re.search(r"^Gemma 2 2B: (\d+) KiB a token on all (\d+) layers, (\d+) KiB on the (\d+) global ones; "
                  r"([\d,]+) tokens: (\d+) MiB, (\d+) MiB if every layer were global$", golden, re.M)
    assert m, "tokens_that_fit.out no longer prints Gemma 2 2B's cache by layer kind"
    kib_all, n_all, kib_global, n_global, tokens, mib, mib_all = (int(g.replace(",", "")) for g in m.groups())
    assert (n_all, n_global, tokens) == (layers, full, context)
    assert kib_all * 2**10 == layers * per_layer and kib_global * 2**10 == full * per_layer
    # transformers keeps window - 1 tokens on a sliding layer (test above); the snippet counts window
    kept = sum(context if t == "full_attention" else window - 1 for t in types) * per_layer
    assert mib == pytest.approx(kept / 2**20, abs=0.5)
    assert mib_all == layers * context * per_layer / 2**20
    assert (f"Gemma 2 2B caches {kib_all} KiB per token over all {layers} layers, {kib_global} KiB of it on its "
            f"{full} global layers") in PAGE
    assert f"needs {mib} MiB instead of the {mib_all} MiB that all-global layers would keep" in PAGE


# ---------------------------------------------------------------- the interactive figure (docs/assets/lw-kv.js)

CONTEXTS = [2**k for k in range(10, 18)]  # the context slider's steps
BATCHES = [2**k for k in range(7)]  # the batch slider's steps


@pytest.fixture(scope="module")
def fit(tmp_path_factory):
    """tokens_that_fit.py's functions and the output it printed (the golden the page shows)."""
    program = snippet_globals("kv-cache/tokens_that_fit.py", tmp_path_factory.mktemp("fit"))
    return program, (ROOT / "snippets" / "kv-cache" / "tokens_that_fit.out").read_text(encoding="utf-8")


def test_the_widget_reads_each_models_parts_as_the_program_computes_them(fit):
    """lw-kv.js's reading of the printed lines gives, for every model the program lists, its per_layer_token(), its
    layers, the sliding layers and window that per_sequence() uses, and its bf16 weights, exactly."""
    program, out = fit
    models = node_call("kv", [("models", [out])])[0]
    assert [m["name"] for m in models] == [f"{n} {k}" for n, k in program["ATTENTION"].items()]
    assert {k for k in program["ATTENTION"].values()} >= {"MHA", "GQA", "MQA", "MLA"}
    for m in models:
        c = program["config"](m["name"].split()[0])
        local = m["layers"] // 2 if c["model_type"] == "gemma2" else 0
        assert (m["perLayer"], m["layers"], m["local"]) == (program["per_layer_token"](c), c["num_hidden_layers"], local)
        assert m["window"] == (c.get("sliding_window") or 0 if local else 0)
        assert m["weights"] == program["weights"](c, "bf16")


def test_the_widgets_cache_is_per_sequence_times_the_batch_at_every_slider_step(fit):
    """cache() in Node against the program's per_sequence(), byte for byte, at all 56 slider settings per model;
    the sliding window matters (Gemma 2 2B's cache is not its layers times the context beyond 4,096 tokens)."""
    program, out = fit
    models = node_call("kv", [("models", [out])])[0]
    settings = [(m, t, b) for m in models for t in CONTEXTS for b in BATCHES]
    shown = node_call("kv", [("cache", [m, t, b]) for m, t, b in settings])
    for (m, t, b), js in zip(settings, shown, strict=True):
        c = program["config"](m["name"].split()[0])
        assert js == b * program["per_sequence"](c, program["per_layer_token"](c), t), (m["name"], t, b)
    gemma = next(m for m in models if m["name"].startswith("gemma"))
    no_window = node_call("kv", [("cache", [{**gemma, "local": 0}, 8192, 1])])[0]
    assert no_window != node_call("kv", [("cache", [gemma, 8192, 1])])[0]


def printed_gb(out: str) -> dict[str, list[float]]:
    """The program's "one sequence's cache, GB, at 4K 32K 128K tokens" lines, by model."""
    block = out.split("one sequence's cache, GB, at 4K 32K 128K tokens:\n", 1)[1]
    return {m[1]: [float(x) for x in m[2].split()] for m in re.finditer(r"^  (\S+) +([\d. ]+)$", block, re.M)}


def test_the_widget_shows_the_programs_numbers_reached_by_keyboard_and_is_accessible_in_both_schemes(
        browser, built_site, site_url, fit):
    """In the page, with the keyboard: at 4K, 32K and 128K tokens and a batch of 1 the cache column shows the GB the
    program prints; at every batch, each row's bytes are per_sequence() times the batch, and the weights column is
    the program's weights; the live region sums it up. Then, in both schemes, a state reached by keyboard is
    accessible (check_accessibility(), which walks these settings on its desktop page)."""
    program, out = fit
    printed = printed_gb(out)
    assert len(printed) == 3

    def walk(page):
        rows = page.locator('[data-lw="kv"] tbody tr')
        names = [program["config"](n) for n in program["ATTENTION"]]
        for i, context in enumerate((4096, 32768, 131072)):
            keyboard_to(page, "#lw-kv-c", context.bit_length() - 1)
            for name, gb in printed.items():
                cell = rows.nth(list(program["ATTENTION"]).index(name)).locator("td").nth(1)
                assert float(cell.text_content()) == gb[i], (name, context)
        for batch in (1, 8, 64):
            keyboard_to(page, "#lw-kv-b", batch.bit_length() - 1)
            for row, c in zip(rows.all(), names, strict=True):
                cells = row.locator("td")
                expected = batch * program["per_sequence"](c, program["per_layer_token"](c), 131072)
                assert int(cells.nth(1).get_attribute("data-bytes")) == expected
                assert cells.nth(2).text_content() == f"{program['weights'](c, 'bf16') / 1e9:.2f}"
        assert page.get_attribute("#lw-kv-b", "aria-valuetext") == "64 sequences"
        top = max(64 * program["per_sequence"](c, program["per_layer_token"](c), 131072) for c in names)
        assert summary(page, "kv").startswith("64 x 131,072 tokens: cache from ")
        assert summary(page, "kv").endswith(f" to {top / 1e9:.2f} GB.")
        assert focus_ring(page, "#lw-kv-b").startswith("solid 3px")

    def act(page):
        keyboard_to(page, "#lw-kv-c", 17)
        keyboard_to(page, "#lw-kv-b", 6)

    check_accessibility(browser, built_site, site_url + "terms/kv-cache/", "kv", act, walk)
