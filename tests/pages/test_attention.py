"""The attention page's claims checked against real runtimes: which tokens a token reads in a decoder and in an
encoder (tiny Llama and BERT models of the pinned transformers), and what multi-head latent attention caches per
token and layer (the latent and the decoupled rotary key, 9/2 of a head in DeepSeek-V2's configs)."""

from __future__ import annotations

import pytest
import torch
import transformers
from count_params import load_config

from tests.support import ROOT
from tools import memory_allocations as alloc

transformers.logging.set_verbosity_error()
PAGE = " ".join((ROOT / "docs" / "terms" / "attention.md").read_text(encoding="utf-8").split())
TINY = dict(vocab_size=50, hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4)


def first_position_reacts_to_the_last_token(model) -> bool:
    """Whether the output at position 0 changes when only the last input token changes."""
    torch.manual_seed(0)
    model.eval()
    ids = torch.randint(1, 50, (1, 8))
    changed = ids.clone()
    changed[0, -1] = (ids[0, -1] % 49) + 1
    with torch.no_grad():
        a, b = (model(input_ids=x).last_hidden_state[0, 0] for x in (ids, changed))
    return not torch.allclose(a, b)


def test_decoder_reads_only_earlier_tokens_and_an_encoder_reads_all():
    torch.manual_seed(0)
    decoder = transformers.LlamaModel(transformers.LlamaConfig(**TINY))
    encoder = transformers.BertModel(transformers.BertConfig(**TINY), add_pooling_layer=False)
    assert not first_position_reacts_to_the_last_token(decoder)
    assert first_position_reacts_to_the_last_token(encoder)
    assert "in a decoder (**causal** attention, as in GPT and Llama) from itself and the tokens before it" in PAGE
    assert "in an encoder (BERT) from every token of the input" in PAGE


@pytest.mark.parametrize("name", ["deepseek-v2-lite", "deepseek-v3"])
def test_mla_cache_is_latent_plus_rotary_key_nine_halves_of_a_head(name):
    """DeepSeek-V2's Table 1 sets c = 4h and d_R = h/2, so c + d_R = 9/2 h; the committed configs do."""
    c = load_config(name)
    h = c["qk_nope_head_dim"]
    assert c["kv_lora_rank"] == 4 * h and 2 * c["qk_rope_head_dim"] == h
    assert (c["kv_lora_rank"] + c["qk_rope_head_dim"]) / h == 9 / 2


def test_transformers_caches_latent_plus_rotary_key():
    """A tiny DeepSeek-V2 with Table 1's proportions caches c + d_R = 9/2 h numbers a token and layer, not c."""
    h, tokens = 8, 12
    config = transformers.DeepseekV2Config(
        **TINY, num_key_value_heads=4, kv_lora_rank=4 * h, q_lora_rank=None, qk_rope_head_dim=h // 2,
        qk_nope_head_dim=h, v_head_dim=h, moe_intermediate_size=16, n_routed_experts=4, num_experts_per_tok=2,
        first_k_dense_replace=1, n_group=1, topk_group=1)
    model = transformers.DeepseekV2ForCausalLM(config)
    for layer in alloc.generation_cache(model, tokens).layers:
        per_token = (layer.keys.numel() + layer.values.numel()) / tokens
        assert per_token == 4 * h + h // 2 == 9 / 2 * h
    assert r"cache holds \(c + d_R\) numbers per token and layer" in PAGE
    assert r"\(c + d_R = \tfrac{9}{2} h\)" in PAGE
    assert r"holds \(c\) numbers" not in PAGE  # the latent alone leaves out the rotary key
