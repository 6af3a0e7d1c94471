"""Count the parameters of a language model exactly, from its config.json.

Usage:
    python count_from_config.py CONFIG.json          a breakdown by component
    python count_from_config.py CONFIG.json --json   one JSON object (see below)
    python count_from_config.py CONFIG.json --weights q4_k_m --context-length 8192 \
        --gpu-gb 24 --training qlora               and the memory (as the calculator)
    python count_from_config.py                      a table of every config in configs/
    python count_from_config.py --json               {config name: JSON object} for each
    python count_from_config.py --rules              the counting rules as JSON

Nothing is downloaded and no weights are needed: the count follows from the shapes the
config implies. An unknown model_type, a missing key or an unsupported option is an
error naming it (exit status 2, message on stderr), never a wrong number. Only the
standard library is used, so this one file can be downloaded and run alone.

``count_parameters(config) -> dict`` returns

    {"model_type", "total", "active", "non_embedding", "tied_output_head",
     "kv_values_per_token", "breakdown": {"embeddings", "attention", "mlp", "norms",
                                          "output_head", "other"}}

The breakdown sums to "total". "non_embedding" leaves out the token and position
tables and an untied output head. "active" is what one token uses: for a mixture of
experts, the total minus the routed experts it is not sent to (for a dense model, the
total). Memory needs the total; compute per token follows the active count.
"kv_values_per_token" is the number of values a decoder caches per token for all
layers (keys and values; for multi-head latent attention the latent and the rotary
key, as vLLM and SGLang cache them; every layer as if it attended to the whole
context, sliding windows apart), or null.

``memory(config, options) -> dict`` gives bytes for the options of the calculator's
URL (weights, group_size, keep, kv_cache_dtype, context_length, batch_size, gpu_gb,
training, lora_rank, lora_targets, checkpointing): "weights" by component in a weight
format, scales and zero points included; "kv_cache" by layer kind (full and sliding-
window layers; for multi-head latent attention the latent, the decompressed figure
apart); "fit", the tokens that fit on the card after the weights; "training", weights,
gradients, optimizer states and an activations estimate. --json prints it as "memory".

The rules are data: FAMILIES below maps each model_type to the keys it reads (with the
default of the matching Hugging Face transformers config class) and one expression per
component, written in a small subset of Python expressions. The same rules, compiled to
JSON by ``rules_json()``, drive the calculator page in the browser, so the two cannot
drift apart. Notation: V vocabulary, d hidden size, L layers, H attention heads, K
key/value heads, h head dim, I MLP width, E experts (k of them chosen per token).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

COMPONENTS = ("embeddings", "attention", "mlp", "norms", "output_head", "other")
CONFIG_DIR = Path(__file__).resolve().parent / "configs"


class ConfigError(ValueError):
    """The config cannot be counted: an unknown model_type, a missing key or an
    unsupported option. ``key`` names the config key at fault (None when none does)."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key


# ------------------------------------------------------------------ the rules, as data
# "reads": variable -> "key" (required), ["key", default] or ["key", default, if null];
# "a|b" reads the first key present. A default is a literal (its type is the key's
# type) or an expression over earlier variables. A key set to null takes the "if null"
# value (transformers may treat null and absent differently), else the default.
# "only": keys whose other values change the architecture in ways these rules do not
# cover. "checks": conditions
# that must hold, with the key to blame. "active": parameters one token uses.

# --8<-- [start:llama]
LLAMA_READS = {
    "V": "vocab_size",
    "d": "hidden_size",
    "I": "intermediate_size",
    "L": "num_hidden_layers",
    "H": "num_attention_heads",
    "K": ["num_key_value_heads", "H"],
    "h": ["head_dim", "d / H"],
    "tied": ["tie_word_embeddings", False],
}
KV_DIVIDES = [["H % K == 0", "num_key_value_heads",
               "'num_attention_heads' is not a multiple of 'num_key_value_heads'"]]
QKVO = "d*H*h + 2*d*K*h + H*h*d"  # q and output: H heads; k and v: K heads
QKVO_BIAS = "H*h + 2*K*h + d"
UNTIED_HEAD = "0 if tied else V*d"
GQA_CACHE = "2*L*K*h"  # a key and a value vector per layer and key/value head

LLAMA = {
    "title": "Llama",
    "reads": {**LLAMA_READS, "attn_bias": ["attention_bias", False],
              "mlp_bias": ["mlp_bias", False]},
    "checks": KV_DIVIDES,
    "count": {
        "embeddings": "V*d",
        "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))",
        "mlp": "L * (3*d*I + (2*I + d if mlp_bias else 0))",
        "norms": "L*2*d + d",
        "output_head": UNTIED_HEAD,
    },
    "kv_cache": GQA_CACHE,
}
# --8<-- [end:llama]
PLAIN_GQA = {  # Llama's shape without any bias: q, k, v, o; gated MLP; RMSNorm
    "reads": LLAMA_READS,
    "checks": KV_DIVIDES,
    "count": {"embeddings": "V*d", "attention": f"L * ({QKVO})", "mlp": "L * 3*d*I",
              "norms": "L*2*d + d", "output_head": UNTIED_HEAD},
    "kv_cache": GQA_CACHE,
}
BERT = {
    "title": "BERT encoder (BertModel with its pooler)",
    "reads": {"V": "vocab_size", "d": "hidden_size", "L": "num_hidden_layers",
              "H": "num_attention_heads", "I": "intermediate_size",
              "P": "max_position_embeddings", "T": "type_vocab_size"},
    "only": {"position_embedding_type": ["absolute"], "add_cross_attention": [False],
             "is_decoder": [False]},
    "checks": [["d % H == 0", "num_attention_heads",
                "'hidden_size' is not divisible by 'num_attention_heads'"]],
    "count": {"embeddings": "(V + P + T) * d", "attention": "L * 4 * (d*d + d)",
              "mlp": "L * (2*d*I + I + d)", "norms": "(2*L + 1) * 2*d",
              "other": "d*d + d"},  # the pooler
    "kv_cache": None,  # an encoder reads its whole input at once: no cache
}
TOP_K = ["k <= E", "num_experts_per_tok", "more experts per token than experts"]
QWEN_MOE_LAYERS = "moe_layers(L, step, skip) if E > 0 else 0"

