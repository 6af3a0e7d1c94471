"""The memory rules, as data: weight formats, the KV cache, training, and the options.

Every figure is a whole number of bytes. A weight format stores `block` weights in
`bits` bits, its scales and zero points included, so n weights take
ceil(n * bits / (8 * block)) bytes. Expressions may use g (the group size of GPTQ and
AWQ), fb (the weights per fp8 scale) and the model's variables (d: hidden size).
count_params.memory evaluates them; count_params.rules compiles them for the calculator.
"""

from __future__ import annotations

from count_params.families import QKVO_BIAS

# Weights and bytes per block of each GGUF type: the block structs of llama.cpp,
# ggml/src/ggml-common.h (block_q8_0: fp16 d + 32 int8; block_q4_0: fp16 d + 16 bytes of
# nibbles; block_q2_K ... block_q6_K with QK_K = 256 and K_SCALE_SIZE = 12). F32 and F16
# are plain floats (llama.cpp keeps 1-D tensors, norms and biases, in F32).
GGUF_TYPES = {"F32": (1, 4), "F16": (1, 2), "Q8_0": (32, 34), "Q4_0": (32, 18),
              "Q2_K": (256, 84), "Q3_K": (256, 110), "Q4_K": (256, 144),
              "Q5_K": (256, 176), "Q6_K": (256, 210)}
