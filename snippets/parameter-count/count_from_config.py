"""Count the parameters of a language model exactly, from its config.json.

Usage:
    python count_from_config.py CONFIG.json          a breakdown by component
    python count_from_config.py CONFIG.json --json   one JSON object (see below)
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
layers (keys and values), or null.

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
    "kv_cache": "L*H*(nope + rope + vh)",  # as transformers caches it (not the latent)
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
FUNCTIONS = ("min", "max", "startswith", "moe_layers")


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


def rules_json() -> str:
    """The compiled rules, as the page's script reads them."""
    return json.dumps({"components": COMPONENTS, "families": RULES}, indent=1) + "\n"


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
    }


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Count a model's parameters.")
    parser.add_argument("config", nargs="?", help="a config.json (default: configs/*)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--rules", action="store_true", help="print the rules as JSON")
    args = parser.parse_args(argv)
    if args.rules:
        print(rules_json(), end="")
        return 0
    try:
        if args.config:
            result = count_parameters(load_config(args.config))
            out = json.dumps(result, indent=2) if args.json else report(
                Path(args.config).stem, result)
            print(out)
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