FAMILIES: dict[str, dict] = {
    "gpt2": {
        "title": "GPT-2",
        "reads": {"V": "vocab_size", "P": "n_positions", "d": "n_embd", "L": "n_layer",
                  "H": "n_head", "I": ["n_inner", "4*d"],
                  "tied": ["tie_word_embeddings", True]},
        "only": {"add_cross_attention": [False]},
        "checks": [["d % H == 0", "n_head", "'n_embd' is not divisible by 'n_head'"]],
        "count": {"embeddings": "V*d + P*d",
                  "attention": "L * (d*3*d + 3*d + d*d + d)",  # fused q, k, v; output
                  "mlp": "L * (2*d*I + I + d)", "norms": "L*2*2*d + 2*d",
                  "output_head": UNTIED_HEAD},
        "kv_cache": "2*L*d",
    },
    "gpt_neox": {
        "title": "GPT-NeoX, Pythia",
        "reads": {"V": "vocab_size", "d": "hidden_size", "L": "num_hidden_layers",
                  "H": "num_attention_heads", "I": "intermediate_size",
                  "tied": ["tie_word_embeddings", False],
                  "bias": ["attention_bias", True]},
        "checks": [["d % H == 0", "num_attention_heads",
                    "'hidden_size' is not divisible by 'num_attention_heads'"]],
        "count": {"embeddings": "V*d",
                  "attention": "L * (d*3*d + d*d + (3*d + d if bias else 0))",
                  "mlp": "L * (2*d*I + I + d)", "norms": "L*2*2*d + 2*d",
                  "output_head": UNTIED_HEAD},
        "kv_cache": "2*L*d",
    },
    "gptj": {
        "title": "GPT-J",
        "reads": {"V": "vocab_size", "d": "n_embd", "L": "n_layer", "H": "n_head",
                  "I": ["n_inner", "4*d"], "tied": ["tie_word_embeddings", False]},
        "checks": [["d % H == 0", "n_head", "'n_embd' is not divisible by 'n_head'"]],
        "count": {"embeddings": "V*d", "attention": "L * 4*d*d",
                  "mlp": "L * (2*d*I + I + d)", "norms": "L*2*d + 2*d",
                  "output_head": "(0 if tied else V*d) + V"},  # the head has a bias
        "kv_cache": "2*L*d",
    },
    "opt": {
        "title": "OPT",
        "reads": {"V": "vocab_size", "d": "hidden_size", "L": "num_hidden_layers",
                  "H": "num_attention_heads", "I": "ffn_dim",
                  "P": "max_position_embeddings", "p": ["word_embed_proj_dim", "d"],
                  "tied": ["tie_word_embeddings", True], "bias": ["enable_bias", True],
                  "pre": ["do_layer_norm_before", True],
                  "no_final": ["_remove_final_layer_norm", False],
                  "affine": ["layer_norm_elementwise_affine", True]},
        "checks": [["d % H == 0", "num_attention_heads",
                    "'hidden_size' is not divisible by 'num_attention_heads'"]],
        "count": {"embeddings": "V*p + (P + 2)*d",  # OPT's positions have 2 extra rows
                  "attention": "L * 4 * (d*d + (d if bias else 0))",
                  "mlp": "L * (2*d*I + (I + d if bias else 0))",
                  "norms": "(2*L + (1 if pre and not no_final else 0)) * 2*d "
                           "if affine else 0",
                  "output_head": "0 if tied else V*p",
                  "other": "2*p*d if p != d else 0"},  # project_in and project_out
        "kv_cache": "2*L*d",
    },
    "bloom": {
        "title": "BLOOM",
        "reads": {"V": "vocab_size", "d": "n_embed|hidden_size",
                  "L": "n_layer|num_hidden_layers", "H": "n_head|num_attention_heads",
                  "tied": ["tie_word_embeddings", True]},
        "checks": [["d % H == 0", "n_head",
                    "the hidden size is not divisible by 'n_head'"]],
        "count": {"embeddings": "V*d",
                  "attention": "L * (3*d*d + 3*d + d*d + d)",
                  "mlp": "L * (8*d*d + 4*d + d)",
                  # ALiBi positions; a LayerNorm on the embeddings
                  "norms": "L*2*2*d + 2*d + 2*d",
                  "output_head": UNTIED_HEAD},
        "kv_cache": "2*L*d",
    },
    "falcon": {
        "title": "Falcon",
        "reads": {"V": "vocab_size", "d": "n_embed|hidden_size",
                  "L": "num_hidden_layers", "H": "num_attention_heads",
                  "K": ["num_kv_heads", "H"],
                  "F": ["ffn_hidden_size", "4*d"],
                  "new": ["new_decoder_architecture", False],
                  "mq": ["multi_query", True], "par": ["parallel_attn", True],
                  "bias": ["bias", False], "n_ln": ["num_ln_in_parallel_attn", None],
                  "tied": ["tie_word_embeddings", True]},
        "checks": [["d % H == 0", "num_attention_heads",
                    "the hidden size is not divisible by 'num_attention_heads'"]],
        "let": {"h": "d // H",
                "qkv": "(H + 2*K)*h if new else (d + 2*h if mq else 3*d)",
                "n_norms": "2 if not par or n_ln == 2 or (n_ln is None and new) "
                           "else 1"},
        "count": {"embeddings": "V*d",
                  "attention": "L * (d*qkv + d*d + (qkv + d if bias else 0))",
                  "mlp": "L * (2*d*F + (F + d if bias else 0))",
                  "norms": "L*n_norms*2*d + 2*d", "output_head": UNTIED_HEAD},
        "kv_cache": "2*L*(K if new else (1 if mq else H))*h",
    },
    "bert": BERT,
    "roberta": {**BERT, "title": "RoBERTa encoder (RobertaModel with its pooler)"},
    "distilbert": {
        "title": "DistilBERT encoder (DistilBertModel)",
        "reads": {"V": "vocab_size", "d": "dim", "L": "n_layers", "H": "n_heads",
                  "I": "hidden_dim", "P": "max_position_embeddings"},
        "checks": [["d % H == 0", "n_heads", "'dim' is not divisible by 'n_heads'"]],
        "count": {"embeddings": "(V + P) * d", "attention": "L * 4 * (d*d + d)",
                  "mlp": "L * (2*d*I + I + d)", "norms": "L*2*2*d + 2*d"},
        "kv_cache": None,
    },
    "t5": {
        "title": "T5 encoder-decoder",
        "reads": {"V": "vocab_size", "d": "d_model", "h": "d_kv", "F": "d_ff",
                  "Le": "num_layers", "Ld": ["num_decoder_layers", "Le"],
                  "H": "num_heads", "B": ["relative_attention_num_buckets", 32],
                  "act": ["feed_forward_proj", "'relu'"],
                  "tied": ["tie_word_embeddings", True]},
        "let": {"wi": "2 if startswith(act, 'gated-') else 1"},
        "count": {"embeddings": "V*d",  # one table shared by encoder and decoder
                  "attention": "(Le + 2*Ld) * 4*d*H*h",  # decoder: self and cross
                  "mlp": "(Le + Ld) * (wi + 1)*d*F", "norms": "(2*Le + 3*Ld + 2) * d",
                  "output_head": UNTIED_HEAD,
                  "other": "2*B*H"},  # relative position bias, one per stack
        "kv_cache": "2*Ld*H*h",  # decoder self-attention (cross-attention cache aside)
    },
    "llama": LLAMA,
    "granite": {**LLAMA, "title": "Granite"},
    "mistral": {**PLAIN_GQA, "title": "Mistral"},
    "qwen2": {
        **PLAIN_GQA, "title": "Qwen2, Qwen2.5",
        "count": {**PLAIN_GQA["count"],
                  "attention": f"L * ({QKVO} + H*h + 2*K*h)"},  # q, k, v biases
    },
    "qwen3": {
        **PLAIN_GQA, "title": "Qwen3",
        "reads": {**LLAMA_READS, "h": ["head_dim", 128],
                  "attn_bias": ["attention_bias", False]},
        "count": {**PLAIN_GQA["count"],
                  "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))",
                  "norms": "L*(2*d + 2*h) + d"},  # RMSNorm on each q and k head
    },
    "gemma": {
        **PLAIN_GQA, "title": "Gemma",
        "reads": {**LLAMA_READS, "h": ["head_dim", 256],
                  "tied": ["tie_word_embeddings", True],
                  "attn_bias": ["attention_bias", False]},
        "count": {**PLAIN_GQA["count"],
                  "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))"},
    },
    "mixtral": {
        **PLAIN_GQA, "title": "Mixtral (mixture of experts)",
        "reads": {**LLAMA_READS, "E": ["num_local_experts|num_experts", 8],
                  "k": ["num_experts_per_tok", 2]},
        "checks": [*KV_DIVIDES, TOP_K],
        "count": {**PLAIN_GQA["count"],
                  "mlp": "L * (d*E + E*3*d*I)"},  # a router and E experts per layer
        "active": "total - L*(E - k)*3*d*I",
    },
    "phi3": {
        **PLAIN_GQA, "title": "Phi-3",
        "count": {**PLAIN_GQA["count"]},  # fused qkv and gate_up: the same shapes
    },
    "phi": {
        **PLAIN_GQA, "title": "Phi-1, Phi-1.5, Phi-2",
        "reads": {**LLAMA_READS, "qk_norm": ["qk_layernorm", False]},
        "count": {"embeddings": "V*d",
                  "attention": f"L * ({QKVO} + {QKVO_BIAS})",
                  "mlp": "L * (2*d*I + I + d)",
                  # attention and MLP in parallel after one LayerNorm
                  "norms": "L * (2*d + (4*(d // H) if qk_norm else 0)) + 2*d",
                  "output_head": "(0 if tied else V*d) + V"},  # the head has a bias
    },
    "stablelm": {
        **PLAIN_GQA, "title": "StableLM",
        "reads": {**{k: v for k, v in LLAMA_READS.items() if k != "h"},
                  "qkv_bias": ["use_qkv_bias", False],
                  "qk_norm": ["qk_layernorm", False],
                  "par": ["use_parallel_residual", False]},
        "checks": [*KV_DIVIDES, [
            "d % H == 0", "num_attention_heads",
            "'hidden_size' is not divisible by 'num_attention_heads'"]],
        "let": {"h": "d // H"},
        "count": {**PLAIN_GQA["count"],
                  "attention": f"L * ({QKVO} + (H*h + 2*K*h if qkv_bias else 0))",
                  # LayerNorms with a shift; one per layer when attention and MLP run
                  # in parallel; per-head q and k LayerNorms have no shift
                  "norms": "L * ((1 if par else 2)*2*d + (H*h + K*h if qk_norm else 0))"
                           " + 2*d"},
    },
    "olmo": {
        **PLAIN_GQA, "title": "OLMo",
        "reads": {**LLAMA_READS, "attn_bias": ["attention_bias", False]},
        "count": {**PLAIN_GQA["count"],
                  "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))",
                  "norms": "0"},  # LayerNorm without gain or shift
    },
    "olmo2": {
        **PLAIN_GQA, "title": "OLMo 2",
        "reads": {**LLAMA_READS, "attn_bias": ["attention_bias", False]},
        "count": {**PLAIN_GQA["count"],
                  "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))",
                  "norms": "L*(2*d + H*h + K*h) + d"},  # q and k RMSNorm over all heads
    },
    "cohere": {
        **PLAIN_GQA, "title": "Cohere Command-R",
        "reads": {**LLAMA_READS, "tied": ["tie_word_embeddings", True],
                  "attn_bias": ["attention_bias", False],
                  "qk_norm": ["use_qk_norm", False]},
        "count": {**PLAIN_GQA["count"],
                  "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))",
                  # one LayerNorm (gain only) before attention and MLP in parallel
                  "norms": "L*(d + (H*h + K*h if qk_norm else 0)) + d"},
    },
    "starcoder2": {
        **PLAIN_GQA, "title": "StarCoder2",
        "reads": {**LLAMA_READS, "tied": ["tie_word_embeddings", True],
                  "bias": ["use_bias", True]},
        "count": {**PLAIN_GQA["count"],
                  "attention": f"L * ({QKVO} + ({QKVO_BIAS} if bias else 0))",
                  "mlp": "L * (2*d*I + (I + d if bias else 0))",  # not gated
                  "norms": "L*2*2*d + 2*d"},  # LayerNorm with a shift
    },
}
GEMMA = FAMILIES["gemma"]
FAMILIES["gemma2"] = {
    **GEMMA, "title": "Gemma 2",
    "count": {**GEMMA["count"], "norms": "L*4*d + d"},  # norms before and after each
}
FAMILIES["gemma3_text"] = {
    **GEMMA, "title": "Gemma 3 (text)",
    "count": {**GEMMA["count"], "norms": "L*(4*d + 2*h) + d"},  # and q, k norms
}
QWEN2 = FAMILIES["qwen2"]
STEP = ["step > 0", "decoder_sparse_step", "'decoder_sparse_step' must be at least 1"]
FAMILIES["qwen2_moe"] = {
    **QWEN2, "title": "Qwen2-MoE (mixture of experts)",
    "reads": {**LLAMA_READS, "qkv_bias": ["qkv_bias", True],
              "E": ["num_experts", 60], "k": ["num_experts_per_tok", 4],
              "Ie": ["moe_intermediate_size", 1408],
              "Is": ["shared_expert_intermediate_size", 5632],
              "step": ["decoder_sparse_step", 1], "skip": ["mlp_only_layers", []]},
    "checks": [*KV_DIVIDES, TOP_K, STEP],
    "let": {"M": QWEN_MOE_LAYERS},
    "count": {
        **QWEN2["count"],
        "attention": f"L * ({QKVO} + (H*h + 2*K*h if qkv_bias else 0))",
        # MoE layers: router, routed experts, a shared expert and its gate
        "mlp": "M * (d*E + E*3*d*Ie + 3*d*Is + d) + (L - M) * 3*d*I",
    },
    "active": "total - M*(E - k)*3*d*Ie",
}
FAMILIES["qwen3_moe"] = {
    **FAMILIES["qwen3"], "title": "Qwen3-MoE (mixture of experts)",
    "reads": {**FAMILIES["qwen3"]["reads"], "h": ["head_dim", "d / H"],
              "E": ["num_experts|num_local_experts", 128],
              "k": ["num_experts_per_tok", 8], "Ie": ["moe_intermediate_size", 768],
              "step": ["decoder_sparse_step", 1], "skip": ["mlp_only_layers", []]},
    "checks": [*KV_DIVIDES, TOP_K, STEP],
    "let": {"M": QWEN_MOE_LAYERS},
    "count": {**FAMILIES["qwen3"]["count"],
              "mlp": "M * (d*E + E*3*d*Ie) + (L - M) * 3*d*I"},
    "active": "total - M*(E - k)*3*d*Ie",
}
DEEPSEEK = {
    "title": "DeepSeek-V3 (multi-head latent attention, mixture of experts)",
    "reads": {"V": "vocab_size", "d": "hidden_size", "I": "intermediate_size",
              "L": "num_hidden_layers", "H": "num_attention_heads",
              "Ie": ["moe_intermediate_size", 2048], "E": ["n_routed_experts", 256],
              "k": ["num_experts_per_tok", 8], "S": ["n_shared_experts", 1],
              "dense": ["first_k_dense_replace", 3], "qr": ["q_lora_rank", 1536, None],
              "kr": ["kv_lora_rank", 512], "nope": ["qk_nope_head_dim", 128],
              "rope": ["qk_rope_head_dim", 64], "vh": ["v_head_dim", 128],
              "attn_bias": ["attention_bias", False],
              "tied": ["tie_word_embeddings", False]},
    "checks": [TOP_K],
    "let": {
        "b": "1 if attn_bias else 0",
        "D": "min(dense, L)",  # layers with a dense MLP before the first MoE layer
        # queries: straight, or through a low-rank bottleneck of width qr
        "q": "d*H*(nope + rope) if qr is None else "
             "d*qr + b*qr + qr*H*(nope + rope)",
        # keys and values: a shared low-rank latent (kr) plus a rotary key part
        "kv": "d*(kr + rope) + b*(kr + rope) + kr*H*(nope + vh)",
    },
    "count": {
        "embeddings": "V*d",
        "attention": "L * (q + kv + H*vh*d + b*d)",
        "mlp": "D*3*d*I + (L - D) * (d*E + E*3*d*Ie + 3*d*S*Ie)",
        "norms": "L * (2*d + kr + (0 if qr is None else qr)) + d",
        "output_head": UNTIED_HEAD,
    },
    "active": "total - (L - D)*(E - k)*3*d*Ie",
    # the compressed latent and the rotary key, one of each per layer: what transformers
    # 5 (DeepseekV3Attention: cache.update(kv_nope, k_rot)), vLLM and SGLang cache
    "kv_cache": "L*(kr + rope)",
}
FAMILIES["deepseek_v3"] = DEEPSEEK
FAMILIES["deepseek_v2"] = {
    **DEEPSEEK,
    "title": "DeepSeek-V2 (multi-head latent attention, mixture of experts)",
    "reads": {**DEEPSEEK["reads"], "Ie": ["moe_intermediate_size", 1407],
              "E": ["n_routed_experts", 64], "k": "num_experts_per_tok",
              "S": ["n_shared_experts", 2], "dense": ["first_k_dense_replace", 0],
              "mlp_bias": ["mlp_bias", False]},
    "count": {**DEEPSEEK["count"],
              "mlp": "D*(3*d*I + (2*I + d if mlp_bias else 0)) + (L - D) * "
                     "(d*E + E*3*d*Ie + 3*d*S*Ie + (2*S*Ie + d if mlp_bias else 0))"},
}