KEPT = ["embeddings", "output_head", "norms"]
E8 = "L if E == 8 else 0"  # 8-expert models (Mixtral): Q8_0 attn_v and attn_k
NOT_E8 = "0 if E == 8 else "
# Tensors whose type llama.cpp's quantization mixes change, per layer, and how many
# layers get which type: llama_tensor_get_type_impl() in llama.cpp src/llama-quant.cpp
# (use_more_bits(i, n): i < n/8 or i >= 7n/8 or (i - n/8) % 3 == 2).
GGUF_E8 = {"attn_v": [[E8, "Q8_0"]], "attn_k": [[E8, "Q8_0"]]}
GGUF_MIXES = {
    "q8_0": {"base": "Q8_0", "output": "Q8_0", "rules": GGUF_E8},
    "q6_k": {"base": "Q6_K", "output": "Q6_K", "rules": GGUF_E8},
    "q4_0": {"base": "Q4_0", "output": "Q6_K", "rules": GGUF_E8},
    "q5_k_m": {"base": "Q5_K", "output": "Q6_K", "rules": {
        "attn_v": [[E8, "Q8_0"], [NOT_E8 + "more_bits(L)", "Q6_K"]],
        "attn_k": [[E8, "Q8_0"]], "ffn_down": [["more_bits(L)", "Q6_K"]]}},
    "q4_k_m": {"base": "Q4_K", "output": "Q6_K", "rules": {
        "attn_v": [[E8, "Q8_0"], [NOT_E8 + "more_bits(L)", "Q6_K"]],
        "attn_k": [[E8, "Q8_0"]], "attn_output": [[E8, "Q5_K"]],
        "ffn_down": [["more_bits(L)", "Q6_K"]]}},
    "q3_k_m": {"base": "Q3_K", "output": "Q6_K", "rules": {
        "attn_v": [[E8, "Q8_0"], [NOT_E8 + "min(2, L)", "Q5_K"],
                   [NOT_E8 + "L - min(2, L)", "Q4_K"]],
        "attn_k": [[E8, "Q8_0"]],
        "attn_output": [[E8, "Q5_K"], [NOT_E8 + "L", "Q4_K"]],
        "ffn_down": [["L // 16", "Q5_K"], ["L - L // 16", "Q4_K"]]}},
    "q2_k": {"base": "Q2_K", "output": "Q6_K", "rules": {
        "attn_v": [[E8, "Q8_0"], [NOT_E8 + "(L if H // K >= 4 else 0)", "Q4_K"],
                   [NOT_E8 + "(0 if H // K >= 4 else L)", "Q3_K"]],
        "attn_k": [[E8, "Q8_0"]],
        "attn_output": [[E8, "Q5_K"], [NOT_E8 + "L", "Q3_K"]],
        "ffn_down": [["L", "Q3_K"]]}},
}
FORMATS = {
    "fp32": {"title": "fp32 (4 bytes)", "block": "1", "bits": "32", "keep": []},
    "bf16": {"title": "bf16 (2 bytes)", "block": "1", "bits": "16", "keep": []},
    "fp16": {"title": "fp16 (2 bytes)", "block": "1", "bits": "16", "keep": []},
    # bitsandbytes LLM.int8(): int8 weights, one fp32 scale (SCB) per output row; a row
    # is taken to be d weights long (exact where a layer's input is the hidden size)
    "int8": {"title": "int8, one fp32 scale per row", "block": "d", "bits": "8*d + 32",
             "keep": KEPT},
    # fp8 e4m3 with one fp32 scale per fb weights (128 x 128 blocks, as DeepSeek-V3 and
    # transformers' FP8 quantization store them)
    "fp8": {"title": "fp8 e4m3, one fp32 scale per block", "block": "fb",
            "bits": "8*fb + 32", "keep": KEPT},
    # GPTQ and AWQ: 4-bit weights packed in int32, per group of g weights of a column an
    # fp16 scale and a 4-bit zero point (GPTQ's g_idx, 4 bytes per input row, left out)
    "gptq-int4": {"title": "GPTQ 4-bit, group size g", "block": "g",
                  "bits": "4*g + 16 + 4", "keep": KEPT},
    "awq-int4": {"title": "AWQ 4-bit, group size g", "block": "g",
                 "bits": "4*g + 16 + 4", "keep": KEPT},
    # bitsandbytes NF4: an fp32 absmax per 64 weights; with double quantization the
    # absmax is 8-bit, with an fp32 scale per 256 of them (Dettmers et al. 2023, QLoRA,
    # section 3)
    "nf4": {"title": "bitsandbytes NF4", "block": "64", "bits": "4*64 + 32",
            "keep": KEPT},
    "nf4-dq": {"title": "bitsandbytes NF4, double quantization", "block": "64*256",
               "bits": "4*64*256 + 8*256 + 32", "keep": KEPT},
    # OCP microscaling MXFP4: 32 fp4 (e2m1) values share one 8-bit power-of-two scale
    "mxfp4": {"title": "MXFP4", "block": "32", "bits": "4*32 + 8", "keep": KEPT},
    # NVIDIA's NVFP4: 16 fp4 (e2m1) values share one fp8 (e4m3) scale; the one fp32
    # scale per tensor on top is left out (4 bytes a tensor)
    "nvfp4": {"title": "NVFP4", "block": "16", "bits": "4*16 + 8", "keep": KEPT},
    **{name: {"title": f"GGUF {name.upper()}", "gguf": mix, "keep": ["norms"]}
       for name, mix in GGUF_MIXES.items()},
}
KV_DTYPES = {"fp32": 4, "bf16": 2, "fp8": 1, "int8": 1}  # bytes per cached value
# Bytes per value of a recurrent layer's state (Mamba's SSM state, Gated DeltaNet's
# matrix), whatever the KV cache precision: transformers 5 computes it in fp32 and
# caches it so in a bf16 model (tests/test_memory_oracles.py checks it), as llama.cpp
# does (F32 recurrent memory); vLLM keeps it in the model's dtype unless
# mamba_ssm_cache_dtype says float32. The convolution window beside it is cached in
# the model's dtype, as keys and values are: the KV cache precision here.
STATE_BYTES = 4
LORA_MODULES = ("q", "k", "v", "o", "gate", "up", "down")
# Training and fine-tuning: bytes of each part, over T (parameters), R (trainable LoRA
# parameters) and B (the frozen base's bytes in the mode's weight format); "title" names
# the mode and "states" says in words what the optimizer keeps per trainable parameter.
TRAINING = {
    # fp32 weights and gradients; AdamW keeps two fp32 moments per parameter. Mixed
    # precision totals the same 16 bytes: bf16 weights and gradients plus an fp32 master
    # copy (Rajbhandari et al. 2020, ZeRO, section 3.1)
    "adamw": {"title": "Full, AdamW (fp32 states)",
              "states": "2 x 4 bytes (AdamW's two moments)",
              "weights": "4*T", "gradients": "4*T", "optimizer_states": "8*T"},
    # bitsandbytes 8-bit AdamW: two uint8 states with an fp32 absmax per 256 values
    # (bitsandbytes/optim/optimizer.py, Optimizer2State.init_state)
    "adamw-8bit": {"title": "Full, 8-bit AdamW (bitsandbytes)",
                   "states": "2 x 1 byte + an fp32 absmax per 256 values",
                   "weights": "4*T", "gradients": "4*T",
                   "optimizer_states": "2*T + 2*4*((T + 255) // 256)"},
    "sgd-momentum": {"title": "Full, SGD with momentum", "states": "4 bytes (momentum)",
                     "weights": "4*T", "gradients": "4*T", "optimizer_states": "4*T"},
    # LoRA: the frozen base holds no gradient; the adapters train in fp32 (peft casts
    # them to fp32 by default) with AdamW
    "lora": {"title": "LoRA (frozen base in bf16)", "states": "2 x 4 bytes (AdamW)",
             "base": "bf16", "weights": "B + 4*R", "gradients": "4*R",
             "optimizer_states": "8*R"},
    "qlora": {"title": "QLoRA (frozen base in NF4, double quantization)",
              "states": "2 x 4 bytes (AdamW)", "base": "nf4-dq", "weights": "B + 4*R",
              "gradients": "4*R", "optimizer_states": "8*R"},
}
# Activations saved for the backward pass, in 16-bit, per Korthikanti et al. 2022
# ("Reducing Activation Recomputation in Large Transformer Models", section 4.1,
# equation 1): s*b*d*(34 + 5*H*s/d) bytes per layer without parallelism; with full
# recomputation (gradient checkpointing) only each layer's input, 2*s*b*d bytes.
ACTIVATIONS = {"off": "A * (34*s*b*d + 5*H*s*s*b)", "on": "A * 2*s*b*d"}

