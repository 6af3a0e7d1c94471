"""The calculator's memory formulas (the counter's memory(), the same rules count-core.js runs) against
real allocations on the CPU, not against themselves.

- weight formats: the bytes torch allocates for the tensors each library stores (tools/memory_allocations.py),
  filled by a real 4-bit group quantizer and a real NF4 quantizer, for a matrix and for a whole model's shapes;
- GGUF: each block type's bytes from its struct's fields (llama.cpp ggml/src/ggml-common.h), the table on the
  quantization-formats page, and the _M mixes tensor by tensor as llama.cpp's llama-quant.cpp assigns types;
- KV cache: the cache tensors of tiny transformers models for each attention kind (grouped-query with an
  explicit head_dim, sliding window, Gemma 2's alternation, Qwen2's max_window_layers, DeepSeek's latent; each
  class's own mix of sliding and full layers, given layer_types, gpt-oss with its sinks, Llama 4's chunks,
  DeepSeek-V3.2's indexer keys, GLM-5's on the layers that run its indexer, Gemma 4's layers of two head widths and
  its layers that reuse another's cache, DeepSeek-V4's windows and compressed entries), and which layers
  transformers caches as windows;
- training: the gradients and the optimizer states torch allocates for AdamW and SGD with momentum;
- LoRA: the trainable count of a model that peft builds on the meta device (real configs, and generated configs of
  every family, its refusals included), and the adapters' dtype.
"""

from __future__ import annotations

import ast
import copy
import random

import pytest
import torch
from count_params import ConfigError, load_config, memory
from count_params.counting import resolve
from count_params.families import TEXT_CONFIGS
from count_params.footprint import format_bytes, gguf_bytes
from count_params.memory_rules import GGUF_MIXES, GGUF_TYPES
from count_params.rules import MEMORY_RULES, RULES, TOWER_RULES
from transformers.cache_utils import DynamicSlidingWindowLayer

from tests.support import ROOT
from tests.support.configs import built_model, generated_config, nested_config, no_torch_init
from tools import memory_allocations as alloc


def real_config(stem: str) -> dict:
    return load_config(stem)


def meta_model(config: dict, dtype=torch.bfloat16):
    """The model transformers builds on the meta device, whose tensors have shapes and dtypes but no values: the
    values that torch's init functions would fill are skipped."""
    with no_torch_init():
        return alloc.transformers_model(config, device="meta", dtype=dtype)


# ------------------------------------------------------------------ weight formats

ENV = {"d": 256, "g": 128, "fb": 128 * 128}


@pytest.mark.parametrize("fmt, dtype", [("fp32", torch.float32), ("bf16", torch.bfloat16), ("fp16", torch.float16)])
def test_plain_formats_are_torch_element_sizes(fmt, dtype):
    w = torch.empty(384, 256, dtype=dtype)
    assert alloc.storage_bytes([w]) == w.numel() * w.element_size() == format_bytes(fmt, w.numel(), ENV)


@pytest.mark.parametrize("fmt", ["int8", "fp8", "gptq-int4", "awq-int4", "nf4", "nf4-dq", "mxfp4", "nvfp4"])
@pytest.mark.parametrize("group", [32, 128])
def test_quantized_formats_are_the_tensors_their_libraries_store(fmt, group):
    """Allocated for real on the CPU: the tool's bits per weight include every scale and zero point, except the
    per-tensor constants it says it leaves out (GPTQ's g_idx, double quantization's one fp32 offset, NVFP4's one
    fp32 scale)."""
    out, inp = 384, 256
    tensors = alloc.allocate(fmt, out, inp, group, device="cpu")
    real = alloc.storage_bytes(tensors.values())
    left_out = {"g_idx": 4 * inp, "offset": 4, "tensor_scale": 4}
    real -= sum(v for k, v in left_out.items() if k in tensors)
    assert format_bytes(fmt, out * inp, {**ENV, "d": inp, "g": group}) == real, fmt


@pytest.mark.parametrize("group", [32, 128])
def test_a_real_4bit_group_quantization_fills_that_layout(group):
    torch.manual_seed(0)
    w = torch.randn(64, 256)
    tensors, dequantized = alloc.quantize_int4_groups(w, group)
    assert {k: (tuple(v.shape), v.dtype) for k, v in tensors.items()} == alloc.layout("gptq-int4", 64, 256, group)
    step = (w.T.reshape(-1, group, 64).amax(1) - w.T.reshape(-1, group, 64).amin(1)).max() / 15
    assert (dequantized - w).abs().max() <= step * 0.51 + 1e-3, "the packed 4-bit values do not give w back"
    bits = 8 * (alloc.storage_bytes(tensors.values()) - 4 * 256) / w.numel()
    assert bits == 8 * format_bytes("gptq-int4", w.numel(), {**ENV, "g": group}) / w.numel()
    assert bits == 4 + 20 / group  # 4 bits, an fp16 scale and a 4-bit zero per group


@pytest.mark.parametrize("double", [False, True])
def test_a_real_nf4_quantization_fills_that_layout(double):
    torch.manual_seed(1)
    w = torch.randn(128, 256)  # 32768 weights: two full double-quantization blocks
    tensors, dequantized = alloc.quantize_nf4(w, double)
    fmt = "nf4-dq" if double else "nf4"
    assert {k: (tuple(v.shape), v.dtype) for k, v in tensors.items()} == alloc.layout(fmt, 128, 256)
    assert (dequantized - w).abs().mean() < 0.12, "NF4 codes do not give w back"
    real = alloc.storage_bytes(tensors.values()) - (4 if double else 0)  # the offset: one float per tensor
    assert real == format_bytes(fmt, w.numel(), ENV)
    # 4 bits, plus an fp32 absmax per 64 (4.5 bits); or an 8-bit absmax and an fp32 per 256 x 64 (4.127 bits)
    assert 8 * real / w.numel() == (4 + (8 * 256 + 32) / (64 * 256) if double else 4.5)