# Where the config class's default for num_key_value_heads is a number, not "as many as
# the attention heads" (which is what null means for every family).
KV_HEADS_DEFAULT = {"gemma": 16, "gemma2": 4, "gemma3_text": 4, "mistral": 8,
                    "mixtral": 8, "qwen2": 32, "qwen2_moe": 16, "qwen3": 32,
                    "qwen3_moe": 4, "stablelm": 32, "starcoder2": 2}
for _name, _heads in KV_HEADS_DEFAULT.items():
    _reads = FAMILIES[_name]["reads"]
    FAMILIES[_name]["reads"] = {**_reads, "K": ["num_key_value_heads", _heads, "H"]}


# ------------------------------------------------------------------ expressions
# An expression is a string in a subset of Python's syntax, compiled once to a tree of
# JSON lists that both this file and the page's script evaluate: ["+", a, b],
# ["if", test, then, else], ["var", "d"], ["call", "min", a, b], numbers and booleans.

BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Div: "/",
          ast.Mod: "%"}
COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
           ast.GtE: ">=", ast.Is: "==", ast.IsNot: "!="}
FUNCTIONS = ("min", "max", "startswith", "moe_layers", "more_bits")


def compile_expr(text: str) -> object:
    """'L * (d + 1)' -> ['*', ['var', 'L'], ['+', ['var', 'd'], 1]]."""

    def tree(node):
        if isinstance(node, ast.Constant) and (
            node.value is None or isinstance(node.value, (bool, int, str))
        ):
            return ["str", node.value] if isinstance(node.value, str) else node.value
        if isinstance(node, ast.Name):
            return ["var", node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
            return [BINARY[type(node.op)], tree(node.left), tree(node.right)]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            op = "not" if isinstance(node.op, ast.Not) else "neg"
            return [op, tree(node.operand)]
        if isinstance(node, ast.BoolOp):
            op = "and" if isinstance(node.op, ast.And) else "or"
            out = tree(node.values[0])
            for value in node.values[1:]:
                out = [op, out, tree(value)]
            return out
        if (isinstance(node, ast.Compare) and len(node.ops) == 1
                and type(node.ops[0]) in COMPARE):
            op = COMPARE[type(node.ops[0])]
            return [op, tree(node.left), tree(node.comparators[0])]
        if isinstance(node, ast.IfExp):
            return ["if", tree(node.test), tree(node.body), tree(node.orelse)]
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in FUNCTIONS and not node.keywords):
            return ["call", node.func.id, *map(tree, node.args)]
        raise SyntaxError(f"not allowed in a rule: {ast.dump(node)} in {text!r}")

    return tree(ast.parse(text, mode="eval").body)