GQA_TENSORS = {"attn_v": "d*K*h", "attn_k": "d*K*h", "attn_output": "H*h*d",
               "ffn_down": "I*d"}
# LoRA: per module, the in + out widths of every matrix of that name in the language
# model, summed over the layers that have one (a hybrid's attention is on some layers)
GQA_LORA = {"q": "L*(d + H*h)", "k": "L*(d + K*h)", "v": "L*(d + K*h)",
            "o": "L*(H*h + d)", "gate": "L*(d + I)", "up": "L*(d + I)",
            "down": "L*(I + d)"}
ATTN_LORA = {m: GQA_LORA[m] for m in ("q", "k", "v", "o")}
# Qwen3-Next and Qwen3.5: attention (gated queries, 2*H*h wide) on the A full-attention
# layers only; the Gated DeltaNet layers' projections have other names
GATED_LORA = {"q": "A*(d + 2*H*h)", "k": "A*(d + K*h)", "v": "A*(d + K*h)",
              "o": "A*(H*h + d)"}
GQA_KV = {"values": "2*K*h"}
WIDE_KV = {"values": "2*d"}  # one key and one value of width d per layer


def _sliding(default, sliding: str) -> dict:
    """A family whose layers may attend to a window: how many layers do."""
    return {"reads": {"W": ["sliding_window", default, None]}, "sliding": sliding}


ROUTERS = {"count": "L*d*E", "fp32": False}  # a router on every layer
# multi-head latent attention: the latent (kr) and the rotary key (rope) per layer;
# decompressed, H keys of nope + rope and H values of vh. DeepSeek keeps its routers
# (one per MoE layer) in fp32
MLA_KV = {"values": "kr + rope", "decompressed": "H*(nope + rope) + H*vh"}
MLA_ROUTER = {"count": "(L - D)*E*d", "fp32": True}
EVERY_4TH_FULL = {**GQA_KV, **_sliding(4096, "L - L // 4 if W is not None else 0")}
QWEN_SLIDING = {"W": ["sliding_window", 4096, None], "U": ["use_sliding_window", False],
                "M": ["max_window_layers", 28]}
