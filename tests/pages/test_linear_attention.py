"""The linear-attention page against transformers: the parameters of Qwen3-Next's Gated DeltaNet and full-attention
layers that the snippet counts from the config's shapes are the tensors Qwen3NextForCausalLM builds, and the state and
KV cache it prints per sequence are what transformers' cache keeps after a forward pass on the meta device: the same
state after 5 tokens as after 70, keys and values that grow with the tokens, and 36 linear layers beside 12
full-attention layers in 48."""

from __future__ import annotations

import re

import pytest

from tests.support import ROOT

OUT = (ROOT / "snippets" / "linear-attention" / "hybrid_memory.out").read_text(encoding="utf-8")

# Qwen/Qwen3-Next-80B-A3B-Instruct, config.json: the keys that shape the token mixers (the inputs of the snippet)
MIXER_SHAPES = dict(hidden_size=2048, num_attention_heads=16, num_key_value_heads=2, head_dim=256,
                    linear_num_key_heads=16, linear_num_value_heads=32, linear_key_head_dim=128,
                    linear_value_head_dim=128, linear_conv_kernel_dim=4, full_attention_interval=4)


def printed_parts() -> tuple[dict[str, int], dict[str, int]]:
    """The two columns of the snippet's table: Gated DeltaNet's tensors, then the attention layer's."""
    linear, attention = {}, {}
    for line in OUT.splitlines()[1:]:
        if not line.startswith("  "):
            break
        for column, match in zip((linear, attention), re.finditer(r"(\w+)\s+([\d,]+)", line), strict=False):
            column[match.group(1)] = int(match.group(2).replace(",", ""))
    return linear, attention


def small_model(layers: int):
    """Qwen3NextForCausalLM on meta with the release's mixer shapes; the experts and vocabulary made tiny, which
    changes neither the mixers nor the states."""
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    config = transformers.Qwen3NextConfig(**MIXER_SHAPES, num_hidden_layers=layers, num_experts=2,
                                          num_experts_per_tok=1, moe_intermediate_size=8,
                                          shared_expert_intermediate_size=8, intermediate_size=8, vocab_size=64)
    with torch.device("meta"):
        return transformers.Qwen3NextForCausalLM(config).to(torch.bfloat16)


@pytest.fixture(scope="module")
def model():
    return small_model(4)


def test_layer_parameters_are_what_transformers_builds(model):
    linear, attention = printed_parts()
    for prefix, printed in (("model.layers.0.linear_attn.", linear), ("model.layers.3.self_attn.", attention)):
        built = {}
        for name, p in model.named_parameters():
            if name.startswith(prefix):
                built[name[len(prefix):].split(".")[0]] = built.get(name[len(prefix):].split(".")[0], 0) + p.numel()
        total = printed.pop("total")
        assert printed == built
        assert total == sum(built.values())


def test_layer_kinds_of_the_release():
    import transformers

    config = transformers.Qwen3NextConfig(**MIXER_SHAPES, num_hidden_layers=48)
    kinds = {kind: config.layer_types.count(kind) for kind in set(config.layer_types)}
    printed = re.search(r"all token mixers: (\d+) x [\d,]+ \+ (\d+) x", OUT)
    assert kinds == {"linear_attention": int(printed.group(1)), "full_attention": int(printed.group(2))}


def test_state_and_cache_are_what_transformers_keeps(model):
    import torch

    per_length = []
    for tokens in (5, 70):
        cache = model(input_ids=torch.zeros(1, tokens, dtype=torch.long, device="meta"), use_cache=True).past_key_values
        linear, full = cache.layers[0], cache.layers[3]
        conv, recurrent = linear.conv_states[0], linear.recurrent_states[0]
        kv = (full.keys.numel() * full.keys.element_size() + full.values.numel() * full.values.element_size()) // tokens
        per_length.append((conv.numel() * conv.element_size(), recurrent.numel() * recurrent.element_size(), kv))
    assert per_length[0] == per_length[1]  # the state does not grow; the cache grows by the same bytes per token
    conv_bytes, recurrent_bytes, kv_per_layer = per_length[0]
    assert recurrent.dtype == torch.float32  # in a bf16 model, as the page says
    kib = re.search(r"a state of (\d+) KiB \(conv\) \+ (\d+) KiB \(recurrent\) on each of (\d+) layers", OUT)
    assert (int(kib.group(1)) * 1024, int(kib.group(2)) * 1024) == (conv_bytes, recurrent_bytes)
    mib = re.search(r"([\d.]+) MiB at any length", OUT).group(1)
    assert mib == f"{int(kib.group(3)) * (conv_bytes + recurrent_bytes) / 2**20:.2f}"
    kv = re.search(r"a KV cache of (\d+) KiB per token on (\d+) layers", OUT)
    assert int(kv.group(1)) * 1024 == int(kv.group(2)) * kv_per_layer