def _moe_layers(layers: int, step: int, skip: list) -> int:
    """Qwen's MoE layers: every step-th layer (1-based), except those listed in skip."""
    skipped = {i for i in skip if i < layers and (i + 1) % step == 0}
    return layers // step - len(skipped)


def _more_bits(layers: int) -> int:
    """Layers that llama.cpp's use_more_bits(i, n) picks (src/llama-quant.cpp)."""
    n = layers
    return sum(1 for i in range(n) if i < n // 8 or i >= 7 * n // 8
               or (i - n // 8) % 3 == 2)


def evaluate(node, env: dict, keys: dict):
    """Evaluate a compiled expression; ``keys`` maps variables to their config keys, to
    name them when a division is not exact."""
    if not isinstance(node, list):
        return node
    op, *args = node
    if op == "var":
        return env[args[0]]
    if op == "str":
        return args[0]
    if op == "list":
        return []
    if op == "if":
        return evaluate(args[1] if evaluate(args[0], env, keys) else args[2], env, keys)
    if op == "and":
        return bool(evaluate(args[0], env, keys)) and bool(evaluate(args[1], env, keys))
    if op == "or":
        return bool(evaluate(args[0], env, keys)) or bool(evaluate(args[1], env, keys))
    if op == "call":
        values = [evaluate(a, env, keys) for a in args[1:]]
        if args[0] == "startswith":
            return values[0].startswith(values[1])
        if args[0] == "moe_layers":
            return _moe_layers(*values)
        if args[0] == "more_bits":
            return _more_bits(*values)
        return {"min": min, "max": max}[args[0]](values)
    values = [evaluate(a, env, keys) for a in args]
    if op == "not":
        return not values[0]
    if op == "neg":
        return -values[0]
    a, b = values
    if op in ("/", "//", "%") and b == 0:
        raise ConfigError(f"division by zero: {_describe(args[1], keys)} is 0",
                          _key_of(args[1], keys))
    if op == "/":  # exact division: an error when the sizes do not divide
        if a % b:
            raise ConfigError(
                f"{_describe(args[0], keys)} = {a} is not divisible by "
                f"{_describe(args[1], keys)} = {b}", _key_of(args[1], keys))
        return a // b
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
            "//": lambda: a // b, "%": lambda: a % b, "==": lambda: a == b,
            "!=": lambda: a != b, "<": lambda: a < b, "<=": lambda: a <= b,
            ">": lambda: a > b, ">=": lambda: a >= b}[op]()


def _key_of(node, keys: dict) -> str | None:
    return keys.get(node[1]) if isinstance(node, list) and node[0] == "var" else None


def _describe(node, keys: dict) -> str:
    key = _key_of(node, keys)
    return f"'{key}'" if key else "a size"


# ------------------------------------------------------------------ compiled rules


def _compile_read(var: str, read) -> dict:
    """One entry of "reads", as the evaluators use it: keys, type, defaults."""
    key, default, *if_null = [read, None] if isinstance(read, str) else read
    out = {"var": var, "keys": key.split("|"), "required": isinstance(read, str)}
    if if_null or (not out["required"] and default is None):
        # null in a config.json is not always the same as an absent key
        null = (if_null or [None])[0]
        out["null"] = compile_expr(null) if isinstance(null, str) else null
    if isinstance(default, str):
        default = compile_expr(default)
    elif isinstance(default, list):
        default = ["list"]  # an empty list of layer numbers
    if out["required"] or default is None or type(default) is int:
        out["type"] = "int"
    elif isinstance(default, bool):
        out["type"] = "bool"
    else:
        out["type"] = {"str": "str", "list": "list"}.get(default[0], "int")
    out["default"] = default
    return out


def _default_text(read, keys: dict) -> str | None:
    """A read's default as a reader sees it: '4*d' -> '4*n_embd' (the page shows it)."""
    if isinstance(read, str):
        return None
    default = read[1]
    if isinstance(default, str):
        name = r"[A-Za-z_]\w*"
        return re.sub(name, lambda m: keys.get(m.group(), m.group()), default)
    return json.dumps(default)


def _compile_family(spec: dict) -> dict:
    kv = spec.get("kv_cache")
    reads = [_compile_read(var, read) for var, read in spec["reads"].items()]
    keys = {var: (r if isinstance(r, str) else r[0]).split("|")[0]
            for var, r in spec["reads"].items()}
    for read, source in zip(reads, spec["reads"].values(), strict=True):
        read["default_text"] = _default_text(source, keys)
    return {
        "title": spec["title"],
        "reads": reads,
        "only": spec.get("only", {}),
        "checks": [{"test": compile_expr(t), "key": k, "message": m}
                   for t, k, m in spec.get("checks", [])],
        "let": [{"var": v, "expr": compile_expr(e)}
                for v, e in spec.get("let", {}).items()],
        "count": {c: compile_expr(spec["count"].get(c, "0")) for c in COMPONENTS},
        "active": compile_expr(spec.get("active", "total")),
        "kv_cache": kv if kv is None else compile_expr(kv),
    }


RULES = {name: _compile_family(spec) for name, spec in sorted(FAMILIES.items())}


# ------------------------------------------------------------------ memory, as data
# Every figure is a whole number of bytes. A weight format stores `block` weights in
# `bits` bits, its scales and zero points included, so n weights take
# ceil(n * bits / (8 * block)) bytes. Expressions may use g (the group size of GPTQ and
# AWQ), fb (the weights per fp8 scale) and the model's variables (d: hidden size).

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
    **{name: {"title": f"GGUF {name.upper()}", "gguf": mix, "keep": ["norms"]}
       for name, mix in GGUF_MIXES.items()},
}
KV_DTYPES = {"fp32": 4, "bf16": 2, "fp8": 1, "int8": 1}
LORA_MODULES = ("q", "k", "v", "o", "gate", "up", "down")
# Training and fine-tuning: bytes of each part, over T (parameters), R (trainable LoRA
# parameters) and B (the frozen base's bytes in the mode's weight format).
TRAINING = {
    # fp32 weights and gradients; AdamW keeps two fp32 moments per parameter. Mixed
    # precision totals the same 16 bytes: bf16 weights and gradients plus an fp32 master
    # copy (Rajbhandari et al. 2020, ZeRO, section 3.1)
    "adamw": {"weights": "4*T", "gradients": "4*T", "optimizer_states": "8*T"},
    # bitsandbytes 8-bit AdamW: two uint8 states with an fp32 absmax per 256 values
    # (bitsandbytes/optim/optimizer.py, Optimizer2State.init_state)
    "adamw-8bit": {"weights": "4*T", "gradients": "4*T",
                   "optimizer_states": "2*T + 2*4*((T + 255) // 256)"},
    "sgd-momentum": {"weights": "4*T", "gradients": "4*T", "optimizer_states": "4*T"},
    # LoRA: the frozen base holds no gradient; the adapters train in fp32 (peft casts
    # them to fp32 by default) with AdamW
    "lora": {"base": "bf16", "weights": "B + 4*R", "gradients": "4*R",
             "optimizer_states": "8*R"},
    "qlora": {"base": "nf4-dq", "weights": "B + 4*R", "gradients": "4*R",
              "optimizer_states": "8*R"},
}
# Activations saved for the backward pass, in 16-bit, per Korthikanti et al. 2022
# ("Reducing Activation Recomputation in Large Transformer Models", section 4.1,
# equation 1): s*b*d*(34 + 5*H*s/d) bytes per layer without parallelism; with full
# recomputation (gradient checkpointing) only each layer's input, 2*s*b*d bytes.
ACTIVATIONS = {"off": "A * (34*s*b*d + 5*H*s*s*b)", "on": "A * 2*s*b*d"}