# Per family: "kv" the values cached per layer and token, on how many layers ("layers",
# of which "sliding" attend to a window of W tokens); "tensors" per-layer sizes for
# the GGUF mixes; "lora" the modules whose LoRA size is known (GQA_LORA). A hybrid's
# "state_layers" keep a state per sequence ("conv" values in the cache's precision,
# "state" values in STATE_BYTES); "blocks": its decoder layers, where they are not the
# caching layers plus the recurrent ones.
MEMORY = {
    "gpt2": {"kv": WIDE_KV}, "gpt_neox": {"kv": WIDE_KV}, "gptj": {"kv": WIDE_KV},
    "opt": {"kv": WIDE_KV}, "bloom": {"kv": WIDE_KV},
    "falcon": {"kv": {"values": "2*(K if new else (1 if mq else H))*h"}},
    "bert": {}, "roberta": {}, "distilbert": {},
    "t5": {"kv": {"values": "2*H*h", "layers": "Ld"}, "act_layers": "Le + Ld",
           "architectures": {"T5EncoderModel": {"kv": None, "act_layers": "Le"}}},
    "mt5": {"kv": {"values": "2*H*h", "layers": "Ld"}, "act_layers": "Le + Ld",
            "architectures": {"MT5EncoderModel": {"kv": None, "act_layers": "Le"}}},
    "bart": {"kv": {"values": "2*d", "layers": "Ld"}, "act_layers": "Le + Ld"},
    "llama": {"kv": GQA_KV, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "granite": {"kv": GQA_KV, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "mistral": {"kv": {**GQA_KV, **_sliding(4096, "L if W is not None else 0")},
                "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "mixtral": {"kv": {**GQA_KV, **_sliding(None, "L if W is not None else 0")},
                "tensors": {**GQA_TENSORS, "ffn_down": "E*I*d"}, "lora": ATTN_LORA},
    "phi3": {"kv": {**GQA_KV, **_sliding(None, "L if W is not None else 0")}},
    "starcoder2": {"kv": {**GQA_KV, **_sliding(None, "L if W is not None else 0")},
                   "tensors": GQA_TENSORS, "lora": ATTN_LORA},
    "qwen2": {"kv": {**GQA_KV, "reads": QWEN_SLIDING,
                     "sliding": "L - min(M, L) if U and W is not None else 0"},
              "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "qwen3": {"kv": {**GQA_KV, "reads": QWEN_SLIDING,
                     "sliding": "L - min(M, L) if U and W is not None else 0"},
              "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "qwen2_moe": {"kv": {**GQA_KV, "reads": QWEN_SLIDING,
                         "sliding": "(min(M, L) + 1) // 2 if U and W is not None "
                                    "else 0"},
                  "lora": ATTN_LORA},
    "qwen3_moe": {"kv": {**GQA_KV, "reads": QWEN_SLIDING,
                         "sliding": "L if U and W is not None else 0"},
                  "lora": ATTN_LORA},
    "gemma": {"kv": GQA_KV, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    # Gemma 2: even layers (0, 2, ...) slide; Gemma 3: all but every P-th layer
    "gemma2": {"kv": {**GQA_KV,
                      **_sliding(4096, "(L + 1) // 2 if W is not None else 0")},
               "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "gemma3_text": {"kv": {**GQA_KV, "reads": {"W": ["sliding_window", 4096, None],
                                               "P": ["sliding_window_pattern", 6]},
                           "sliding": "L - L // P if W is not None and P > 0 else 0"},
                    "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "phi": {"kv": GQA_KV, "lora": ATTN_LORA},
    "stablelm": {"kv": GQA_KV, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "olmo": {"kv": GQA_KV, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "olmo2": {"kv": GQA_KV, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "cohere": {"kv": GQA_KV, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    # where a config gives no layer_types, the config class's own pattern: OLMo 3 and
    # Cohere2 slide on all but every 4th layer, EXAONE 4.0 on all but every P-th;
    # SmolLM3 on its layers without rotary positions, if use_sliding_window
    "olmo3": {"kv": EVERY_4TH_FULL, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "cohere2": {"kv": EVERY_4TH_FULL, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "exaone4": {"kv": {**GQA_KV, "reads": {"W": ["sliding_window", 4096, None],
                                           "P": ["sliding_window_pattern", 4]},
                       "sliding": "L - L // P if W is not None and P > 0 else 0"},
                "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "smollm3": {"kv": {**GQA_KV, "reads": {
        "W": ["sliding_window", None, None], "U": ["use_sliding_window", False],
        "NI": ["no_rope_layer_interval", 4], "nr": ["no_rope_layers", []]},
        # no_rope_layers: 1 where a layer has rotary positions, 0 where it has none
        "sliding": "(count(nr, 0) if len(nr) else L // NI) if U and W is not None "
                   "else 0"},
        "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "ernie4_5": {"kv": GQA_KV, "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "ministral3": {"kv": {**GQA_KV, **_sliding(None, "L if W is not None else 0")},
                   "tensors": GQA_TENSORS, "lora": GQA_LORA},
    "glm4": {"kv": GQA_KV, "lora": ATTN_LORA},
    "olmoe": {"kv": GQA_KV, "lora": ATTN_LORA, "router": ROUTERS},
    "phimoe": {"kv": {**GQA_KV, **_sliding(None, "L if W is not None else 0")},
               "lora": ATTN_LORA, "router": ROUTERS},
    "minimax_m2": {"kv": GQA_KV, "lora": ATTN_LORA, "router": ROUTERS},
    # gpt-oss: sliding and full layers alternate, the first sliding; the sinks are
    # parameters, not cached
    "gpt_oss": {"kv": {**GQA_KV,
                       **_sliding(128, "(L + 1) // 2 if W is not None else 0")},
                "lora": ATTN_LORA, "router": {"count": "L*(d*E + E)", "fp32": False},
                # the experts' biases, which the MXFP4 checkpoint keeps in bf16
                "biases": {"attention": f"L * ({QKVO_BIAS}) if attn_bias else 0",
                           "mlp": "L*E*(2*I + d)"},
                "bias16": True},
    "glm4_moe": {"kv": GQA_KV, "lora": ATTN_LORA,
                 "router": {"count": "(L - D)*d*E", "fp32": False}},
    # DeepSeek-V3.2: the latent, the rotary key and the indexer's key
    # (transformers' DynamicIndexedLayer)
    "deepseek_v32": {"kv": {"values": f"{MLA_KV['values']} + ihd",
                            "decompressed": f"{MLA_KV['decompressed']} + ihd"},
                     "router": MLA_ROUTER},
    "glm4_moe_lite": {"kv": MLA_KV, "router": {**MLA_ROUTER, "fp32": False}},
    # Llama 4: chunked attention on the layers with rotary positions (every layer but
    # each NI-th), cached as a window of the chunk size
    "llama4_text": {
        "kv": {**GQA_KV, "reads": {"W": ["attention_chunk_size", 8192, None],
                                   "NI": ["no_rope_layer_interval", 4],
                                   "nr": ["no_rope_layers", []]},
               "sliding": "(count(nr, 1) if len(nr) else L - L // NI) "
                          "if W is not None else 0"},
        "lora": ATTN_LORA, "router": {"count": "M*d*E", "fp32": False}},
    # a state per sequence on each recurrent layer, whatever the context: Mamba-2's
    # convolution window ("conv") and SSM state ("state") (LinearAttentionLayer:
    # conv_states, recurrent_states); Gated DeltaNet's convolution window and its
    # Kd x Vd state per value head
    "mamba2": {"kv": {"values": "0", "layers": "0", "state_layers": "L",
                      "conv": "cd*Kc", "state": "nh*hd*Ns"}},
    "qwen3_next": {"kv": {**GQA_KV, "layers": "A", "state_layers": "L - A",
                          "conv": "cd*Kc", "state": "Vh*Kd*Vd"},
                   "lora": GATED_LORA,
                   "router": {"count": "M*(d*E + d)", "fp32": False}},
    "ernie4_5_moe": {"kv": GQA_KV, "lora": ATTN_LORA,
                     "router": {"count": "M*(d*E + E)", "fp32": False}},
    "deepseek_v3": {"kv": MLA_KV, "router": MLA_ROUTER},
    "deepseek_v2": {"kv": MLA_KV, "router": MLA_ROUTER},
    # ---- hybrids: keys and values on the attention layers, a state on the others
    # Nemotron-H: its routers are fp32 parameters (NemotronHTopkRouter)
    "nemotron_h": {"kv": {**GQA_KV, "layers": "A", "state_layers": "Mb", "blocks": "L",
                          "conv": "cd*Kc", "state": "nh*hd*Ns"},
                   "router": {"count": "Me*d*E", "fp32": True}},
    # Falcon-H1: every layer caches keys and values and keeps a Mamba-2 state
    "falcon_h1": {"kv": {**GQA_KV, "state_layers": "L", "blocks": "L", "conv": "cd*Kc",
                         "state": "Ii*Ns"}},
    "granitemoehybrid": {"kv": {**GQA_KV, "layers": "A", "state_layers": "Mb",
                                "conv": "cd*Kc", "state": "Ii*Ns"},
                         "router": {"count": "L*d*E", "fp32": False}},
    # LFM2: its convolution layers keep the last Kc inputs of the hidden size
    "lfm2": {"kv": {**GQA_KV, "layers": "A", "state_layers": "L - A", "conv": "d*Kc"}},
    # Gemma 4: full and sliding layers cache heads of their own widths; the Sk layers
    # that reuse another's keys and values cache nothing (transformers' DummyLayer)
    "gemma4_text": {"kv": {"values": "2*Kf*gh", "sliding_values": "2*K*h",
                           "layers": "L - Sk", "sliding": "Sf", "shared_layers": "Sk",
                           "reads": {"W": ["sliding_window", 512, None]},
                           "types_in_rules": True},
                    "router": {"count": "L*(d*E + d + E) if moe else 0",
                               "fp32": False}},
    # GLM-5: DeepSeek's latent and rotary key on every layer, the indexer's key only on
    # the layers that run it (transformers' DynamicIndexedLayer)
    "glm_moe_dsa": {"kv": {**MLA_KV, "extra_values": "Fi*ihd"}, "router": MLA_ROUTER},
    # DeepSeek-V4 (DeepseekV4HCACache, DeepseekV4CSACache): a window of W keys on every
    # layer, used as the values too where a compressor runs, beside them on the plain
    # sliding layers; an entry of h values per crh tokens (HCA), of h + ihd per crc
    # tokens (CSA, the indexer's keys). Left out: each compressor's buffer of the tokens
    # of a window not yet closed, and the CSA's overlap of one window (a few windows
    # of tokens per layer, whatever the context)
    "deepseek_v4": {"kv": {"values": "h", "layers": "L", "sliding": "L",
                           "sliding_extra": "(L - C - Hh)*h",
                           "compressed": [["Hh*h", "crh"], ["C*(h + ihd)", "crc"]],
                           "reads": {"W": ["sliding_window", 128, None]},
                           "types_in_rules": True},
                    "router": {"count": "L*d*E", "fp32": False}},
}
# Qwen3.5: Qwen3-Next's cache and state
MEMORY["qwen3_5_text"] = {"kv": MEMORY["qwen3_next"]["kv"], "lora": {
    **GATED_LORA, **{m: GQA_LORA[m] for m in ("gate", "up", "down")}}}
MEMORY["qwen3_5_moe_text"] = {**MEMORY["qwen3_5_text"],
                              "router": {"count": "L*(d*E + d)", "fp32": False},
                              "lora": GATED_LORA}
# Biases inside "attention" and "mlp": 1-D tensors, which GGUF files keep in F32
LLAMA_BIAS = {"attention": f"L * ({QKVO_BIAS}) if attn_bias else 0"}
for _name in ("qwen3", "gemma", "gemma2", "gemma3_text", "olmo", "olmo2", "cohere",
              "olmo3", "cohere2"):
    MEMORY[_name]["biases"] = LLAMA_BIAS
for _name in ("llama", "granite", "smollm3"):
    MEMORY[_name]["biases"] = {**LLAMA_BIAS, "mlp": "L * (2*I + d) if mlp_bias else 0"}
MEMORY["qwen2"]["biases"] = {"attention": "L * (H*h + 2*K*h)"}
MEMORY["glm4"]["biases"] = {"attention": "L * (H*h + 2*K*h) if attn_bias else 0"}
MEMORY["ernie4_5"]["biases"] = {"attention": f"L * ({QKVO_BIAS}) if bias else 0",
                                "mlp": "L * (2*I + d) if bias else 0"}
MEMORY["stablelm"]["biases"] = {"attention": "L * (H*h + 2*K*h) if qkv_bias else 0"}
MEMORY["starcoder2"]["biases"] = {"attention": f"L * ({QKVO_BIAS}) if bias else 0",
                                  "mlp": "L * (I + d) if bias else 0"}
# The routers of mixtures of experts (parameters inside "mlp"): fp32 in GGUF files and,
# for DeepSeek, in transformers whatever the dtype the model is loaded in
MEMORY["mixtral"]["router"] = {"count": "L*d*E", "fp32": False}
MEMORY["qwen2_moe"]["router"] = {"count": "M*(d*E + d)", "fp32": False}
MEMORY["qwen3_moe"]["router"] = {"count": "M*d*E", "fp32": False}
# Qwen2.5-VL's language model: Qwen2's cache, its window on the layers from
# max_window_layers (Qwen2_5_VLTextConfig's default: 80)
MEMORY["qwen2_5_vl"] = {**MEMORY["qwen2"], "kv": {
    **MEMORY["qwen2"]["kv"], "reads": {**QWEN_SLIDING, "M": ["max_window_layers", 80]}}}
# Qwen3-VL's language models: Qwen3's and Qwen3-MoE's, without a sliding window
MEMORY["qwen3_vl_text"] = {**MEMORY["qwen3"], "kv": GQA_KV}
MEMORY["qwen3_vl_moe_text"] = {**MEMORY["qwen3_moe"], "kv": GQA_KV}
# Whisper's decoder caches a key and a value of width d per layer and token
MEMORY["whisper"] = {"kv": {"values": "2*d", "layers": "Ld"}, "act_layers": "Le + Ld"}
# ---- fixes27: LoRA on hybrids, whose attention layers (A of them) are Llama's.
# Falcon-H1 has attention and a gated MLP on every layer; LFM2 names its attention
# output out_proj, as its convolutions do, and its MLP w1, w2, w3: only q, k, v sized
ATTN_LAYERS_LORA = {m: w.replace("L*", "A*") for m, w in ATTN_LORA.items()}
MEMORY["falcon_h1"]["lora"] = GQA_LORA
for _name in ("nemotron_h", "granitemoehybrid"):
    MEMORY[_name]["lora"] = ATTN_LAYERS_LORA
MEMORY["lfm2"]["lora"] = {m: ATTN_LAYERS_LORA[m] for m in ("q", "k", "v")}

FP8_BLOCK = 128 * 128  # weights per fp8 scale when quantization_config gives no block

# The memory options: memory()'s options argument, the command line's --options and the
# calculator's URL parameters, with the value an absent option takes ("default").
# "choices": the values allowed, with the calculator's name for each where it shows a
# list ("unset": its name for the default, null); "label" and "hint": the calculator's
# words for the field.
OPTIONS = {
    "weights": {
        "default": None, "label": "Weight format",
        "choices": {name: spec["title"] for name, spec in FORMATS.items()},
        "unset": "From the config's quantization_config, else bf16",
        "hint": "Bits per weight include every scale and zero point; GGUF mixes give "
                "some tensors more bits, as llama.cpp does."},
    "group_size": {
        "default": 128, "label": "Group size (GPTQ, AWQ)",
        "hint": "Weights that share one scale and zero point."},
    "keep": {"default": None, "label": "Kept in 16 bits", "choices": KEPT},
    "kv_cache_dtype": {
        "default": "bf16", "label": "KV cache precision",
        "choices": {name: ("bf16 or fp16" if name == "bf16" else name)
                    + f" ({size} byte{'s' if size > 1 else ''})"
                    for name, size in KV_DTYPES.items()}},
    "context_length": {
        "default": 4096, "label": "Context length (tokens)",
        "hint": "Tokens per sequence held in the KV cache (what you run with, not the "
                "model's maximum)."},
    "batch_size": {"default": 1, "label": "Batch size (sequences)",
                   "hint": "Sequences decoded at once."},
    "gpu_gb": {"default": "24", "label": "Card memory (GB)",
               "hint": "As sold: a 24 GB card has 24 GiB (2^30 bytes each)."},
    "training": {
        "default": "none", "label": "Training",
        "choices": {"none": "None (inference)",
                    **{mode: spec["title"] for mode, spec in TRAINING.items()}},
        "hint": "Weights, gradients and optimizer states, with activations estimated "
                "apart."},
    "lora_rank": {
        "default": 16, "label": "LoRA rank",
        "hint": "r: each targeted matrix (out x in) of the language model gains "
                "r x (in + out) trainable parameters."},
    "lora_targets": {"default": ["q", "k", "v", "o"], "label": "LoRA targets",
                     "choices": LORA_MODULES},
    "checkpointing": {
        "default": "off", "label": "Gradient checkpointing",
        "choices": {"off": "Off", "on": "On (recompute each layer)"},
        "hint": "On: only each layer's input is kept; the rest is recomputed in the "
                "backward pass."},
}
MEMORY_DEFAULTS = {name: option["default"] for name, option in OPTIONS.items()}