TINY = {"model_type": "llama", "vocab_size": 1024, "hidden_size": 256, "intermediate_size": 512,
        "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 64}


@pytest.mark.parametrize("fmt", ["gptq-int4", "awq-int4", "nf4", "mxfp4", "nvfp4", "fp8"])
def test_a_whole_model_in_each_format_is_the_sum_of_its_tensors(fmt):
    model = meta_model(TINY)
    ours = memory(TINY, {"weights": fmt})["weights"]
    assert ours["bytes"] == alloc.model_bytes_in(fmt, model), fmt


@pytest.mark.parametrize("stem", ["mixtral-8x7b-v0.1", "deepseek-v2-lite", "qwen3-30b-a3b"])
def test_mixtures_of_experts_in_4_bits_are_the_sum_of_their_tensors(stem):
    """Fused expert tensors quantized expert by expert; routers left as the model holds them (DeepSeek: fp32)."""
    config = real_config(stem)
    model = meta_model(config)
    for fmt in ("gptq-int4", "nf4"):
        ours = memory(config, {"weights": fmt})["weights"]["bytes"]
        real = alloc.model_bytes_in(fmt, model)
        if stem == "deepseek-v2-lite" and fmt == "gptq-int4":
            # its dense MLP's 10944 inputs are 85.5 groups of 128: the last, partial group of each row needs a
            # whole scale and zero, which a formula over all of a component's weights counts as half of one
            assert 0 < real - ours < 1e-6 * real, (real, ours)
        else:
            assert ours == real, (stem, fmt)


@pytest.mark.parametrize("stem", ["llama-3-8b", "mixtral-8x7b-v0.1", "deepseek-v2-lite",
                                  "nemotron-3-nano-30b-a3b"])  # its routers are fp32 in a bf16 model
def test_real_models_on_the_meta_device_take_the_bytes_the_tool_gives(stem):
    config = real_config(stem)
    for dtype, fmt in ((torch.bfloat16, "bf16"), (torch.float32, "fp32")):
        model = meta_model(config, dtype)
        real = alloc.allocated_bytes(model.parameters())
        assert memory(config, {"weights": fmt})["weights"]["bytes"] == real, (stem, fmt)


def test_a_quantization_config_in_the_config_is_applied():
    gptq = {**TINY, "quantization_config": {"quant_method": "gptq", "bits": 4, "group_size": 32}}
    m = memory(gptq)["weights"]
    assert (m["format"], m["source"], m["group_size"]) == ("gptq-int4", "quantization_config", 32)
    model = meta_model(TINY)
    assert m["bytes"] == alloc.model_bytes_in("gptq-int4", model, group=32)
    bnb = {**TINY, "quantization_config": {"quant_method": "bitsandbytes", "load_in_4bit": True,
                                           "bnb_4bit_quant_type": "nf4", "bnb_4bit_use_double_quant": True}}
    assert memory(bnb)["weights"]["format"] == "nf4-dq"
    assert memory(bnb, {"weights": "bf16"})["weights"]["source"] == "option"
    with pytest.raises(ConfigError, match="quant_method = 'eetq' is not supported"):
        memory({**TINY, "quantization_config": {"quant_method": "eetq"}})


# ------------------------------------------------------------------ GGUF: block layouts and the _M mixes

# The fields of each block struct in llama.cpp ggml/src/ggml-common.h, in bytes (ggml_half: 2 bytes; QK_K = 256;
# K_SCALE_SIZE = 12): block_q8_0 {d; qs[32]}, block_q4_0 {d; qs[16]}, block_q2_K {scales[16]; qs[64]; d, dmin},
# block_q3_K {hmask[32]; qs[64]; scales[12]; d}, block_q4_K {d, dmin; scales[12]; qs[128]},
# block_q5_K {d, dmin; scales[12]; qh[32]; qs[128]}, block_q6_K {ql[128]; qh[64]; scales[16]; d}.
BLOCK_FIELDS = {"Q8_0": (32, [2, 32]), "Q4_0": (32, [2, 16]), "Q2_K": (256, [16, 64, 4]),
                "Q3_K": (256, [32, 64, 12, 2]), "Q4_K": (256, [4, 12, 128]), "Q5_K": (256, [4, 12, 32, 128]),
                "Q6_K": (256, [128, 64, 16, 2])}


def test_gguf_block_sizes_are_the_sums_of_their_struct_fields():
    for name, (weights, fields) in BLOCK_FIELDS.items():
        assert GGUF_TYPES[name] == (weights, sum(fields)), name
    page = ROOT / "snippets" / "quantization-formats" / "gguf_bits.py"
    tree = ast.parse(page.read_text(encoding="utf-8"))
    table = next(ast.literal_eval(n.value) for n in ast.walk(tree)
                 if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "GGUF_BLOCKS")
    for name, (weights, fields) in table.items():
        if name in GGUF_TYPES:
            assert GGUF_TYPES[name] == (weights, sum(fields.values())), f"{page.name} disagrees on {name}"


def use_more_bits(i: int, n: int) -> bool:  # llama.cpp src/llama-quant.cpp
    return i < n // 8 or i >= 7 * n // 8 or (i - n // 8) % 3 == 2


def gguf_type(ftype: str, tensor: str, i: int, n: int, n_gqa: int, experts: int) -> str:
    """The type llama_tensor_get_type_impl() gives one layer tensor, transcribed branch by branch for the
    mixes the calculator offers (not Falcon, not the 70B rule)."""
    base = {"q8_0": "Q8_0", "q6_k": "Q6_K", "q4_0": "Q4_0", "q5_k_m": "Q5_K", "q4_k_m": "Q4_K",
            "q3_k_m": "Q3_K", "q2_k": "Q2_K"}[ftype]
    if tensor == "attn_v":
        t = base
        if ftype == "q2_k":
            t = "Q4_K" if n_gqa >= 4 else "Q3_K"
        elif ftype == "q3_k_m":
            t = "Q5_K" if i < 2 else "Q4_K"
        elif ftype in ("q4_k_m", "q5_k_m") and use_more_bits(i, n):
            t = "Q6_K"
        return "Q8_0" if experts == 8 else t
    if tensor == "attn_k":
        return "Q8_0" if experts == 8 else base
    if tensor == "ffn_down":
        if ftype == "q2_k":
            return "Q3_K"
        if ftype == "q3_k_m":
            return "Q5_K" if i < n // 16 else "Q4_K"
        if ftype in ("q4_k_m", "q5_k_m") and use_more_bits(i, n):
            return "Q6_K"
        return base
    if tensor == "attn_output":
        if experts == 8 and ftype in ("q2_k", "q3_k_m", "q4_k_m"):
            return "Q5_K"
        if experts != 8 and ftype in ("q2_k", "q3_k_m"):
            return {"q2_k": "Q3_K", "q3_k_m": "Q4_K"}[ftype]
    return base


GGUF_NAMES = {"q_proj": "attn_q", "k_proj": "attn_k", "v_proj": "attn_v", "o_proj": "attn_output",
              "gate_proj": "ffn_gate", "up_proj": "ffn_up", "down_proj": "ffn_down", "gate_up_proj": "ffn_up",
              "gate": "ffn_gate_inp"}


def gguf_file_bytes(ftype: str, model, config: dict) -> int:
    """A model's tensors as llama.cpp would write them: each matrix in its type, 1-D tensors in F32, the router
    (ffn_gate_inp) unquantized (F32 here, as it is converted), the output head in Q6_K (Q8_0 for q8_0)."""
    n = config["num_hidden_layers"]
    n_gqa = config["num_attention_heads"] // config.get("num_key_value_heads", config["num_attention_heads"])
    experts = config.get("num_local_experts", 1)
    out_type = "Q8_0" if ftype == "q8_0" else "Q6_K"
    base = gguf_type(ftype, "other", 0, n, n_gqa, experts)
    total = 0
    for name, p in model.named_parameters():
        parts = name.split(".")
        if p.dim() == 1:
            total += 4 * p.numel()
        elif "embed_tokens" in name:
            total += gguf_bytes(p.numel(), base)
        elif "lm_head" in name:
            total += gguf_bytes(p.numel(), out_type)
        else:
            layer = int(parts[parts.index("layers") + 1])
            kind = next(GGUF_NAMES[k] for k in reversed(parts) if k in GGUF_NAMES)
            if kind == "ffn_gate_inp":  # convert_hf_to_gguf.py writes routers in F32; llama.cpp keeps them
                total += 4 * p.numel()
            else:
                total += gguf_bytes(p.numel(), gguf_type(ftype, kind, layer, n, n_gqa, experts))
    return total


@pytest.mark.parametrize("stem", ["llama-3-8b", "qwen2.5-7b", "mixtral-8x7b-v0.1"])
def test_gguf_mixes_follow_llama_cpp_tensor_by_tensor(stem):
    config = real_config(stem)
    model = meta_model(config)
    for ftype in GGUF_MIXES:
        ours = memory(config, {"weights": ftype})["weights"]["bytes"]
        assert ours == gguf_file_bytes(ftype, model, config), (stem, ftype)


# ------------------------------------------------------------------ KV cache, by attention kind

SMALL = {"vocab_size": 64, "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 3,
         "num_attention_heads": 4, "num_key_value_heads": 2}
KINDS = {
    "gqa-explicit-head-dim": {"model_type": "llama", **SMALL, "head_dim": 16},
    "sliding-window": {"model_type": "mistral", **SMALL, "sliding_window": 5},
    "gemma2-alternating": {"model_type": "gemma2", **SMALL, "head_dim": 8, "sliding_window": 5},
    "qwen2-max-window-layers": {"model_type": "qwen2", **SMALL, "use_sliding_window": True, "sliding_window": 4,
                                "max_window_layers": 1},
    "mla-latent": {"model_type": "deepseek_v3", **SMALL, "num_key_value_heads": 4, "kv_lora_rank": 12,
                   "qk_rope_head_dim": 4, "qk_nope_head_dim": 6, "v_head_dim": 5, "q_lora_rank": 8,
                   "n_routed_experts": 4, "num_experts_per_tok": 2, "moe_intermediate_size": 8,
                   "first_k_dense_replace": 1, "n_group": 1, "topk_group": 1},
    # sliding and full layers by each class's own pattern (no layer_types given)
    "gpt-oss-alternating-with-sinks": {"model_type": "gpt_oss", **SMALL, "num_hidden_layers": 4, "head_dim": 8,
                                       "sliding_window": 5, "num_local_experts": 4, "num_experts_per_tok": 2},
    "olmo3-every-4th-full": {"model_type": "olmo3", **SMALL, "num_hidden_layers": 5, "sliding_window": 5},
    "cohere2-every-4th-full": {"model_type": "cohere2", **SMALL, "num_hidden_layers": 5, "sliding_window": 5},
    "exaone4-pattern": {"model_type": "exaone4", **SMALL, "num_hidden_layers": 4, "sliding_window": 5,
                        "sliding_window_pattern": 2},
    "smollm3-no-rope-layers-slide": {"model_type": "smollm3", **SMALL, "num_hidden_layers": 4, "pad_token_id": 0,
                                     "sliding_window": 5, "use_sliding_window": True, "no_rope_layer_interval": 2},
    "layer-types-given": {"model_type": "olmo3", **SMALL, "sliding_window": 5,
                          "layer_types": ["full_attention", "sliding_attention", "sliding_attention"]},
    # Llama 4's chunked attention, cached as a window of the chunk size
    "llama4-chunked": {"model_type": "llama4_text", **SMALL, "num_hidden_layers": 4, "head_dim": 8,
                       "attention_chunk_size": 5, "num_local_experts": 2, "intermediate_size_mlp": 40},
    # DeepSeek-V3.2: the latent, the rotary key and the sparse-attention indexer's key
    "indexer-keys": {"model_type": "deepseek_v32", **SMALL, "num_key_value_heads": 4, "kv_lora_rank": 12,
                     "qk_rope_head_dim": 4, "qk_nope_head_dim": 6, "v_head_dim": 5, "q_lora_rank": 8,
                     "n_routed_experts": 4, "num_experts_per_tok": 2, "moe_intermediate_size": 8,
                     "first_k_dense_replace": 1, "n_group": 1, "topk_group": 1, "index_head_dim": 8,
                     "index_n_heads": 2, "index_topk": 4},
    # recurrent layers: a fixed state per sequence (the convolution's window and the SSM or DeltaNet state)
    "mamba2-state": {"model_type": "mamba2", "vocab_size": 64, "hidden_size": 16, "num_hidden_layers": 2,
                     "num_heads": 4, "head_dim": 8, "state_size": 4, "n_groups": 2, "expand": 2, "conv_kernel": 4},
    "gated-deltanet-and-attention": {"model_type": "qwen3_next", **SMALL, "num_hidden_layers": 4, "head_dim": 4,
                                     "num_experts": 3, "num_experts_per_tok": 2, "moe_intermediate_size": 8,
                                     "shared_expert_intermediate_size": 12, "linear_num_key_heads": 2,
                                     "linear_num_value_heads": 4, "linear_key_head_dim": 4,
                                     "linear_value_head_dim": 6, "linear_conv_kernel_dim": 3, "pad_token_id": 0},
    # Nemotron-H: Mamba-2, attention, MLP and MoE layers in the order of its pattern
    "nemotron-h-pattern": {"model_type": "nemotron_h", "vocab_size": 64, "hidden_size": 32, "intermediate_size": 48,
                           "hybrid_override_pattern": "M*-EM", "num_attention_heads": 4, "num_key_value_heads": 2,
                           "head_dim": 8, "mamba_num_heads": 4, "mamba_head_dim": 8, "ssm_state_size": 4,
                           "n_groups": 2, "conv_kernel": 4, "n_routed_experts": 4, "num_experts_per_tok": 2,
                           "moe_intermediate_size": 8, "moe_shared_expert_intermediate_size": 12},
    # Falcon-H1: attention and Mamba-2 side by side, so every layer caches keys and values and keeps a state
    "falcon-h1-parallel": {"model_type": "falcon_h1", **SMALL, "head_dim": 8, "mamba_d_ssm": 16, "mamba_n_heads": 2,
                           "mamba_d_head": "auto", "mamba_n_groups": 1, "mamba_d_state": 4, "mamba_d_conv": 3},
    # Granite 4.0-H: Mamba-2 and attention layers as layer_types lists them (here in the names before transformers'
    # renaming), each with experts and a shared MLP
    "granite-hybrid-layer-types": {"model_type": "granitemoehybrid", **SMALL, "layer_types": ["mamba", "attention",
                                   "mamba"], "mamba_n_heads": 4, "mamba_n_groups": 2, "mamba_d_state": 4,
                                   "mamba_d_conv": 4, "mamba_expand": 1, "num_local_experts": 4,
                                   "num_experts_per_tok": 2, "shared_intermediate_size": 24},
    # LFM2: short convolutions (a window of conv_L_cache inputs per sequence) and attention layers
    "lfm2-short-convolutions": {"model_type": "lfm2", **SMALL, "conv_L_cache": 3, "block_multiple_of": 8,
                                "block_ffn_dim_multiplier": 1.5, "layer_types": ["conv", "full_attention", "conv"]},
    # Qwen3.5's language models: Qwen3-Next's Gated DeltaNet and gated attention, a dense MLP or experts
    "qwen3.5-gated-deltanet": {"model_type": "qwen3_5_text", **SMALL, "num_hidden_layers": 4, "head_dim": 4,
                               "linear_num_key_heads": 2, "linear_num_value_heads": 4, "linear_key_head_dim": 4,
                               "linear_value_head_dim": 6, "linear_conv_kernel_dim": 3, "full_attention_interval": 2},
    "qwen3.5-moe-gated-deltanet": {"model_type": "qwen3_5_moe_text", **SMALL, "num_hidden_layers": 4, "head_dim": 4,
                                   "linear_num_key_heads": 2, "linear_num_value_heads": 4, "linear_key_head_dim": 4,
                                   "linear_value_head_dim": 6, "linear_conv_kernel_dim": 3, "num_experts": 3,
                                   "num_experts_per_tok": 2, "moe_intermediate_size": 8,
                                   "shared_expert_intermediate_size": 12},
    # Gemma 4: full layers with their own head width and key/value heads (keys as values), per-layer embeddings,
    # and the last layers reusing an earlier layer's cache (transformers keeps a DummyLayer for each)
    "gemma4-shared-kv": {"model_type": "gemma4_text", **SMALL, "num_hidden_layers": 7, "head_dim": 8,
                         "global_head_dim": 12, "num_global_key_value_heads": 1, "attention_k_eq_v": True,
                         "sliding_window": 5, "num_kv_shared_layers": 3, "hidden_size_per_layer_input": 4,
                         "vocab_size_per_layer_input": 64,
                         "layer_types": ["sliding_attention", "full_attention", "sliding_attention",
                                         "sliding_attention", "full_attention", "sliding_attention",
                                         "sliding_attention"]},
    # GLM-5: the indexer's keys only on the layers that run it ("full"), the latent and rotary key on all
    "glm5-indexer-on-some-layers": {"model_type": "glm_moe_dsa", **SMALL, "num_hidden_layers": 4,
                                    "num_key_value_heads": 4, "kv_lora_rank": 12, "qk_rope_head_dim": 4,
                                    "qk_nope_head_dim": 6, "v_head_dim": 5, "q_lora_rank": 8, "n_routed_experts": 4,
                                    "num_experts_per_tok": 2, "moe_intermediate_size": 8, "first_k_dense_replace": 1,
                                    "index_head_dim": 8, "index_n_heads": 2, "index_topk": 4, "index_topk_freq": 2,
                                    "index_skip_topk_offset": 1},
    # DeepSeek-V4: windows of keys (values apart only on the plain sliding layers) and compressed entries, one per
    # 4 tokens with the indexer's keys (CSA), one per compress_rate_hca tokens (HCA)
    "deepseek-v4-compressed": {"model_type": "deepseek_v4", "vocab_size": 64, "hidden_size": 32,
                               "moe_intermediate_size": 8, "num_hidden_layers": 4, "num_attention_heads": 4,
                               "head_dim": 16, "q_lora_rank": 8, "o_lora_rank": 4, "o_groups": 2,
                               "index_n_heads": 2, "index_head_dim": 8, "n_routed_experts": 4,
                               "num_experts_per_tok": 2, "hc_mult": 2, "sliding_window": 5,
                               "compress_ratios": [0, 4, 128, 4], "compress_rate_hca": 3, "qk_rope_head_dim": 4,
                               "num_hash_layers": 0},
    "gemma4-default-pattern": {"model_type": "gemma4_text", **SMALL, "num_hidden_layers": 8, "head_dim": 8,
                               "global_head_dim": 16, "sliding_window": 5, "num_kv_shared_layers": 2,
                               "hidden_size_per_layer_input": 2, "vocab_size_per_layer_input": 64},
    # Voxtral: the cache of its language model (a llama text_config, whose head_dim is VoxtralConfig's default, 128)
    # in VoxtralForConditionalGeneration; its audio tower, beside it, caches nothing
    "voxtral-language-model": {"model_type": "voxtral", "text_config": SMALL,
                               "audio_config": {"hidden_size": 8, "num_attention_heads": 2, "intermediate_size": 16,
                                                "num_hidden_layers": 1}},
}
# DeepSeek-V4's rates as transformers 5 writes them (an object), and GLM-5's indexer layers as a pattern string
KINDS["deepseek-v4-compress-rates"] = {
    **{k: v for k, v in KINDS["deepseek-v4-compressed"].items() if k != "compress_rate_hca"},
    "compress_rates": {"compressed_sparse_attention": 2, "heavily_compressed_attention": 3}}
KINDS["glm5-indexer-pattern"] = {
    **{k: v for k, v in KINDS["glm5-indexer-on-some-layers"].items() if not k.startswith("index_")},
    "index_head_dim": 8, "index_n_heads": 2, "index_topk": 4, "index_topk_pattern": "FSSF"}
CACHED = ("keys", "values", "indexer_keys")  # what a cache layer holds per token (not its step counters)
# what a recurrent layer holds per sequence; DeepSeek-V4's compressed entries, one per so many tokens (its buffers
# of a window not yet closed, and the overlap of one window, are left out: memory() says so)
RECURRENT_STATES = ("conv_states", "recurrent_states")
STATES = (*RECURRENT_STATES, "compressed_kv")


def state_tensors(layer, name: str) -> list:
    states = getattr(layer, name, None) or {}
    return [t for t in (states.values() if isinstance(states, dict) else states) if t is not None]


def cached_tensors(layer) -> list:
    tensors = [getattr(layer, name) for name in CACHED if getattr(layer, name, None) is not None]
    for name in STATES:
        tensors += state_tensors(layer, name)
    return _unique(tensors)


def _unique(tensors) -> list:
    """One tensor per storage: DeepSeek-V4's values are its keys, one storage that takes memory once."""
    seen = {}
    for t in tensors:
        seen.setdefault(t.untyped_storage().data_ptr(), t)
    return list(seen.values())


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("tokens", [3, 9])  # inside and beyond the windows
def test_kv_cache_is_what_transformers_allocates(kind, tokens):
    config = KINDS[kind]
    model = alloc.transformers_model(config)
    cache = alloc.generation_cache(model, tokens, batch=2)
    real = alloc.storage_bytes(t for layer in cache.layers for t in cached_tensors(layer))
    ours = memory(config, {"kv_cache_dtype": "fp32", "context_length": tokens, "batch_size": 2})["kv_cache"]
    assert ours["bytes"] == real, (kind, tokens)
    # layers that cached keys (an MLP layer of a hybrid has an empty one), of them those that keep a window
    # (DeepSeek-V4's compressing caches are windows too: subclasses of DynamicSlidingWindowLayer); layers that keep a
    # recurrent state (Falcon-H1's keep both); layers that read another's keys and values (Gemma 4)
    attending = [layer for layer in cache.layers if getattr(layer, "keys", None) is not None]
    windowed = sum(isinstance(layer, DynamicSlidingWindowLayer) for layer in attending)
    states = [t for layer in cache.layers for name in RECURRENT_STATES for t in state_tensors(layer, name)]
    recurrent = sum(1 for layer in cache.layers if any(state_tensors(layer, name) for name in RECURRENT_STATES))
    # (an MLP layer of a hybrid caches nothing either: the shared ones are those whose attention says so)
    shared = sum(getattr(getattr(layer, "self_attn", None), "is_kv_shared_layer", False)
                 for layer in model.base_model.modules())
    assert (ours["full_layers"], ours["sliding_layers"], ours["recurrent_layers"], ours["shared_layers"]) == (
        len(attending) - windowed, windowed, recurrent, shared), kind
    if recurrent:  # the states, the same at 3 tokens and at 9
        assert ours["state_bytes"] == alloc.storage_bytes(states), kind
    if ours["sliding_layers"] and tokens > ours["sliding_window"]:
        # a sliding layer attends to W tokens; transformers' DynamicSlidingWindowLayer keeps W - 1 visible between
        # steps, in a storage of W (the slice of the last concatenation): the storage is what takes memory
        window = [t for layer in cache.layers for t in _unique([layer.keys, layer.values] if layer.keys is not None
                                                                 else [])]
        visible = sum(t.numel() * t.element_size() for t in window)
        # one token more in each sliding layer's storage: the sliding bytes of one token (W of them)
        assert alloc.storage_bytes(window) - visible == ours["sliding_bytes"] // ours["sliding_window"]
    if kind == "mla-latent":  # decompressed, the same cache would be H keys and H values per token
        attn = model.model.layers[0].self_attn
        layer = cache.layers[0]
        k, v = attn.expand_kv(layer.keys, layer.values)
        per_layer = (k.numel() + v.numel()) * 4
        assert ours["decompressed_bytes"] == per_layer * len(cache.layers)


# the kinds with recurrent layers, run again in bf16
RECURRENT_KINDS = [
    "mamba2-state",
    "gated-deltanet-and-attention",
    "nemotron-h-pattern",
    "falcon-h1-parallel",
    "granite-hybrid-layer-types",
    "lfm2-short-convolutions",
    "qwen3.5-gated-deltanet",
    "qwen3.5-moe-gated-deltanet",
]


@pytest.mark.parametrize("kind", RECURRENT_KINDS)
def test_a_bf16_model_keeps_its_recurrent_state_in_fp32(kind):
    """In a bf16 model, transformers keeps keys, values and the convolution window in bf16, and the SSM or DeltaNet
    state in fp32, which it computes in: the tool's state takes STATE_BYTES per value, its window the cache's."""
    config = KINDS[kind]
    model = alloc.transformers_model(config, dtype=torch.bfloat16)
    cache = alloc.generation_cache(model, 5, batch=2)
    ours = memory(config, {"kv_cache_dtype": "bf16", "context_length": 5, "batch_size": 2})["kv_cache"]
    assert ours["bytes"] == alloc.storage_bytes(t for layer in cache.layers for t in cached_tensors(layer)), kind
    convs = [t for layer in cache.layers for t in state_tensors(layer, "conv_states")]
    states = [t for layer in cache.layers for t in state_tensors(layer, "recurrent_states")]
    layers, batch = ours["recurrent_layers"], 2
    assert alloc.storage_bytes(convs) == layers * ours["conv_values_per_layer"] * ours["bytes_per_value"] * batch
    assert alloc.storage_bytes(states) == (
        layers * ours["state_values_per_layer"] * ours["state_bytes_per_value"] * batch)


@pytest.mark.parametrize("stem", ["nemotron-h-8b-base-8k", "nemotron-3-nano-30b-a3b", "falcon-h1-7b-instruct",
                                  "granite-4.0-h-tiny", "lfm2-1.2b", "qwen3.5-4b", "qwen3-next-80b-a3b",
                                  "lfm2-vl-450m"])
def test_a_hybrids_decoder_layers_are_those_transformers_builds(stem):
    """Fit and speed offload whole decoder layers: a hybrid's are neither its caching layers alone nor those plus
    its recurrent ones (Nemotron-H's MLP and MoE layers do neither; each of Falcon-H1's does both)."""
    from tests.support.configs import built_model

    config = real_config(stem)
    stacks = [m for name, m in built_model(config).named_modules()
              if name.endswith(".layers") and isinstance(m, torch.nn.ModuleList)
              and "visual" not in name and "vision_tower" not in name]  # a vision tower's layers aside
    assert len(stacks) == 1, stem
    assert memory(config)["kv_cache"]["decoder_layers"] == len(stacks[0]), stem


def _all_attention(config: dict) -> dict:
    """The same model with attention in place of each recurrent mixer (Nemotron-H: * for M in its pattern)."""
    if "hybrid_override_pattern" in config:
        return {**config, "hybrid_override_pattern": config["hybrid_override_pattern"].replace("M", "*")}
    return {**config, "layer_types": ["full_attention"] * config["num_hidden_layers"]}


@pytest.mark.parametrize("hybrid", [KINDS["gated-deltanet-and-attention"], real_config("nemotron-h-8b-base-8k")],
                         ids=["tiny-gated-deltanet", "nemotron-h-8b"])
def test_a_hybrid_grows_with_the_context_only_on_its_attention_layers(hybrid):
    """At 4K, 32K and 128K tokens, a hybrid's recurrent layers keep the same state (the oracles above check its
    bytes against transformers'); only its attention layers grow, so its cache grows by the share of attention
    layers of a transformer's with attention in place of each recurrent mixer, and stays below it."""
    pure = _all_attention(hybrid)
    sizes = {}
    for context in (4096, 32768, 131072):
        h = memory(hybrid, {"context_length": context})["kv_cache"]
        p = memory(pure, {"context_length": context})["kv_cache"]
        assert h["state_bytes"] > 0 and p["recurrent_layers"] == 0
        assert h["recurrent_layers"] + h["full_layers"] == p["full_layers"]
        sizes[context] = (h["state_bytes"], h["bytes"], p["bytes"])
    assert len({state for state, _, _ in sizes.values()}) == 1, "the state grew with the context"
    grown = [(sizes[b][1] - sizes[a][1], sizes[b][2] - sizes[a][2]) for a, b in ((4096, 32768), (32768, 131072))]
    attention, layers = memory(hybrid)["kv_cache"]["full_layers"], memory(pure)["kv_cache"]["full_layers"]
    assert all(h * layers == p * attention for h, p in grown)
    assert all(h < p for _, h, p in sizes.values()), "the hybrid keeps more than the transformer"


def test_the_tokens_that_fit_a_compressing_cache_are_the_most_whose_cache_fits():
    """DeepSeek-V4's cache adds an entry every 4 tokens on some layers and every 128 on others (its windows stop
    growing), so memory() finds the tokens of one sequence that fit by bisection: the largest context whose cache,
    as memory() gives it for that context, fits in what the weights leave of the card."""
    config = load_config("deepseek-v4-flash")
    for gb in ("600", "620", "1000"):
        fit = memory(config, {"gpu_gb": gb})["fit"]
        tokens, free = fit["tokens"], fit["free_after_weights"]
        assert tokens is not None and tokens >= 1, gb

        def cache(context: int, gb=gb) -> int:
            return memory(config, {"gpu_gb": gb, "context_length": context})["kv_cache"]["bytes"]

        assert cache(tokens) <= free < cache(tokens + 1), gb


# ------------------------------------------------------------------ training: gradients and optimizer states


@pytest.mark.parametrize("mode, optimizer", [
    ("adamw", lambda p: torch.optim.AdamW(p, lr=1e-3)),
    ("sgd-momentum", lambda p: torch.optim.SGD(p, lr=1e-3, momentum=0.9)),
])
def test_gradients_and_optimizer_states_are_what_torch_allocates(mode, optimizer):
    config = {**TINY, "vocab_size": 128, "hidden_size": 64, "intermediate_size": 96, "head_dim": 16}
    model = alloc.transformers_model(config)
    opt = optimizer(model.parameters())
    ids = torch.randint(0, 128, (1, 8))
    model(ids, labels=ids).loss.backward()
    opt.step()
    params = list(model.parameters())
    states = [t for p in params for name, t in opt.state[p].items() if name != "step"]
    ours = memory(config, {"training": mode})["training"]
    assert ours["weights"] == alloc.storage_bytes(params)
    assert ours["gradients"] == alloc.storage_bytes(p.grad for p in params)
    assert ours["optimizer_states"] == alloc.storage_bytes(states)
    # AdamW also keeps a 4-byte step counter per tensor, which the tool leaves out
    steps = [t for p in params for name, t in opt.state[p].items() if name == "step"]
    assert alloc.storage_bytes(steps) == (4 * len(params) if mode == "adamw" else 0)


# ------------------------------------------------------------------ LoRA with peft

MODULES = {"q": "q_proj", "k": "k_proj", "v": "v_proj", "o": "o_proj", "gate": "gate_proj", "up": "up_proj",
           "down": "down_proj"}


@pytest.mark.parametrize("stem, targets, rank", [
    ("llama-3-8b", "q,k,v,o", 16), ("qwen2.5-7b", "q,k,v,o,gate,up,down", 8), ("gemma-2-2b", "q,v", 64),
    ("qwen3-next-80b-a3b", "q,k,v,o", 16),
    ("granite-4.0-h-tiny", "q,k,v,o", 8), ("falcon-h1-tiny-90m-instruct", "q,k,v,o,gate,up,down", 16),
    ("nemotron-h-8b-base-8k", "q,v", 32), ("lfm2-1.2b", "q,k,v", 16),
])
def test_lora_trainable_count_is_what_peft_builds(stem, targets, rank):
    config = real_config(stem)
    model = meta_model(config)
    wrapped = alloc.lora_model(model, rank, [MODULES[t] for t in targets.split(",")])
    trainable = alloc.trainable(wrapped)
    ours = memory(config, {"training": "lora", "lora_rank": rank, "lora_targets": targets})["training"]
    assert ours["trainable_parameters"] == trainable
    adapters = [p for p in wrapped.parameters() if p.requires_grad]
    assert {p.dtype for p in adapters} == {torch.float32}, "peft keeps the adapters in fp32 (4 bytes each)"
    assert ours["gradients"] == 4 * trainable and ours["optimizer_states"] == 8 * trainable


# the names peft targets where a family's differ from Llama's (Phi's attention output is its dense)
PEFT_NAMES = {"phi": {"o": "dense"}}
WRAPPERS = sorted(set(TEXT_CONFIGS) - set(RULES))  # multimodal models whose language model is a family's


def lora_cases(family: str):
    """Generated configs of a family, or of a multimodal model around its language model's family (up to 12)."""
    for seed in range(12):
        rng = random.Random(f"{family}-lora-{seed}")
        if family in RULES:
            yield generated_config(family, rng)
        else:
            config = nested_config(family, generated_config(TEXT_CONFIGS[family]["default"], rng), rng)
            for key in TEXT_CONFIGS[family].get("tie keys", ["tie_word_embeddings"]):
                if key in config and config[key] is None:  # refused, as transformers refuses it
                    config[key] = rng.random() < 0.5
            yield config


def peft_trainable(model, names: list[str], multimodal: bool) -> int:
    """Parameters peft trains with LoRA of rank 2 on modules of these names; in a multimodal model, those of its
    language model (a regex: the plain names would also adapt a vision tower's q_proj or gate_proj)."""
    target = rf".*language_model\..*\.({'|'.join(names)})" if multimodal else names
    with no_torch_init():  # only the adapters' shapes are counted: their values are left unset
        return alloc.trainable(alloc.lora_model(copy.deepcopy(model), 2, target, init=False))


@pytest.mark.parametrize("family", sorted(RULES) + WRAPPERS)
def test_lora_of_every_family_is_what_peft_builds_or_refused(family):
    """Every family, on generated configs: the trainable count of LoRA on each module the rules say it can target
    is what peft builds (hybrids have attention on some layers only: Qwen3-Next's was counted on every layer); a
    module they cannot target, or a family without LoRA rules, is refused, naming the family."""
    counted, refused = [], 0
    for config in lora_cases(family):
        if refused + len(counted) >= 4 and (any(counted) or refused):  # four configs, a module compared
            break
        model_type = resolve(config)[1]
        lora = MEMORY_RULES["families"][model_type]["lora"]
        if lora is None:
            with pytest.raises(ConfigError, match=f"LoRA sizes are not defined for model_type '{model_type}'"):
                memory(config, {"training": "lora"})
            refused += 1
            continue
        for module in sorted(set(MODULES) - set(lora)):
            with pytest.raises(ConfigError, match=f"'{module}' is not a module whose LoRA size the counter knows"):
                memory(config, {"training": "lora", "lora_targets": module})
        ours = memory(config, {"training": "lora", "lora_rank": 2, "lora_targets": list(lora)})["training"]
        names = [PEFT_NAMES.get(model_type, {}).get(t, MODULES[t]) for t in lora]
        multimodal = config["model_type"] in TEXT_CONFIGS or config["model_type"] in TOWER_RULES
        model = built_model(config)
        if ours["trainable_parameters"] == 0:  # no such module in the model (a hybrid without attention layers)
            with pytest.raises(ValueError, match="not found|no `target_parameters`"):
                peft_trainable(model, names, multimodal)
        else:
            assert ours["trainable_parameters"] == peft_trainable(model, names, multimodal), config
        counted.append(ours["trainable_parameters"])
    assert refused or any(counted), "no generated config had a module to adapt: the test compared nothing"


# ------------------------------------------------------------------ gpt-oss as shipped: MXFP4 experts


def test_gpt_oss_weights_as_shipped_are_its_checkpoints_tensors():
    """gpt-oss ships its experts in MXFP4 (a uint8 of two fp4 values, and a uint8 power-of-two scale per 32 weights:
    the checkpoint's *_blocks and *_scales) and everything its quantization_config's modules_to_not_convert names,
    the experts' biases, and the norms in bf16. The tool, reading that quantization_config, gives the bytes of
    those tensors for the model transformers builds; the model card gives 12.8 GiB for gpt-oss-20b's checkpoint
    (OpenAI 2025, "gpt-oss-120b & gpt-oss-20b Model Card", Table 1)."""
    config = real_config("gpt-oss-20b")
    model = meta_model(config)
    stored = 0
    for name, p in model.named_parameters():
        if name.endswith(("experts.gate_up_proj", "experts.down_proj")):
            stored += p.numel() // 2 + p.numel() // 32  # fp4 pairs and one scale per block
        else:
            stored += 2 * p.numel()
    ours = memory(config)["weights"]
    assert (ours["format"], ours["source"]) == ("mxfp4", "quantization_config")
    assert ours["bytes"] == stored
    assert round(ours["bytes"] / 2**30, 1) == 12.8