GQA_TENSORS = {"attn_v": "d*K*h", "attn_k": "d*K*h", "attn_output": "H*h*d",
               "ffn_down": "I*d"}
GQA_LORA = {"q": "d + H*h", "k": "d + K*h", "v": "d + K*h", "o": "H*h + d",
            "gate": "d + I", "up": "d + I", "down": "I + d"}
ATTN_LORA = {m: GQA_LORA[m] for m in ("q", "k", "v", "o")}
GQA_KV = {"values": "2*K*h"}
WIDE_KV = {"values": "2*d"}  # one key and one value of width d per layer


def _sliding(default, sliding: str) -> dict:
    """A family whose layers may attend to a window: how many layers do."""
    return {"reads": {"W": ["sliding_window", default, None]}, "sliding": sliding}


QWEN_SLIDING = {"W": ["sliding_window", 4096, None], "U": ["use_sliding_window", False],
                "M": ["max_window_layers", 28]}
# Per family: "kv" the values cached per layer and token, on how many layers ("layers",
# of which "sliding" attend to a window of W tokens); "tensors" per-layer sizes for
# the GGUF mixes; "lora" the in + out width of each module LoRA can target.
MEMORY = {
    "gpt2": {"kv": WIDE_KV}, "gpt_neox": {"kv": WIDE_KV}, "gptj": {"kv": WIDE_KV},
    "opt": {"kv": WIDE_KV}, "bloom": {"kv": WIDE_KV},
    "falcon": {"kv": {"values": "2*(K if new else (1 if mq else H))*h"}},
    "bert": {}, "roberta": {}, "distilbert": {},
    "t5": {"kv": {"values": "2*H*h", "layers": "Ld"}, "act_layers": "Le + Ld"},
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
    # multi-head latent attention: the latent (kr) and the rotary key (rope) per layer;
    # decompressed, H keys of nope + rope and H values of vh
    "deepseek_v3": {"kv": {"values": "kr + rope",
                           "decompressed": "H*(nope + rope) + H*vh"},
                    "router": {"count": "(L - D)*E*d", "fp32": True}},
    "deepseek_v2": {"kv": {"values": "kr + rope",
                           "decompressed": "H*(nope + rope) + H*vh"},
                    "router": {"count": "(L - D)*E*d", "fp32": True}},
}
# The routers of mixtures of experts (parameters inside "mlp"): fp32 in GGUF files and,
# for DeepSeek, in transformers whatever the dtype the model is loaded in
# Biases inside "attention" and "mlp": 1-D tensors, which GGUF files keep in F32
LLAMA_BIAS = {"attention": f"L * ({QKVO_BIAS}) if attn_bias else 0"}
for _name in ("qwen3", "gemma", "gemma2", "gemma3_text", "olmo", "olmo2", "cohere"):
    MEMORY[_name]["biases"] = LLAMA_BIAS
for _name in ("llama", "granite"):
    MEMORY[_name]["biases"] = {**LLAMA_BIAS, "mlp": "L * (2*I + d) if mlp_bias else 0"}
MEMORY["qwen2"]["biases"] = {"attention": "L * (H*h + 2*K*h)"}
MEMORY["stablelm"]["biases"] = {"attention": "L * (H*h + 2*K*h) if qkv_bias else 0"}
MEMORY["starcoder2"]["biases"] = {"attention": f"L * ({QKVO_BIAS}) if bias else 0",
                                  "mlp": "L * (I + d) if bias else 0"}
MEMORY["mixtral"]["router"] = {"count": "L*d*E", "fp32": False}
MEMORY["qwen2_moe"]["router"] = {"count": "M*(d*E + d)", "fp32": False}
MEMORY["qwen3_moe"]["router"] = {"count": "M*d*E", "fp32": False}


def _compile_memory(spec: dict) -> dict:
    kv = spec.get("kv")
    if kv is not None:
        reads = kv.get("reads", {})
        kv = {"reads": [_compile_read(v, r) for v, r in reads.items()],
              "layers": compile_expr(kv.get("layers", "L")),
              "sliding": compile_expr(kv.get("sliding", "0")),
              "values": compile_expr(kv["values"]), "formula": kv["values"],
              "decompressed": (compile_expr(kv["decompressed"])
                               if "decompressed" in kv else None)}
    tensors = spec.get("tensors")
    lora = spec.get("lora")
    return {
        "kv": kv,
        "tensors": None if tensors is None else {
            k: compile_expr(v) for k, v in tensors.items()},
        "lora": None if lora is None else {k: compile_expr(v) for k, v in lora.items()},
        "act_layers": compile_expr(spec.get("act_layers", "L")),
        "biases": {k: compile_expr(v) for k, v in spec.get("biases", {}).items()},
        "router": None if "router" not in spec else {
            "count": compile_expr(spec["router"]["count"]),
            "fp32": spec["router"]["fp32"]},
    }


def _compile_formats() -> dict:
    out = {}
    for name, spec in FORMATS.items():
        entry = {"title": spec["title"], "keep": spec["keep"]}
        if "gguf" in spec:
            mix = spec["gguf"]
            entry["gguf"] = {"base": mix["base"], "output": mix["output"], "rules": {
                t: [[compile_expr(n), ty] for n, ty in rules]
                for t, rules in mix["rules"].items()}}
        else:
            entry["block"] = compile_expr(spec["block"])
            entry["bits"] = compile_expr(spec["bits"])
        out[name] = entry
    return out


