"""The state-space-model page against transformers: the toy Mamba-2 layer of the example has the parameters (names,
shapes, counts) and keeps the states that transformers' Mamba2 builds and caches for the same sizes; one Mamba-2 layer
of Nemotron-H 8B has the parameters the snippet counts; and the states and KV cache per sequence that it prints for
Nemotron-H 8B and Falcon-H1 7B are what transformers' cache keeps after a forward pass on the meta device, the same
after 5 tokens as after 40."""

from __future__ import annotations

import re

import pytest

from tests.support import ROOT

LAYER = (ROOT / "snippets" / "state-space-model" / "mamba2_layer_numpy.out").read_text(encoding="utf-8")
HYBRIDS = (ROOT / "snippets" / "state-space-model" / "hybrids.out").read_text(encoding="utf-8")

# The snippets' inputs: the toy layer's sizes; nvidia/Nemotron-H-8B-Base-8K's and tiiuae/Falcon-H1-7B-Instruct's
# shapes (config.json), with two layers (one of each kind) instead of 52 or 44 and a tiny vocabulary.
TOY = dict(hidden_size=32, expand=2, head_dim=16, num_heads=4, n_groups=1, state_size=8, conv_kernel=4)
NEMOTRON_H = dict(hidden_size=4096, hybrid_override_pattern="M*", num_attention_heads=32, num_key_value_heads=8,
                  head_dim=128, mamba_num_heads=128, mamba_head_dim=64, n_groups=8, ssm_state_size=128,
                  conv_kernel=4, use_conv_bias=True, use_bias=False)
FALCON_H1 = dict(hidden_size=3072, num_attention_heads=12, num_key_value_heads=2, head_dim=128, mamba_d_ssm=3072,
                 mamba_n_heads=24, mamba_d_head=128, mamba_n_groups=1, mamba_d_state=256, mamba_d_conv=4)


def on_meta(config):
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    with torch.device("meta"):
        return transformers.AutoModelForCausalLM.from_config(config).to(torch.bfloat16)


def cached_bytes(model, tokens: int) -> list[tuple[int, int, int]]:
    """Per layer: the bytes of its convolution state, of its SSM state, and of its keys and values per token."""
    import torch

    out = model(input_ids=torch.zeros(1, tokens, dtype=torch.long, device="meta"), use_cache=True)
    rows = []
    for layer in out.past_key_values.layers:
        conv = getattr(layer, "conv_states", {}).get(0)
        ssm = getattr(layer, "recurrent_states", {}).get(0)
        keys = getattr(layer, "keys", None)
        rows.append((conv.numel() * conv.element_size() if conv is not None else 0,
                     ssm.numel() * ssm.element_size() if ssm is not None else 0,
                     2 * keys.numel() * keys.element_size() // tokens if keys is not None else 0))
    return rows


def test_toy_layer_is_what_transformers_builds_and_caches():
    import torch
    import transformers

    model = on_meta(transformers.Mamba2Config(**TOY, num_hidden_layers=1, vocab_size=64))
    prefix = "backbone.layers.0.mixer."
    built = {n[len(prefix):]: (tuple(p.shape), p.numel()) for n, p in model.named_parameters() if n.startswith(prefix)}
    printed = {m.group(1): (tuple(int(x) for x in m.group(2).split(",") if x.strip()), int(m.group(3)))
               for m in re.finditer(r"^(\S+)\s+\(([\d, ]+)\)\s+(\d+)$", LAYER, re.M)}
    assert printed == built and len(built) == 8
    assert int(re.search(r"^total\s+(\d+)$", LAYER, re.M).group(1)) == sum(n for _, n in built.values())
    printed_states = {tuple(int(x) for x in row.split()[2:]) for row in LAYER.splitlines()
                      if row.split()[1:2] in (["True"], ["False"])}
    assert len(printed_states) == 1  # the same after 8, 32 and 128 tokens
    for tokens in (5, 40):
        ids = torch.zeros(1, tokens, dtype=torch.long, device="meta")
        layer = model(input_ids=ids, use_cache=True).past_key_values.layers[0]
        assert printed_states == {(layer.conv_states[0].numel(), layer.recurrent_states[0].numel())}


def test_nemotron_h_mamba_layer_parameters():
    import transformers

    model = on_meta(transformers.NemotronHConfig(**NEMOTRON_H, num_hidden_layers=2, vocab_size=64,
                                                 intermediate_size=64))
    prefix = "model.layers.0.mixer."
    built: dict[str, int] = {}
    for name, p in model.named_parameters():
        if name.startswith(prefix):
            part = name[len(prefix):].split(".")[0]
            part = "dt_bias, A_log, D" if part in ("dt_bias", "A_log", "D") else part
            built[part] = built.get(part, 0) + p.numel()
    printed = {m.group(1).strip(): int(m.group(2).replace(",", ""))
               for m in re.finditer(r"^  ([\w, ]+?)\s+([\d,]+)$", HYBRIDS, re.M)}
    assert printed == built and len(built) == 5
    total = re.search(r"one Mamba-2 layer: ([\d,]+) parameters", HYBRIDS).group(1)
    assert int(total.replace(",", "")) == sum(built.values())


def printed_row(name: str) -> tuple[int, int, int, float]:
    row = re.search(rf"^{re.escape(name)}\s+(\d+)\s+(\d+)\s+(\d+) KiB\s+([\d.]+) MiB", HYBRIDS, re.M)
    assert row, name
    return int(row.group(1)), int(row.group(2)), int(row.group(3)), row.group(4)


@pytest.mark.parametrize(("name", "family", "shapes"), [("Nemotron-H 8B", "NemotronHConfig", NEMOTRON_H),
                                                        ("Falcon-H1 7B", "FalconH1Config", FALCON_H1)])
def test_states_and_cache_are_what_transformers_keeps(name, family, shapes):
    import transformers

    config = getattr(transformers, family)(**shapes, num_hidden_layers=2, vocab_size=64, intermediate_size=64)
    model = on_meta(config)
    rows = cached_bytes(model, 5)
    assert rows == cached_bytes(model, 40)  # fixed states; keys and values grow by the same bytes per token
    attention_layers, mamba_layers, kv_kib, state_mib = printed_row(name)
    state = next(conv + ssm for conv, ssm, _ in rows if ssm)
    kv_per_layer = next(kv for _, _, kv in rows if kv)
    assert state_mib == f"{mamba_layers * state / 2**20:.1f}"
    assert kv_kib * 1024 == attention_layers * kv_per_layer