MEMORY_RULES = {
    "families": {name: _compile_memory(MEMORY[name]) for name in sorted(FAMILIES)},
    "formats": _compile_formats(),
    "gguf_types": GGUF_TYPES,
    "kv_dtypes": KV_DTYPES,
    "lora_modules": LORA_MODULES,
    "training": {mode: {k: (v if k == "base" else compile_expr(v))
                        for k, v in parts.items()} for mode, parts in TRAINING.items()},
    "activations": {k: compile_expr(v) for k, v in ACTIVATIONS.items()},
}


def rules_json() -> str:
    """The compiled rules, as the page's script reads them."""
    return json.dumps({"components": COMPONENTS, "families": RULES,
                       "memory": MEMORY_RULES}, indent=1) + "\n"


# ------------------------------------------------------------------ reading a config


def _kind(value) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        return "list"
    return "other"


def _read(config: dict, read: dict, env: dict, keys: dict, model_type: str):
    present = [k for k in read["keys"] if k in config]
    key = present[0] if present else read["keys"][0]
    keys[read["var"]] = key
    value = config.get(key)
    if value is None:
        if present and "null" in read:
            return evaluate(read["null"], env, keys)
        if read["required"]:
            either = " or ".join(f"'{k}'" for k in read["keys"])
            raise ConfigError(f"config for model_type '{model_type}' is missing "
                              f"required key {either}", key)
        return evaluate(read["default"], env, keys)
    want = read["type"]
    if want == "list":
        if not (isinstance(value, list) and all(_kind(v) == "int" for v in value)):
            raise ConfigError(f"config key '{key}' must be a list of layer numbers, "
                              f"got {value!r}", key)
        return value
    if _kind(value) != want or (want == "int" and value < 0):
        what = {"int": "a whole number, 0 or more", "bool": "true or false",
                "str": "a string"}[want]
        raise ConfigError(f"config key '{key}' must be {what}, got {value!r}", key)
    return value


def count_parameters(config: dict) -> dict:
    """Exact parameter count of the model a config.json describes."""
    return _count(config)[0]


def _count(config: dict) -> tuple[dict, dict, dict]:
    """The count, and the variables it was computed from (memory reads them)."""
    if not isinstance(config, dict):
        raise ConfigError("a config must be a JSON object")
    model_type = config.get("model_type")
    if model_type is None:
        raise ConfigError("config is missing required key 'model_type'", "model_type")
    if not isinstance(model_type, str) or model_type not in RULES:
        raise ConfigError(f"unknown model_type '{model_type}' (supported: "
                          f"{', '.join(RULES)})", "model_type")
    rules = RULES[model_type]
    env: dict = {}
    keys: dict = {}
    for read in rules["reads"]:
        env[read["var"]] = _read(config, read, env, keys, model_type)
    for key, allowed in rules["only"].items():
        value = config.get(key)
        if value is not None and not any(
                type(value) is type(a) and value == a for a in allowed):
            raise ConfigError(
                f"config key '{key}' = {value!r} is not supported for model_type "
                f"'{model_type}' (supported: {', '.join(map(repr, allowed))})", key)
    for check in rules["checks"]:
        if not evaluate(check["test"], env, keys):
            raise ConfigError(f"{check['message']} ('{check['key']}' = "
                              f"{config.get(check['key'])!r})", check["key"])
    for let in rules["let"]:
        env[let["var"]] = evaluate(let["expr"], env, keys)
    breakdown = {c: evaluate(rules["count"][c], env, keys) for c in COMPONENTS}
    env["total"] = total = sum(breakdown.values())
    kv = rules["kv_cache"]
    return {
        "model_type": model_type,
        "total": total,
        "active": evaluate(rules["active"], env, keys),
        "non_embedding": total - breakdown["embeddings"] - breakdown["output_head"],
        "tied_output_head": bool(env.get("tied", False)),
        "kv_values_per_token": None if kv is None else evaluate(kv, env, keys),
        "breakdown": breakdown,
    }, env, keys


# ------------------------------------------------------------------ memory


MEMORY_DEFAULTS = {"weights": None, "group_size": 128, "keep": None,
                   "kv_cache_dtype": "bf16", "context_length": 4096, "batch_size": 1,
                   "gpu_gb": "24", "training": "none", "lora_rank": 16,
                   "lora_targets": ["q", "k", "v", "o"], "checkpointing": "off"}
GIB = 2**30


def _option_error(name: str, message: str) -> ConfigError:
    return ConfigError(f"option '{name}': {message}", name)


def _choice(name: str, value, allowed) -> str:
    if value not in allowed:
        raise _option_error(name, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _whole(name: str, value, least: int = 1) -> int:
    if isinstance(value, str) and re.fullmatch(r"\+?\d+", value.strip()):
        value = int(value)
    if type(value) is not int or value < least:
        raise _option_error(name, f"must be a whole number, at least {least}, "
                                  f"got {value!r}")
    return value


def _names(name: str, value, allowed) -> list:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        raise _option_error(name, f"must be a comma-separated list, got {value!r}")
    items = [i.strip() for i in items if i.strip()]
    for item in items:
        _choice(name, item, allowed)
    return items


def gpu_bytes(text) -> int:
    """'24' or '80.5' GB on the box -> bytes: a card sold as 24 GB has 24 GiB."""
    t = str(text).strip()
    if not re.fullmatch(r"\d+(\.\d+)?", t):
        raise _option_error("gpu_gb", f"must be a number of GB such as 24 or 80, "
                                      f"got {text!r}")
    whole, _, frac = t.partition(".")
    return int(whole + frac) * GIB // 10 ** len(frac)


def weights_from_config(config: dict) -> dict | None:
    """The weight format a config's quantization_config names, or None."""
    q = config.get("quantization_config")
    if q is None:
        return None
    key = "quantization_config"
    if not isinstance(q, dict):
        raise ConfigError(f"config key '{key}' must be an object, got {q!r}", key)
    method = q.get("quant_method")
    if method in ("gptq", "awq"):
        bits, group = q.get("bits", 4), q.get("group_size", 128)
        if type(bits) is not int or bits != 4:
            raise ConfigError(f"{key}: {method} with bits = {bits!r} is not supported "
                              "(4 is)", key)
        if type(group) is not int or group < 1:
            raise ConfigError(f"{key}: group_size = {group!r} is not supported (a "
                              "whole number of weights, at least 1)", key)
        return {"weights": f"{method}-int4", "group_size": group}
    if method == "bitsandbytes":
        if q.get("load_in_4bit"):
            kind = q.get("bnb_4bit_quant_type", "fp4")
            double = bool(q.get("bnb_4bit_use_double_quant", False))
            if kind not in ("nf4", "fp4"):
                raise ConfigError(f"{key}: bnb_4bit_quant_type = {kind!r} is not nf4 "
                                  "or fp4", key)
            # fp4 stores the same bits and absmax as nf4: only the code book differs
            return {"weights": "nf4-dq" if double else "nf4"}
        if q.get("load_in_8bit"):
            return {"weights": "int8"}
        raise ConfigError(f"{key}: bitsandbytes with neither load_in_4bit nor "
                          "load_in_8bit", key)
    if method == "fp8":
        block = q.get("weight_block_size", [128, 128])
        if not (isinstance(block, list) and len(block) == 2
                and all(type(b) is int and b > 0 for b in block)):
            raise ConfigError(f"{key}: weight_block_size = {block!r} is not two "
                              "whole numbers", key)
        return {"weights": "fp8", "fp8_block": block[0] * block[1]}
    if method == "mxfp4":
        return {"weights": "mxfp4"}
    raise ConfigError(f"{key}: quant_method = {method!r} is not supported (gptq, awq, "
                      "bitsandbytes, fp8, mxfp4)", key)


def _normalize(options: dict | None) -> dict:
    opts = {**MEMORY_DEFAULTS, **{k: v for k, v in (options or {}).items()
                                  if v is not None}}
    unknown = sorted(set(opts) - set(MEMORY_DEFAULTS))
    if unknown:
        raise _option_error(unknown[0], f"unknown option (known: "
                                        f"{', '.join(MEMORY_DEFAULTS)})")
    if opts["weights"] is not None:
        _choice("weights", opts["weights"], list(FORMATS))
    opts["group_size"] = _whole("group_size", opts["group_size"])
    if opts["keep"] is not None:
        opts["keep"] = _names("keep", opts["keep"], KEPT)
    _choice("kv_cache_dtype", opts["kv_cache_dtype"], list(KV_DTYPES))
    opts["context_length"] = _whole("context_length", opts["context_length"])
    opts["batch_size"] = _whole("batch_size", opts["batch_size"])
    opts["gpu_bytes"] = gpu_bytes(opts["gpu_gb"])
    _choice("training", opts["training"], ["none", *TRAINING])
    opts["lora_rank"] = _whole("lora_rank", opts["lora_rank"])
    opts["lora_targets"] = _names("lora_targets", opts["lora_targets"], LORA_MODULES)
    _choice("checkpointing", opts["checkpointing"], ["on", "off"])
    return opts


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def format_bytes(fmt_name: str, n: int, env: dict) -> int:
    """Bytes of n weights in a format that is not GGUF; env gives d, g and fb."""
    fmt = MEMORY_RULES["formats"][fmt_name]
    block = evaluate(fmt["block"], env, {})
    return _ceil_div(n * evaluate(fmt["bits"], env, {}), 8 * block)


def gguf_bytes(n: int, ty: str) -> int:
    """Bytes of n weights of one GGUF type, whole blocks."""
    block, size = GGUF_TYPES[ty]
    return _ceil_div(n * size, block)


def _weight_bytes(fmt_name: str, counts: dict, env: dict, keys: dict, mem: dict,
                  keep: list, tied: bool) -> dict:
    """Bytes of each component in a format; kept components in 16 bits."""
    fmt = MEMORY_RULES["formats"][fmt_name]
    kept_bits = 32 if fmt_name == "fp32" else 16
    out = {}
    gguf = fmt.get("gguf")
    router = 0 if mem["router"] is None else evaluate(mem["router"]["count"], env, keys)
    plain = fmt_name in ("fp32", "bf16", "fp16")
    for part, n in counts.items():
        if part == "mlp" and router and (gguf is not None or mem["router"]["fp32"]
                                         or not plain):
            # routers stay in fp32 in GGUF files (convert_hf_to_gguf.py forces
            # FFN_GATE_INP to F32) and in DeepSeek (transformers'
            # _keep_in_fp32_modules_strict); other quantizers leave them in 16 bits (a
            # router is a parameter, not an nn.Linear, in transformers 5)
            n -= router
            fp32 = gguf is not None or mem["router"]["fp32"]
            out["routers"] = (4 if fp32 else 2) * router
        if gguf is not None and part == "norms":
            out[part] = 4 * n  # llama.cpp keeps 1-D tensors in F32
        elif part in keep:
            out[part] = n * kept_bits // 8
        elif gguf is None:
            out[part] = format_bytes(fmt_name, n, env)
        elif part == "output_head" or (part == "embeddings" and tied):
            out[part] = gguf_bytes(n, gguf["output"])
        elif part in ("attention", "mlp") and mem["tensors"] is not None:
            bias = mem["biases"].get(part)
            biases = 0 if bias is None else evaluate(bias, env, keys)
            rest = n - biases
            total = 4 * biases
            for tensor, rules in gguf["rules"].items():
                if (tensor == "ffn_down") != (part == "mlp"):
                    continue
                size = evaluate(mem["tensors"][tensor], env, keys)
                for layers_expr, ty in rules:
                    layers = evaluate(layers_expr, env, keys)
                    total += gguf_bytes(layers * size, ty)
                    rest -= layers * size
            out[part] = total + gguf_bytes(rest, gguf["base"])
        else:
            out[part] = gguf_bytes(n, gguf["base"])
    return out


def _kv_layers(config: dict, env: dict, keys: dict, mem: dict, model_type: str):
    """(full-attention layers, sliding-window layers, window) of a decoder."""
    kv = mem["kv"]
    for read in kv["reads"]:
        env[read["var"]] = _read(config, read, env, keys, model_type)
    layers = evaluate(kv["layers"], env, keys)
    types = config.get("layer_types")
    if types is not None and kv["reads"]:
        kinds = ("full_attention", "sliding_attention")
        if not (isinstance(types, list) and len(types) == layers
                and all(t in kinds for t in types)):
            raise ConfigError(f"config key 'layer_types' must list {layers} entries, "
                              f"each {' or '.join(kinds)}", "layer_types")
        sliding = types.count("sliding_attention")
        if sliding and env.get("W") is None:
            raise ConfigError("config key 'layer_types' has sliding layers but "
                              "'sliding_window' is null", "sliding_window")
    else:
        sliding = evaluate(kv["sliding"], env, keys)
    return layers - sliding, sliding, env.get("W")


def _fit_tokens(free: int, full: int, sliding: int, window) -> int | None:
    """Most tokens of one sequence whose cache fits in free bytes (None: no limit)."""
    if free < 0:
        return 0
    if full == 0:  # only windows are cached: the cache stops growing
        return None if sliding == 0 or sliding * window <= free else free // sliding
    t = free // (full + sliding)
    if sliding == 0 or t <= window:
        return t
    return (free - sliding * window) // full


def memory(config: dict, options: dict | None = None) -> dict:
    """Bytes of weights, KV cache and training for a config and the memory options."""
    opts = _normalize(options)
    result, env, keys = _count(config)
    model_type = result["model_type"]
    mem = MEMORY_RULES["families"][model_type]
    env.setdefault("E", 1)  # the GGUF rules ask for the experts of dense models too
    quant = weights_from_config(config)
    fmt = opts["weights"] or (quant or {}).get("weights") or "bf16"
    source = ("option" if opts["weights"] else
              "quantization_config" if quant else "default")
    group = opts["group_size"]
    if source == "quantization_config" and "group_size" in quant:
        group = quant["group_size"]
    env["g"] = group
    env["fb"] = (quant or {}).get("fp8_block", 128 * 128)
    keep = opts["keep"] if opts["keep"] is not None else FORMATS[fmt]["keep"]
    tied = result["tied_output_head"]
    by_part = _weight_bytes(fmt, result["breakdown"], env, keys, mem, keep, tied)
    weights = sum(by_part.values())
    out = {
        "weights": {"format": fmt, "source": source, "group_size": group,
                    "keep": keep, "bytes": weights, "by_component": by_part,
                    "parameters": result["total"],
                    "active_parameters": result["active"]},
        "kv_cache": None, "fit": None, "training": None,
    }
    card = opts["gpu_bytes"]
    free = card - weights
    ctx, batch = opts["context_length"], opts["batch_size"]
    if mem["kv"] is not None:
        full, sliding, window = _kv_layers(config, env, keys, mem, model_type)
        per = evaluate(mem["kv"]["values"], env, keys)
        size = KV_DTYPES[opts["kv_cache_dtype"]]
        tokens = min(ctx, window) if sliding else 0
        kv = {"dtype": opts["kv_cache_dtype"], "bytes_per_value": size,
              "context_length": ctx, "batch_size": batch,
              "values_per_layer_token": per, "formula": mem["kv"]["formula"],
              "full_layers": full,
              "sliding_layers": sliding, "sliding_window": window if sliding else None,
              "full_bytes": full * per * size * ctx * batch,
              "sliding_bytes": sliding * per * size * tokens * batch}
        kv["bytes"] = kv["full_bytes"] + kv["sliding_bytes"]
        decompressed = mem["kv"]["decompressed"]
        kv["decompressed_values_per_layer_token"] = (
            None if decompressed is None else evaluate(decompressed, env, keys))
        kv["decompressed_bytes"] = (
            None if decompressed is None else
            (full + sliding) * kv["decompressed_values_per_layer_token"] * size * ctx
            * batch)
        out["kv_cache"] = kv
        per_token = per * size
        out["fit"] = {
            "gpu_bytes": card, "free_after_weights": free,
            "tokens": _fit_tokens(free, full * per_token, sliding * per_token, window),
            "sequences": (max(free, 0) // (kv["bytes"] // batch)
                          if kv["bytes"] else None)}
    else:
        out["fit"] = {"gpu_bytes": card, "free_after_weights": free, "tokens": None,
                      "sequences": None}
    if opts["training"] != "none":
        out["training"] = _training(opts, result, env, keys, mem, model_type)
    return out


def _training(opts: dict, result: dict, env: dict, keys: dict, mem: dict,
              model_type: str) -> dict:
    mode = opts["training"]
    rules = MEMORY_RULES["training"][mode]
    env = {**env, "T": result["total"], "R": 0, "B": 0}
    trainable = result["total"]
    if "base" in rules:
        if mem["lora"] is None:
            raise _option_error("training", f"LoRA sizes are not defined for "
                                            f"model_type '{model_type}'")
        for target in opts["lora_targets"]:
            if target not in mem["lora"]:
                raise _option_error("lora_targets", f"'{target}' is not a module "
                                    f"LoRA can target in model_type '{model_type}' "
                                    f"(these are: {', '.join(mem['lora'])})")
        widths = sum(evaluate(mem["lora"][t], env, keys) for t in opts["lora_targets"])
        trainable = env["R"] = opts["lora_rank"] * env["L"] * widths
        base = rules["base"]
        env["B"] = sum(_weight_bytes(base, result["breakdown"], env, keys, mem,
                                     FORMATS[base]["keep"],
                                     result["tied_output_head"]).values())
    parts = {k: evaluate(rules[k], env, keys)
             for k in ("weights", "gradients", "optimizer_states")}
    act_env = {**env, "A": evaluate(mem["act_layers"], env, keys),
               "s": opts["context_length"], "b": opts["batch_size"]}
    activations = evaluate(MEMORY_RULES["activations"][opts["checkpointing"]],
                           act_env, keys)
    return {"mode": mode, "trainable_parameters": trainable,
            "base_format": rules.get("base"), **parts, "activations": activations,
            "checkpointing": opts["checkpointing"],
            "total": sum(parts.values()) + activations}


def human(n: int) -> str:
    """1234567 -> '1.23M' (decimal prefixes: M = 10^6, B = 10^9)."""
    for unit, scale in (("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if n >= scale:
            return f"{n / scale:.2f}{unit}"
    return str(n)


def load_config(path: str | Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no such config file: {path}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path} is not valid JSON: {exc}") from None


def report(name: str, result: dict) -> str:
    lines = [f"{name} (model_type {result['model_type']})"]
    for component, n in result["breakdown"].items():
        share = n / result["total"]
        note = ""
        if component == "output_head" and result["tied_output_head"]:
            note = "  (tied to the token embeddings)"
        lines.append(f"  {component:12} {n:>15,}  {share:6.1%}{note}")
    lines.append(f"  {'total':12} {result['total']:>15,}  ({human(result['total'])})")
    lines.append(f"  {'non-embedding':12} {result['non_embedding']:>14,}")
    if result["active"] != result["total"]:
        lines.append(f"  {'active/token':12} {result['active']:>15,}  "
                     f"({human(result['active'])})")
    return "\n".join(lines)


def table(results: dict[str, dict]) -> str:
    rows = [f"{'config':23} {'type':11} {'total':>16} {'active':>15} "
            f"{'non-embedding':>16}"]
    for name, r in results.items():
        active = f"{r['active']:,}" if r["active"] != r["total"] else "="
        rows.append(f"{name:23} {r['model_type']:11} {r['total']:>16,} {active:>15} "
                    f"{r['non_embedding']:>16,}")
    return "\n".join(rows)


def _gb(n: int) -> str:
    return f"{n / 1e9:,.2f} GB"


def memory_report(m: dict) -> str:
    """The memory figures, each with the formula that gives it."""
    w = m["weights"]
    lines = [f"  memory: weights {w['format']} ({w['source']}) = {_gb(w['bytes'])}"
             f" = {8 * w['bytes'] / w['parameters']:.3f} bits per parameter"]
    for part, n in w["by_component"].items():
        if n:
            kept = "  (kept in 16 bits)" if part in w["keep"] else ""
            if "gguf" in FORMATS[w["format"]] and part == "norms":
                kept = "  (F32, as llama.cpp keeps 1-D tensors)"
            lines.append(f"    {part:12} {n:>16,} bytes{kept}")
    kv = m["kv_cache"]
    if kv is None:
        lines.append("  KV cache: none (an encoder)")
    else:
        per = kv["values_per_layer_token"] * kv["bytes_per_value"]
        values = kv["values_per_layer_token"]
        lines.append(f"  KV cache per layer and token: {kv['formula']} = {values:,} "
                     f"values x {kv['bytes_per_value']} bytes")
        text = (f"  KV cache ({kv['dtype']}): {kv['full_layers']} full layers x {per:,}"
                f" bytes per token x {kv['context_length']} tokens")
        if kv["sliding_layers"]:
            text += (f" + {kv['sliding_layers']} sliding layers x {per:,} x "
                     f"min({kv['context_length']}, {kv['sliding_window']})")
        lines.append(f"{text}, x {kv['batch_size']} sequences = {_gb(kv['bytes'])}")
        if kv["decompressed_bytes"] is not None:
            lines.append("    a latent cache (transformers 5, vLLM, SGLang); "
                         f"decompressed: {_gb(kv['decompressed_bytes'])}")
    fit = m["fit"]
    tokens = fit["tokens"]
    if tokens is None and kv:
        tokens = "no limit (only the window is cached)"
    lines.append(f"  card {fit['gpu_bytes'] / GIB:g} GiB: "
                 f"{_gb(fit['free_after_weights'])} left after the weights; tokens "
                 f"of one sequence that fit: {tokens}")
    t = m["training"]
    if t:
        lines.append(f"  training {t['mode']}: weights {_gb(t['weights'])} + gradients "
                     f"{_gb(t['gradients'])} + optimizer states "
                     f"{_gb(t['optimizer_states'])} + activations "
                     f"{_gb(t['activations'])} (checkpointing {t['checkpointing']}) = "
                     f"{_gb(t['total'])}; trainable {t['trainable_parameters']:,}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Count a model's parameters.")
    parser.add_argument("config", nargs="?", help="a config.json (default: configs/*)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--rules", action="store_true", help="print the rules as JSON")
    group = parser.add_argument_group("memory (as the calculator's URL parameters)")
    group.add_argument("--weights", help=f"weight format: {', '.join(FORMATS)}")
    group.add_argument("--group-size", help="GPTQ/AWQ group size (128)")
    group.add_argument("--keep", help="kept in 16 bits: embeddings,output_head,norms")
    group.add_argument("--kv-cache-dtype", help="fp32, bf16, fp8, int8 (bf16)")
    group.add_argument("--context-length", help="tokens per sequence (4096)")
    group.add_argument("--batch-size", help="sequences (1)")
    group.add_argument("--gpu-gb", help="memory of the card in GB (24)")
    group.add_argument("--training", help=f"none, {', '.join(TRAINING)} (none)")
    group.add_argument("--lora-rank", help="LoRA rank (16)")
    group.add_argument("--lora-targets", help="q,k,v,o,gate,up,down (q,k,v,o)")
    group.add_argument("--checkpointing", help="on or off (off)")
    args = parser.parse_args(argv)
    if args.rules:
        print(rules_json(), end="")
        return 0
    options = {k: getattr(args, k) for k in MEMORY_DEFAULTS}
    try:
        if args.config:
            config = load_config(args.config)
            result = count_parameters(config)
            mem = memory(config, options)
            if args.json:
                print(json.dumps({**result, "memory": mem}, indent=2))
            else:
                print(report(Path(args.config).stem, result))
                if any(v is not None for v in options.values()):
                    print(memory_report(mem))
            return 0
        paths = sorted(CONFIG_DIR.glob("*.json"))
        results = {p.stem: count_parameters(load_config(p)) for p in paths}
        by_size = sorted(results.items(), key=lambda item: item[1]["total"])
        results = dict(by_size)  # smallest model first
        print(json.dumps(results, indent=2) if args.json else table(results))
        return 0
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
