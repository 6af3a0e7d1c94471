"""The counting rules, as data: one entry per model_type.

FAMILIES maps each model_type to the keys it reads (with the default of the matching
Hugging Face transformers config class) and one expression per component, written in a
small subset of Python expressions (count_params.expressions). The same rules, compiled
to JSON by count_params.rules, drive the calculator page in the browser, so the two
cannot drift apart. Notation: V vocabulary, d hidden size, L layers, H attention heads,
K key/value heads, h head dim, I MLP width, E experts (k of them chosen per token).
"""

from __future__ import annotations

from count_params.expressions import renamed

COMPONENTS = ("embeddings", "attention", "mlp", "norms", "output_head", "other")

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
FAMILIES["mt5"] = {**FAMILIES["t5"], "title": "mT5 encoder-decoder",
                  "reads": {**FAMILIES["t5"]["reads"],
                            "act": ["feed_forward_proj", "'gated-gelu'"]}}
FAMILIES["bart"] = {
    "title": "BART encoder-decoder",
    "reads": {"V": "vocab_size", "d": "d_model", "Le": "encoder_layers",
              "Ld": "decoder_layers", "He": "encoder_attention_heads",
              "Hd": "decoder_attention_heads", "Fe": "encoder_ffn_dim",
              "Fd": "decoder_ffn_dim", "P": "max_position_embeddings",
              "tied": ["tie_word_embeddings", True]},
    "checks": [["d % He == 0", "encoder_attention_heads",
                "'d_model' is not divisible by 'encoder_attention_heads'"],
               ["d % Hd == 0", "decoder_attention_heads",
                "'d_model' is not divisible by 'decoder_attention_heads'"]],
    "let": {"H": "max(He, Hd)"},  # the heads the activations estimate takes
    # one token table, shared by both stacks, or (untied, as transformers 5 builds it)
    # the shared one and one per stack; learned positions per stack, 2 extra rows each
    "count": {"embeddings": "(1 if tied else 3)*V*d + 2*(P + 2)*d",
              # LayerNorms with a shift: two per encoder layer, three per decoder
              # layer, one on each stack's embeddings
              "attention": "(Le + 2*Ld) * 4*(d*d + d)",  # the decoder's: self and cross
              "mlp": "Le*(2*d*Fe + Fe + d) + Ld*(2*d*Fd + Fd + d)",
              "norms": "(2*Le + 3*Ld + 2) * 2*d",
              "output_head": UNTIED_HEAD},
    "kv_cache": "2*Ld*d",  # decoder self-attention (cross-attention cache aside)
}
GEMMA = FAMILIES["gemma"]
FAMILIES["gemma2"] = {
    **GEMMA, "title": "Gemma 2",
    "count": {**GEMMA["count"], "norms": "L*4*d + d"},  # norms before and after each
}
FAMILIES["gemma3_text"] = {
    **GEMMA, "title": "Gemma 3 (text)",
    # Gemma3TextConfig's defaults: a multimodal config's text_config names few keys
    "reads": {**GEMMA["reads"], "V": ["vocab_size", 262208], "d": ["hidden_size", 2304],
              "I": ["intermediate_size", 9216], "L": ["num_hidden_layers", 26],
              "H": ["num_attention_heads", 8]},
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
              "tied": ["tie_word_embeddings", False],
              "N": ["num_nextn_predict_layers", 0]},
    "checks": [TOP_K],
    "let": {
        "b": "1 if attn_bias else 0",
        "D": "min(dense, L)",  # layers with a dense MLP before the first MoE layer
        # queries: straight, or through a low-rank bottleneck of width qr
        "q": "d*H*(nope + rope) if qr is None else "
             "d*qr + b*qr + qr*H*(nope + rope)",
        # keys and values: a shared low-rank latent (kr) plus a rotary key part
        "kv": "d*(kr + rope) + b*(kr + rope) + kr*H*(nope + vh)",
        "A": "q + kv + H*vh*d + b*d",  # one layer's attention
        "Mo": "d*E + E*3*d*Ie + 3*d*S*Ie",  # one MoE layer: router, experts, shared
        "n1": "2*d + kr + (0 if qr is None else qr)",  # one layer's norms
    },
    "count": {
        "embeddings": "V*d",
        "attention": "L*A",
        "mlp": "D*3*d*I + (L - D)*Mo",
        "norms": "L*n1 + d",
        "output_head": UNTIED_HEAD,
    },
    "active": "total - (L - D)*(E - k)*3*d*Ie",
    # the compressed latent and the rotary key, one of each per layer: what transformers
    # 5 (DeepseekV3Attention: cache.update(kv_nope, k_rot)), vLLM and SGLang cache
    "kv_cache": "L*(kr + rope)",
    # Multi-token prediction (DeepSeek-V3 technical report, section 2.2): N more MoE
    # layers, each with two norms and a projection of the two joined, and its own copies
    # of the token table and the head and a final norm (the checkpoint's
    # model.layers.61.*); transformers does not build them
    "mtp": "N * (A + Mo + n1 + 2*d + 2*d*d + d + 2*V*d)",
}
FAMILIES["deepseek_v3"] = DEEPSEEK
FAMILIES["deepseek_v2"] = {
    **DEEPSEEK,
    "title": "DeepSeek-V2 (multi-head latent attention, mixture of experts)",
    "reads": {**{k: v for k, v in DEEPSEEK["reads"].items() if k != "N"},
              "Ie": ["moe_intermediate_size", 1407],
              "E": ["n_routed_experts", 64], "k": "num_experts_per_tok",
              "S": ["n_shared_experts", 2], "dense": ["first_k_dense_replace", 0],
              "mlp_bias": ["mlp_bias", False]},
    "count": {**DEEPSEEK["count"],
              "mlp": "D*(3*d*I + (2*I + d if mlp_bias else 0)) + (L - D) * "
                     "(d*E + E*3*d*Ie + 3*d*S*Ie + (2*S*Ie + d if mlp_bias else 0))"},
    "mtp": "0",  # no multi-token prediction layers
}

FAMILIES["olmo3"] = {**FAMILIES["olmo2"], "title": "OLMo 3"}  # OLMo 2's shapes
FAMILIES["ministral3"] = {
    **PLAIN_GQA, "title": "Ministral 3 (text)",
    "reads": {**LLAMA_READS, "h": ["head_dim", 128]},  # whatever d and H
}
FAMILIES["smollm3"] = {
    **LLAMA, "title": "SmolLM3",
    "reads": {**LLAMA["reads"], "tied": ["tie_word_embeddings", True]},
}
FAMILIES["exaone4"] = {
    **PLAIN_GQA, "title": "EXAONE 4.0",
    # norms after attention and after the MLP, none before; RMSNorm on each q and k head
    "count": {**PLAIN_GQA["count"], "norms": "L*(2*d + 2*h) + d"},
}
FAMILIES["cohere2"] = {
    **FAMILIES["cohere"], "title": "Cohere Command R7B, Command A",
    "reads": {k: v for k, v in FAMILIES["cohere"]["reads"].items()
              if k not in ("h", "qk_norm")},
    "checks": [*KV_DIVIDES, [
        "d % H == 0", "num_attention_heads",
        "'hidden_size' is not divisible by 'num_attention_heads'"]],
    "let": {"h": "d // H", "qk_norm": "False"},  # Cohere2Config sets head_dim itself
}
FAMILIES["ernie4_5"] = {
    **PLAIN_GQA, "title": "ERNIE 4.5",
    "reads": {**LLAMA_READS, "h": ["head_dim", 128, "d // H"],
              "tied": ["tie_word_embeddings", True], "bias": ["use_bias", False]},
    "count": {**PLAIN_GQA["count"],
              "attention": f"L * ({QKVO} + ({QKVO_BIAS} if bias else 0))",
              "mlp": "L * (3*d*I + (2*I + d if bias else 0))"},
}
FAMILIES["glm4"] = {
    **PLAIN_GQA, "title": "GLM-4",
    "reads": {**LLAMA_READS, "h": ["head_dim", 128],
              "attn_bias": ["attention_bias", True]},
    "count": {**PLAIN_GQA["count"],
              "attention": f"L * ({QKVO} + (H*h + 2*K*h if attn_bias else 0))",
              "norms": "L*4*d + d"},  # norms before and after attention and the MLP
}

EXPERTS = "E*3*d*I"  # E experts of width I: gate and up projections fused, and down
QK_NORM_ALL = "H*h + K*h"  # RMSNorm over all q heads and over all k heads together
FAMILIES["olmoe"] = {
    **PLAIN_GQA, "title": "OLMoE (mixture of experts)",
    "reads": {**LLAMA_READS, "attn_bias": ["attention_bias", False],
              "E": ["num_experts", 64], "k": ["num_experts_per_tok", 8]},
    "checks": [*KV_DIVIDES, TOP_K],
    "count": {**PLAIN_GQA["count"],
              "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))",
              "mlp": f"L * (d*E + {EXPERTS})",
              # q and k RMSNorm as wide as the hidden size would make them, whatever h
              "norms": "L*(2*d + d + (d // H)*K) + d"},
    "active": "total - L*(E - k)*3*d*I",
}
FAMILIES["phimoe"] = {
    **PLAIN_GQA, "title": "Phi-3.5-MoE (mixture of experts)",
    "reads": {**LLAMA_READS, "attn_bias": ["attention_bias", False],
              "E": ["num_local_experts", 16], "k": ["num_experts_per_tok", 2],
              "head_bias": ["lm_head_bias", False]},
    "checks": [*KV_DIVIDES, TOP_K],
    "count": {**PLAIN_GQA["count"],
              "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))",
              "mlp": f"L * (d*E + {EXPERTS})",
              "norms": "L*2*2*d + 2*d",  # LayerNorm with a shift
              "output_head": "(0 if tied else V*d) + (V if head_bias else 0)"},
    "active": "total - L*(E - k)*3*d*I",
}
FAMILIES["minimax_m2"] = {
    **PLAIN_GQA, "title": "MiniMax-M2 (mixture of experts)",
    "reads": {**LLAMA_READS, "h": ["head_dim", 128],
              "E": ["num_local_experts", 256], "k": ["num_experts_per_tok", 8]},
    "checks": [*KV_DIVIDES, TOP_K],
    "count": {**PLAIN_GQA["count"], "mlp": f"L * (d*E + {EXPERTS})",
              "norms": f"L*(2*d + {QK_NORM_ALL}) + d"},
    "active": "total - L*(E - k)*3*d*I",
}
FAMILIES["gpt_oss"] = {
    **PLAIN_GQA, "title": "gpt-oss (mixture of experts, attention sinks)",
    "reads": {**LLAMA_READS, "h": ["head_dim", 64], "I": ["intermediate_size", 2880],
              "E": ["num_local_experts", 128], "k": ["num_experts_per_tok", 4],
              "attn_bias": ["attention_bias", True]},
    "checks": [*KV_DIVIDES, TOP_K],
    "let": {"X": "3*d*I + 2*I + d"},  # one expert: its projections and their biases
    "count": {**PLAIN_GQA["count"],
              # a learned sink logit per head and layer
              "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0) + H)",
              "mlp": "L * (d*E + E + E*X)"},  # the router has a bias
    "active": "total - L*(E - k)*X",
}
GLM4_MOE_READS = {
    # head_dim: Glm4MoeAttention's default, rounded down
    **LLAMA_READS, "h": ["head_dim", "d // H"],
    "attn_bias": ["attention_bias", False],
    "qk_norm": ["use_qk_norm", False], "E": ["n_routed_experts", 128],
    "k": ["num_experts_per_tok", 8], "Ie": ["moe_intermediate_size", 1408],
    "S": ["n_shared_experts", 1], "dense": ["first_k_dense_replace", 1],
    "N": ["num_nextn_predict_layers", 1]}
FAMILIES["glm4_moe"] = {
    "title": "GLM-4.5, GLM-4.6 (mixture of experts)",
    "reads": GLM4_MOE_READS,
    "checks": [*KV_DIVIDES, TOP_K],
    "let": {"D": "min(dense, L)",
            "A": f"{QKVO} + (H*h + 2*K*h if attn_bias else 0)",
            "Mo": "d*E + E*3*d*Ie + 3*d*S*Ie",
            "n1": "2*d + (2*h if qk_norm else 0)"},  # q and k RMSNorm over one head
    "count": {"embeddings": "V*d", "attention": "L*A",
              "mlp": "D*3*d*I + (L - D)*Mo", "norms": "L*n1 + d",
              "output_head": UNTIED_HEAD},
    "active": "total - (L - D)*(E - k)*3*d*Ie",
    "kv_cache": GQA_CACHE,
    "mtp": DEEPSEEK["mtp"],  # the checkpoint's layer L, laid out as DeepSeek-V3's
}
FAMILIES["ernie4_5_moe"] = {
    **FAMILIES["ernie4_5"], "title": "ERNIE 4.5 MoE (mixture of experts)",
    "reads": {**LLAMA_READS, "tied": ["tie_word_embeddings", True],
              "bias": ["use_bias", False], "E": ["moe_num_experts", 64],
              "k": ["moe_k", 6], "Ie": ["moe_intermediate_size", 1536],
              "S": ["moe_num_shared_experts", 2],
              "first": ["moe_layer_start_index", 1],
              "last": ["moe_layer_end_index", "L - 1"],
              "step": ["moe_layer_interval", 1]},
    "checks": [*KV_DIVIDES, ["k <= E", "moe_k", "more experts per token than experts"],
               ["step > 0", "moe_layer_interval",
                "'moe_layer_interval' must be at least 1"]],
    # MoE layers: i from first to last whose i + 1 is a multiple of step
    "let": {"M": "max(0, (min(last, L - 1) + 1) // step - first // step)",
            "b": "1 if bias else 0"},
    "count": {**FAMILIES["ernie4_5"]["count"],
              # routers with a score-correction bias, experts, shared experts
              "mlp": "(L - M)*(3*d*I + b*(2*I + d)) + M*(d*E + E + E*3*d*Ie + "
                     "(3*d*S*Ie + b*(2*S*Ie + d) if S > 0 else 0))",
              "output_head": "(0 if tied else V*d) + b*V"},
    "active": "total - M*(E - k)*3*d*Ie",
}

MLP_KINDS = {"key": "mlp_layer_types", "kinds": ["dense", "sparse"]}
KINDS_LEN = ["types is None or len(types) == L", "mlp_layer_types",
             "'mlp_layer_types' must name one kind per layer"]
FAMILIES["deepseek_v32"] = {
    **DEEPSEEK,
    "title": "DeepSeek-V3.2 (latent attention with a sparse-attention indexer)",
    "reads": {**DEEPSEEK["reads"], "types": MLP_KINDS, "iH": ["index_n_heads", 64],
              "ihd": ["index_head_dim", 128], "N": ["num_nextn_predict_layers", 0]},
    "checks": [TOP_K, KINDS_LEN,
               ["qr is not None", "q_lora_rank",
                "the indexer reads the query latent: 'q_lora_rank' is null"]],
    "let": {**DEEPSEEK["let"],
            "D": "min(dense, L) if types is None else count(types, 'dense')",
            # the indexer: its queries from the query latent, one key, a weight per head
            "A": "q + kv + H*vh*d + b*d + qr*iH*ihd + d*ihd + d*iH",
            "n1": "2*d + kr + qr + 2*ihd"},  # and a LayerNorm on the indexer's key
}
FAMILIES["glm4_moe_lite"] = {
    **DEEPSEEK, "title": "GLM-4.7-Flash (latent attention, mixture of experts)",
    "reads": {**{k: v for k, v in DEEPSEEK["reads"].items() if k != "dense"},
              "types": MLP_KINDS, "Ie": ["moe_intermediate_size", 1536],
              "E": ["n_routed_experts", 64], "k": ["num_experts_per_tok", 4],
              "qr": ["q_lora_rank", 768, None], "nope": ["qk_nope_head_dim", 192],
              "vh": ["v_head_dim", 256]},
    "checks": [TOP_K, KINDS_LEN],
    # without mlp_layer_types, the first layer is dense (Glm4MoeLiteConfig)
    "let": {**DEEPSEEK["let"],
            "D": "min(1, L) if types is None else count(types, 'dense')"},
}
FAMILIES["llama4_text"] = {
    **PLAIN_GQA, "title": "Llama 4 (text; mixture of experts)",
    "reads": {**LLAMA_READS, "h": ["head_dim", 128], "I": ["intermediate_size", 8192],
              "Im": ["intermediate_size_mlp", 16384], "E": ["num_local_experts", 16],
              "k": ["num_experts_per_tok", 1], "attn_bias": ["attention_bias", False],
              "ml": {"key": "moe_layers"}, "step": ["interleave_moe_layer_step", 1]},
    "checks": [*KV_DIVIDES, TOP_K],
    # MoE layers: those listed, else every step-th; they have a router, E experts
    # and a shared expert of width I; the others a dense MLP of width Im
    "let": {"M": "L // step if ml is None else layers_among(ml, L)"},
    "count": {**PLAIN_GQA["count"],
              "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0))",
              "mlp": f"M * (d*E + {EXPERTS} + 3*d*I) + (L - M) * 3*d*Im"},
    "active": "total - M*(E - k)*3*d*I",
}

# Hybrids and state-space models: token mixers that keep a fixed state per sequence
# (Mamba-2, Gated DeltaNet) count under "attention", the token mixers' component.
FAMILIES["mamba2"] = {
    "title": "Mamba-2 (state-space model)",
    "reads": {"V": "vocab_size", "d": "hidden_size", "L": "num_hidden_layers",
              "nh": ["num_heads", 128], "hd": ["head_dim", 64],
              "Ns": ["state_size", 128],
              "G": ["n_groups", 8], "X": ["expand", 2], "Kc": ["conv_kernel", 4],
              "bias": ["use_bias", False], "cbias": ["use_conv_bias", True],
              "tied": ["tie_word_embeddings", False]},
    "checks": [["X*d == nh*hd", "num_heads",
                "'hidden_size' x 'expand' must equal 'num_heads' x 'head_dim'"]],
    # Ii: the inner width; cd: the channels the causal convolution mixes (x, B and C)
    "let": {"Ii": "X*d", "cd": "X*d + 2*G*Ns", "P": "X*d + (X*d + 2*G*Ns) + nh",
            "H": "0"},  # no attention heads: no attention scores in the activations
    "count": {"embeddings": "V*d",
              # in_proj to x, z, B, C and dt; the convolution; dt_bias, A_log and D;
              # out_proj
              "attention": "L * (d*P + (P if bias else 0) + cd*Kc"
                           " + (cd if cbias else 0) + 3*nh"
                           " + Ii*d + (d if bias else 0))",
              "norms": "L*(d + Ii) + d",  # and the gated RMSNorm inside each mixer
              "output_head": UNTIED_HEAD},
    "kv_cache": "0",  # no cache that grows with the context: a state per sequence
}
LAYER_KINDS = {"key": "layer_types", "kinds": ["linear_attention", "full_attention"]}
FAMILIES["qwen3_next"] = {
    "title": "Qwen3-Next (Gated DeltaNet and attention, mixture of experts)",
    "reads": {**LLAMA_READS, "h": ["head_dim", 256],
              "attn_bias": ["attention_bias", False],
              "E": ["num_experts", 512], "k": ["num_experts_per_tok", 10],
              "Ie": ["moe_intermediate_size", 512],
              "Is": ["shared_expert_intermediate_size", 512],
              "step": ["decoder_sparse_step", 1], "skip": ["mlp_only_layers", []],
              "Kh": ["linear_num_key_heads", 16], "Vh": ["linear_num_value_heads", 32],
              "Kd": ["linear_key_head_dim", 128], "Vd": ["linear_value_head_dim", 128],
              "Kc": ["linear_conv_kernel_dim", 4], "types": LAYER_KINDS,
              "fi": ["full_attention_interval", 4]},
    "checks": [*KV_DIVIDES, TOP_K, STEP,
               ["types is None or len(types) == L", "layer_types",
                "'layer_types' must name one kind per layer"],
               ["fi > 0", "full_attention_interval",
                "'full_attention_interval' must be at least 1"]],
    "let": {
        # full-attention layers: those listed, else every fi-th (Qwen3NextConfig)
        "A": "L // fi if types is None else count(types, 'full_attention')",
        "M": QWEN_MOE_LAYERS,
        "cd": "2*Kh*Kd + Vh*Vd",  # the channels the causal convolution mixes (q, k, v)
    },
    "count": {
        "embeddings": "V*d",
        # attention: gated queries (2*H*h); Gated DeltaNet: q, k, v, z; b, a; the
        # convolution; dt_bias and A_log; out_proj
        "attention": "A * (d*2*H*h + 2*d*K*h + H*h*d"
                     " + (2*H*h + 2*K*h + d if attn_bias else 0))"
                     " + (L - A) * (d*(2*Kh*Kd + 2*Vh*Vd) + d*2*Vh + cd*Kc + 2*Vh"
                     " + Vh*Vd*d)",
        "mlp": "M * (d*E + E*3*d*Ie + 3*d*Is + d) + (L - M) * 3*d*I",
        "norms": "L*2*d + d + A*2*h + (L - A)*Vd",  # q, k norms; DeltaNet's gated norm
        "output_head": UNTIED_HEAD,
    },
    "active": "total - M*(E - k)*3*d*Ie",
    "kv_cache": "2*A*K*h",  # only the attention layers cache per token
}


# ---- hybrids: Nemotron-H, Falcon-H1, Granite 4.0-H, LFM2, Qwen3.5 (recurrent and
# attention layers; their memory rules in memory_rules.py)
# in_proj, conv1d, dt_bias, A_log and D, out_proj
MAMBA2_MIXER = ("d*P + (P if bias else 0) + cd*Kc + (cd if cbias else 0) + 3*nh"
                " + Ii*d + (d if bias else 0)")
NEMOTRON_KINDS = {"key": "layers_block_type|layer_types",
                  # transformers renames the legacy kinds (mamba, attention) itself
                  "kinds": ["linear_attention", "full_attention", "moe", "mlp", "mamba",
                            "attention"]}
PATTERN_CHARS = ("count(pat, 'M') + count(pat, 'E') + count(pat, '*') + count(pat, '-')"
                 " == len(pat)")


def _nemotron_layers(kinds: str, char: str) -> str:
    """Layers of some kinds: in layers_block_type, else in hybrid_override_pattern (one
    character a layer), else one of each (NemotronHConfig's four-layer default)."""
    listed = " + ".join(f"count(types, '{k}')" for k in kinds.split())
    return (f"({listed}) if types is not None else "
            f"(count(pat, '{char}') if len(pat) else 1)")


FAMILIES["nemotron_h"] = {
    "title": "Nemotron-H, Nemotron 3 (Mamba-2, attention, MLP and MoE layers)",
    # NemotronHConfig has a default for every key; num_hidden_layers is ignored (the
    # layers are those the pattern or the list names)
    "reads": {"V": ["vocab_size", 131072], "d": ["hidden_size", 4096],
              "H": ["num_attention_heads", 32], "h": ["head_dim", 128],
              "I": ["intermediate_size", 21504], "mlp_bias": ["mlp_bias", False],
              "bias": ["use_bias", False], "nh": ["mamba_num_heads", 128],
              "hd": ["mamba_head_dim", 64], "Ns": ["ssm_state_size", 128],
              "G": ["mamba_n_groups|n_groups", 8],
              "Kc": ["mamba_d_conv|conv_kernel", 4],
              "cbias": ["mamba_conv_bias|use_conv_bias", True],
              "E": ["n_routed_experts|num_local_experts", 8],
              "k": ["num_experts_per_tok", 2], "Ie": ["moe_intermediate_size", 7688],
              "Is": ["moe_shared_expert_intermediate_size", 7688],
              "lat": ["moe_latent_size", None], "types": NEMOTRON_KINDS,
              "pat": ["hybrid_override_pattern", "''"]},
    "checks": [*KV_DIVIDES, TOP_K,
               [f"types is not None or {PATTERN_CHARS}", "hybrid_override_pattern",
                "'hybrid_override_pattern' may hold only M, E, * and - (Mamba-2, MoE, "
                "attention, MLP layers)"]],
    "let": {"L": "len(types) if types is not None else (len(pat) if len(pat) else 4)",
            "Mb": _nemotron_layers("linear_attention mamba", "M"),
            "A": _nemotron_layers("full_attention attention", "*"),
            "Me": _nemotron_layers("moe", "E"), "Ml": _nemotron_layers("mlp", "-"),
            "Ii": "nh*hd", "cd": "nh*hd + 2*G*Ns", "P": "2*nh*hd + 2*G*Ns + nh",
            "lw": "d if lat is None else lat"},  # the experts' width in and out
    "count": {
        "embeddings": "V*d",
        "attention": f"A*({QKVO}) + Mb*({MAMBA2_MIXER})",
        # MLP layers and MoE layers, not gated (relu2): up and down projections; a
        # MoE layer has a router, E experts, a shared expert and, with a latent
        # width, a projection into it and out of it
        "mlp": "Ml*(2*d*I + (I + d if mlp_bias else 0)) + Me*(d*E + E*2*Ie*lw"
               " + 2*d*Is + (Is + d if mlp_bias else 0)"
               " + (0 if lat is None else 2*d*lat + (lat + d if mlp_bias else 0)))",
        "norms": "L*d + d + Mb*Ii",  # one per layer, final, Mamba's gated norm
        # never tied, whatever tie_word_embeddings says (NemotronHForCausalLM's
        # _tied_weights_keys is empty)
        "output_head": "V*d",
    },
    "active": "total - Me*(E - k)*2*Ie*lw",
    "kv_cache": "2*A*K*h",
}


FAMILIES["falcon_h1"] = {
    "title": "Falcon-H1 (attention and Mamba-2 side by side in every layer)",
    # its multipliers (mup_vector, ssm_multipliers...) scale activations, not weights
    "reads": {"V": ["vocab_size", 128000], "d": ["hidden_size", 4096],
              "I": ["intermediate_size", 14336], "L": ["num_hidden_layers", 32],
              "H": ["num_attention_heads", 32], "h": ["head_dim", "d // H"],
              "attn_bias": ["attention_bias", False], "mlp_bias": ["mlp_bias", False],
              "tied": ["tie_word_embeddings", False], "nh": ["mamba_n_heads", 128],
              "Ds": ["mamba_d_ssm", 1024, None], "X": ["mamba_expand", 2],
              "Ns": ["mamba_d_state", 256], "G": ["mamba_n_groups", 1],
              "Kc": ["mamba_d_conv", 4], "cbias": ["mamba_conv_bias", True],
              "bias": ["mamba_proj_bias", False], "obias": ["projectors_bias", False],
              "gnorm": ["mamba_rms_norm", False],
              "hd": {"key": "mamba_d_head", "auto": True}},
    "checks": [*KV_DIVIDES,
               ["(X*d if Ds is None else Ds) % nh == 0", "mamba_n_heads",
                "'mamba_n_heads' must divide the Mamba width ('mamba_d_ssm', or "
                "'mamba_expand' x 'hidden_size' where it is null)"],
               ["hd is None or hd*nh == (X*d if Ds is None else Ds)", "mamba_d_head",
                "'mamba_d_head' x 'mamba_n_heads' must be the Mamba width "
                "('mamba_d_ssm', or 'mamba_expand' x 'hidden_size' where it is null)"]],
    # Ii: the Mamba width, null mamba_d_ssm giving expand x hidden (FalconH1Mixer)
    "let": {"Ii": "X*d if Ds is None else Ds", "cd": "Ii + 2*G*Ns",
            "P": "2*Ii + 2*G*Ns + nh"},
    "count": {
        "embeddings": "V*d",
        # in_proj's bias is mamba_proj_bias, out_proj's projectors_bias
        "attention": f"L * ({QKVO} + ({QKVO_BIAS} if attn_bias else 0)"
                     " + d*P + (P if bias else 0) + cd*Kc + (cd if cbias else 0) + 3*nh"
                     " + Ii*d + (d if obias else 0))",
        "mlp": "L * (3*d*I + (2*I + d if mlp_bias else 0))",
        # before the mixers and before the MLP; final; the gated norm if mamba_rms_norm
        "norms": "L*(2*d + (Ii if gnorm else 0)) + d",
        "output_head": UNTIED_HEAD,
    },
    "kv_cache": "2*L*K*h",
}

GRANITE_KINDS = {"key": "layer_types|layers_block_type",
                 "kinds": ["linear_attention", "full_attention", "mamba", "attention"]}
FAMILIES["granitemoehybrid"] = {
    "title": "Granite 4.0-H (Mamba-2 and attention, mixture of experts)",
    "reads": {**LLAMA_READS, "h": ["head_dim", "d // H"],
              "attn_bias": ["attention_bias", False], "E": ["num_local_experts", 8],
              "k": ["num_experts_per_tok", 2], "Is": ["shared_intermediate_size", 1024],
              "nh": ["mamba_n_heads", 128], "G": ["mamba_n_groups", 1],
              "Ns": ["mamba_d_state", 256], "Kc": ["mamba_d_conv", 4],
              "X": ["mamba_expand", 2], "cbias": ["mamba_conv_bias", True],
              "bias": ["mamba_proj_bias", False],
              "hd": {"key": "mamba_d_head", "auto": True}, "types": GRANITE_KINDS},
    "checks": [*KV_DIVIDES, ["E == 0 or k <= E", "num_experts_per_tok",
                             "more experts per token than experts"],
               ["types is None or len(types) == L", "layer_types",
                "'layer_types' must name one kind per layer"],
               ["X*d % nh == 0", "mamba_n_heads",
                "'mamba_n_heads' must divide 'mamba_expand' x 'hidden_size'"],
               ["hd is None or hd*nh == X*d", "mamba_d_head",
                "'mamba_d_head' x 'mamba_n_heads' must be 'mamba_expand' x "
                "'hidden_size'"]],
    # Mamba-2 layers: those listed (linear_attention, or mamba before the renaming),
    # else all of them (GraniteMoeHybridConfig)
    "let": {"Mb": "L if types is None else count(types, 'linear_attention')"
                  " + count(types, 'mamba')",
            "A": "L - Mb", "Ii": "X*d", "cd": "X*d + 2*G*Ns",
            "P": "2*X*d + 2*G*Ns + nh"},
    "count": {
        "embeddings": "V*d",
        "attention": f"A*({QKVO} + ({QKVO_BIAS} if attn_bias else 0))"
                     f" + Mb*({MAMBA2_MIXER})",
        # each layer: a router and E experts (none if E is 0), and a shared MLP
        "mlp": f"L * ((d*E + {EXPERTS} if E > 0 else 0) + 3*d*Is)",
        "norms": "L*2*d + d + Mb*Ii",  # and the gated norm inside each Mamba mixer
        "output_head": UNTIED_HEAD,
    },
    "active": "total - (L*(E - k)*3*d*I if E > 0 else 0)",
    "kv_cache": "2*A*K*h",
}

FAMILIES["lfm2"] = {
    "title": "LFM2 (short convolutions and attention)",
    # Lfm2Config's defaults (LFM2-VL's text_config may name few keys)
    "reads": {**LLAMA_READS, "V": ["vocab_size", 65536], "d": ["hidden_size", 2560],
              "L": ["num_hidden_layers", 32], "H": ["num_attention_heads", 32],
              "I": ["block_ff_dim|intermediate_size", 12288],
              "h": ["head_dim", "d // H"],
              "tied": ["tie_embedding|tie_word_embeddings", True],
              "cbias": ["conv_bias", False], "Kc": ["conv_L_cache", 3],
              "bm": ["block_multiple_of", 256],
              "mult": ["block_ffn_dim_multiplier", 1.0],
              "adj": ["block_auto_adjust_ff_dim", True],
              "idx": {"key": "full_attn_idxs"},
              "types": {"key": "layer_types", "kinds": ["conv", "full_attention"]}},
    "checks": [*KV_DIVIDES, ["types is None or len(types) == L", "layer_types",
                             "'layer_types' must name one kind for each of the "
                             "'num_hidden_layers' layers"],
               ["not adj or mult > 0", "block_ffn_dim_multiplier",
                "'block_ffn_dim_multiplier' must be more than 0"]],
    "let": {
        # attention layers: those listed, else those full_attn_idxs names, else all
        "A": "count(types, 'full_attention') if types is not None else "
             "(L if idx is None else layers_among(idx, L))",
        # the MLP's width (Lfm2MLP): two thirds of I, times the factor, rounded up
        # to a multiple of block_multiple_of; or I itself
        "Im": "bm*((scale(mult, 2*I // 3) + bm - 1) // bm) if adj else I",
    },
    "count": {
        "embeddings": "V*d",
        # a short convolution layer: in_proj (3 x d), a depthwise convolution of Kc
        # taps, out_proj
        "attention": f"A*({QKVO}) + (L - A)*(4*d*d + d*Kc + (5*d if cbias else 0))",
        "mlp": "L*3*d*Im",
        "norms": "L*2*d + d + A*2*h",  # and q, k norms on the attention layers
        "output_head": UNTIED_HEAD,
    },
    "kv_cache": "2*A*K*h",
}

# Qwen3.5: Qwen3-Next's token mixers (its q, k, v, z projection split in two) with a
# dense MLP, or a mixture of experts on every layer; the config classes' defaults,
# as a multimodal config's text_config may name few keys
QWEN35_READS = {
    "V": ["vocab_size", 248320], "d": ["hidden_size", 4096],
    "L": ["num_hidden_layers", 32], "H": ["num_attention_heads", 16],
    "h": ["head_dim", 256],
    "attn_bias": ["attention_bias", False], "tied": ["tie_word_embeddings", False],
    "Kh": ["linear_num_key_heads", 16], "Vh": ["linear_num_value_heads", 32],
    "Kd": ["linear_key_head_dim", 128], "Vd": ["linear_value_head_dim", 128],
    "Kc": ["linear_conv_kernel_dim", 4], "types": LAYER_KINDS,
    "fi": ["full_attention_interval", 4]}
QWEN35 = {
    "title": "Qwen3.5 (text; Gated DeltaNet and attention)",
    "reads": {**QWEN35_READS, "I": ["intermediate_size", 12288]},
    "checks": [*KV_DIVIDES, *FAMILIES["qwen3_next"]["checks"][3:]],
    "let": {"A": FAMILIES["qwen3_next"]["let"]["A"],
            "cd": FAMILIES["qwen3_next"]["let"]["cd"]},
    "count": {**{c: FAMILIES["qwen3_next"]["count"][c]
                 for c in ("embeddings", "attention", "norms", "output_head")},
              "mlp": "L * 3*d*I"},
    "kv_cache": "2*A*K*h",
}
FAMILIES["qwen3_5_text"] = QWEN35
FAMILIES["qwen3_5_moe_text"] = {
    **QWEN35, "title": "Qwen3.5 MoE (text; Gated DeltaNet and attention, experts)",
    "reads": {**QWEN35_READS, "d": ["hidden_size", 2048],
              "L": ["num_hidden_layers", 40], "E": ["num_experts", 256],
              "k": ["num_experts_per_tok", 8], "Ie": ["moe_intermediate_size", 512],
              "Is": ["shared_expert_intermediate_size", 512]},
    "checks": [*QWEN35["checks"], TOP_K],
    # every layer: a router, E experts, a shared expert and its gate
    "count": {**QWEN35["count"], "mlp": "L * (d*E + E*3*d*Ie + 3*d*Is + d)"},
    "active": "total - L*(E - k)*3*d*Ie",
}


# ---- newtext: Gemma 4, GLM-5, DeepSeek-V4, Kimi-K2.5 (issue 27)
# Gemma 4 (Gemma4TextConfig, modeling_gemma4.py): full-attention layers have their own
# head width (global_head_dim) and, with attention_k_eq_v, their own key/value heads
# and no v_proj (the values are the keys before their norms); the last
# num_kv_shared_layers layers reuse the keys and values of an earlier layer of their
# kind, so they have no k_proj, v_proj or k_norm, and with use_double_wide_mlp an MLP
# twice as wide; per-layer embeddings (PLE) add a table of L x Pd per token, a
# projection to it, and a gate and a projection in each layer.
GEMMA4_KINDS = {"key": "layer_types", "kinds": ["sliding_attention", "full_attention"]}
# layers [a, b) that are full by Gemma4TextConfig's own pattern (every 6th); the last
# layer is always full (the config class forces it, even in a given layer_types)
GEMMA4_FULL_IN = "(count_in(types, 'full_attention', {a}, {b}) if types is not None " \
                 "else ({b}) // 6 - ({a}) // 6)"
# Gemma4TextConfig.kv_sharing_modes: each kind of layer that reuses a cache needs a
# layer of its kind before the shared ones (a full one; a sliding one if any slides)
GEMMA4_SHARING = (
    "Sk == 0 or Sk == L or {u} > 0 and (L - Sk - {u} > 0 or L - 1 - {a} == 0)".format(
        u=GEMMA4_FULL_IN.format(a="0", b="L - Sk"),
        a=GEMMA4_FULL_IN.format(a="0", b="L - 1")))
FAMILIES["gemma4_text"] = {
    "title": "Gemma 4 (text; per-layer embeddings, KV shared between layers)",
    "reads": {"V": ["vocab_size", 262144], "d": ["hidden_size", 2304],
              "I": ["intermediate_size", 9216], "L": ["num_hidden_layers", 30],
              "H": ["num_attention_heads", 8], "K": ["num_key_value_heads", 4],
              "h": ["head_dim", 256], "gh": ["global_head_dim", 512],
              "Kg": ["num_global_key_value_heads", None],
              "kev": ["attention_k_eq_v", False], "Sk": ["num_kv_shared_layers", 0],
              "Pd": ["hidden_size_per_layer_input", 256, None],
              "Vp": ["vocab_size_per_layer_input", 262144],
              "dw": ["use_double_wide_mlp", False], "moe": ["enable_moe_block", False],
              "E": ["num_experts", None], "k": ["top_k_experts", None],
              "Ie": ["moe_intermediate_size", None],
              "attn_bias": ["attention_bias", False],
              "tied": ["tie_word_embeddings", True], "types": GEMMA4_KINDS},
    # "all" (every token attends both ways) halves the sliding window in
    # Gemma4TextConfig, which the memory rules do not follow
    "only": {"use_bidirectional_attention": ["vision"]},
    "checks": [
        *KV_DIVIDES,
        ["types is None or len(types) == L", "layer_types",
         "'layer_types' must name one kind for each of the 'num_hidden_layers' layers"],
        # transformers refuses null here: 0 is "no per-layer embeddings"
        ["Pd is not None", "hidden_size_per_layer_input",
         "'hidden_size_per_layer_input' must be a whole number (0: none)"],
        ["Sk <= L", "num_kv_shared_layers",
         "'num_kv_shared_layers' is more than the layers there are"],
        [GEMMA4_SHARING, "num_kv_shared_layers",
         "the layers that share a KV cache need a layer of each of their kinds before "
         "them"],
        ["not moe or E is not None", "num_experts",
         "'enable_moe_block' is true but 'num_experts' is not set"],
        ["not moe or Ie is not None", "moe_intermediate_size",
         "'enable_moe_block' is true but 'moe_intermediate_size' is not set"],
        ["not moe or k is not None", "top_k_experts",
         "'enable_moe_block' is true but 'top_k_experts' is not set"],
        ["not moe or k <= E", "top_k_experts", "more experts per token than experts"],
    ],
    "let": {
        "b": "1 if attn_bias else 0",
        "Kf": "Kg if kev and Kg is not None else K",  # a full layer's key/value heads
        # full layers, and those among the last Sk layers (which reuse a cache)
        "F": GEMMA4_FULL_IN.format(a="0", b="L - 1") + " + 1 if L > 0 else 0",
        "Fs": GEMMA4_FULL_IN.format(a="L - Sk", b="L - 1") + " + 1 if Sk > 0 else 0",
        "Ff": "F - Fs", "Sf": "L - F - (Sk - Fs)",  # full, sliding layers with a cache
        "Qf": "2*d*H*gh + b*(H*gh + d)", "Qs": "2*d*H*h + b*(H*h + d)",  # q and o
        "KVf": "(d + b)*Kf*gh*(1 if kev else 2)", "KVs": "(d + b)*2*K*h",  # k and v
    },
    "count": {
        "embeddings": "V*d + (Vp*L*Pd if Pd > 0 else 0)",
        "attention": "F*Qf + Ff*KVf + (L - F)*Qs + Sf*KVs",
        # the MLP (twice as wide in shared layers with use_double_wide_mlp); with the
        # MoE block beside it, a router (its projection, a scale per channel and per
        # expert) and E experts
        "mlp": "(L + (Sk if dw else 0))*3*d*I"
               " + (L*(d*E + d + E + E*3*d*Ie) if moe else 0)",
        # four around attention and the MLP, one after the per-layer input, three around
        # the experts; q and k norms over one head (none for k in shared layers)
        "norms": "L*(4*d + (d if Pd > 0 else 0) + (3*d if moe else 0))"
                 " + (F + Ff)*gh + (L - F + Sf)*h + d + (Pd if Pd > 0 else 0)",
        "output_head": UNTIED_HEAD,
        "other": "3*L*d*Pd if Pd > 0 else 0",  # PLE: the model's projection, each gate
    },
    "active": "total - (L*(E - k)*3*d*Ie if moe else 0)",
    "kv_cache": "2*(Ff*Kf*gh + Sf*K*h)",
}
# GLM-5 (GlmMoeDsaConfig, modeling_glm_moe_dsa.py): DeepSeek-V3.2's latent attention and
# mixture of experts, whose sparse-attention indexer runs only on the layers that
# indexer_types calls "full" (the others reuse the last full layer's choice of tokens):
# by default the first index_skip_topk_offset layers, then every index_topk_freq-th
FAMILIES["glm_moe_dsa"] = {
    **DEEPSEEK,
    "title": "GLM-5 (latent attention, sparse-attention indexer on some layers)",
    "reads": {"V": ["vocab_size", 154880], "d": ["hidden_size", 6144],
              "I": ["intermediate_size", 12288], "L": ["num_hidden_layers", 78],
              "H": ["num_attention_heads", 64], "Ie": ["moe_intermediate_size", 2048],
              # GlmMoeDsaConfig: num_local_experts (attribute_map), over num_experts
              # (kept for older configs), over n_routed_experts
              "E": ["num_local_experts|num_experts|n_routed_experts", 256],
              "k": ["num_experts_per_tok", 8],
              "S": ["n_shared_experts", 1], "dense": ["first_k_dense_replace", 3],
              "qr": ["q_lora_rank", 2048, None], "kr": ["kv_lora_rank", 512],
              "nope": ["qk_nope_head_dim", 192], "rope": ["qk_rope_head_dim", 64],
              "vh": ["v_head_dim", 256], "attn_bias": ["attention_bias", False],
              "tied": ["tie_word_embeddings", False], "types": MLP_KINDS,
              "iH": ["index_n_heads", 32], "ihd": ["index_head_dim", 128],
              "it": {"key": "indexer_types", "kinds": ["full", "shared"]},
              "fq": ["index_topk_freq", 1], "off": ["index_skip_topk_offset", 2],
              "N": ["num_nextn_predict_layers", 0],
              # a letter a layer, F full or S shared, over index_topk_freq and offset
              "ipat": ["index_topk_pattern", "''"]},
    "checks": [TOP_K, KINDS_LEN,
               ["it is None or len(it) == L", "indexer_types",
                "'indexer_types' must name one kind per layer"],
               ["it is not None or len(ipat) == 0 or len(ipat) == L and "
                "count(ipat, 'F') + count(ipat, 'S') == L", "index_topk_pattern",
                "'index_topk_pattern' must give F or S for each of the "
                "'num_hidden_layers' layers"],
               ["qr is not None", "q_lora_rank",
                "GLM-5's queries go through their latent: 'q_lora_rank' is null"]],
    "let": {**DEEPSEEK["let"],
            "D": "min(dense, L) if types is None else count(types, 'dense')",
            # layers that run the indexer (GlmMoeDsaConfig.indexer_types)
            "Fi": "count(it, 'full') if it is not None else count(ipat, 'F') if "
                  "len(ipat) else min(off, L) + max(L - off, 0) // max(fq, 1)",
            # a layer with the indexer (its queries from the query latent, one key, a
            # weight per head; a LayerNorm on the key), as the checkpoint's MTP layer
            "A": "q + kv + H*vh*d + b*d + qr*iH*ihd + d*ihd + d*iH",
            "n1": "2*d + kr + qr + 2*ihd",
            "Ix": "A - (q + kv + H*vh*d + b*d)"},  # the indexer's projections
    "count": {**DEEPSEEK["count"],
              "attention": "L*(q + kv + H*vh*d + b*d) + Fi*Ix",
              "norms": "L*(2*d + kr + qr) + Fi*2*ihd + d"},
    # the latent and the rotary key on every layer; the indexer's key on its layers
    "kv_cache": "L*(kr + rope) + Fi*ihd",
}
# DeepSeek-V4 (DeepseekV4Config, modeling_deepseek_v4.py): every layer attends to a
# sliding window with one key/value head (keys used as values), queries through a
# latent, a grouped low-rank output projection and a sink per head; some layers add a
# compressor of every crh tokens into one entry (HCA), others one of every crc tokens
# with a lightning indexer (CSA). Each layer's attention and MoE sit between
# hyper-connections that mix hc residual streams; the experts' width is
# moe_intermediate_size, which "intermediate_size" sets too (attribute_map), and the
# one shared expert has that width whatever n_shared_experts says.
V4_KINDS = {"key": "layer_types", "kinds": ["sliding_attention",
                                            "compressed_sparse_attention",
                                            "heavily_compressed_attention"]}
FAMILIES["deepseek_v4"] = {
    "title": "DeepSeek-V4 (compressed sparse attention, hyper-connections)",
    "reads": {"V": ["vocab_size", 129280], "d": ["hidden_size", 4096],
              "Ie": ["intermediate_size|moe_intermediate_size", 2048],
              "L": ["num_hidden_layers", 43], "H": ["num_attention_heads", 64],
              "h": ["head_dim", 512], "qr": ["q_lora_rank", 1024, None],
              "E": ["num_local_experts|n_routed_experts", 256],
              "k": ["num_experts_per_tok", 6], "hc": ["hc_mult", 4],
              "og": ["o_groups", 8], "olr": ["o_lora_rank", 1024],
              "iH": ["index_n_heads", 64], "ihd": ["index_head_dim", 128],
              # the legacy scalars, over the compress_rates object (transformers 5's),
              # which replaces the class's whole: a rate it leaves out is null
              "crc": ["compress_rate_csa|compress_rates.compressed_sparse_attention",
                      4, None],
              "crh": ["compress_rate_hca|compress_rates.heavily_compressed_attention",
                      128, None],
              "lt": V4_KINDS, "cr": {"key": "compress_ratios"},
              "mt": {"key": "mlp_layer_types", "kinds": ["hash_moe", "moe"]},
              "mlp_bias": ["mlp_bias", False], "tied": ["tie_word_embeddings", False],
              "N": ["num_nextn_predict_layers", 1]},
    "checks": [
        TOP_K,
        ["crc is not None and crh is not None", "compress_rates",
         "'compress_rates' must give compressed_sparse_attention and "
         "heavily_compressed_attention"],
        ["lt is None or len(lt) == L", "layer_types",
         "'layer_types' must name one kind for each of the 'num_hidden_layers' layers"],
        ["mt is None or len(mt) == L", "mlp_layer_types",
         "'mlp_layer_types' must name one kind for each of the 'num_hidden_layers' "
         "layers"],
        # DeepseekV4Config maps each ratio to a layer kind: 0, 4 or 128, one per layer
        ["cr is None or lt is not None or len(cr) >= L and count(cr, 0) + count(cr, 4)"
         " + count(cr, 128) == len(cr)", "compress_ratios",
         "'compress_ratios' must give 0, 4 or 128 for each of the "
         "'num_hidden_layers' layers"],
        ["og > 0", "o_groups", "'o_groups' must be at least 1"],
        ["qr is not None", "q_lora_rank",
         "DeepSeek-V4's queries go through their latent: 'q_lora_rank' is null"],
        ["crc > 0", "compress_rate_csa", "'compress_rate_csa' must be at least 1"],
        ["crh > 0", "compress_rate_hca", "'compress_rate_hca' must be at least 1"],
    ],
    "let": {
        # layers with a CSA and with an HCA compressor: layer_types, else the legacy
        # compress_ratios, else the class's pattern (2 HCA, then CSA and HCA in turn)
        "C": "count(lt, 'compressed_sparse_attention') if lt is not None else "
             "count_in(cr, 4, 0, L) if cr is not None else max(L - 2, 0) // 2",
        "Hh": "count(lt, 'heavily_compressed_attention') if lt is not None else "
              "count_in(cr, 128, 0, L) if cr is not None else L - max(L - 2, 0) // 2",
        # q through its latent, one key/value head, o through og groups of rank olr,
        # and a sink logit per head
        "A": "d*qr + qr*H*h + d*h + og*olr*(H*h // og) + og*olr*d + H",
        # HCA: a key and a gate projection, a bias per window position; CSA: twice as
        # wide (overlapping windows) and the indexer's own compressor, queries from the
        # query latent and weights per head
        "Ah": "2*d*h + crh*h", "Ac": "4*d*h + 2*crc*h + 4*d*ihd + 2*crc*ihd"
                                     " + qr*iH*ihd + d*iH",
        # two hyper-connections per layer: a projection of the hc streams to the
        # pre, post and mixing weights, their biases and 3 scales
        "HC": "2*((2 + hc)*hc*hc*d + (2 + hc)*hc + 3)",
        "X": "3*d*Ie",  # one expert, and the shared one
    },
    "count": {
        "embeddings": "V*d",
        "attention": "L*A + Hh*Ah + C*Ac",
        "mlp": "L*(d*E + E*X + X + (2*Ie + d if mlp_bias else 0))",
        # two per layer, the query latent's and the key's; the compressors' keys
        "norms": "L*(2*d + qr + h) + Hh*h + C*(h + ihd) + d",
        "output_head": UNTIED_HEAD,
        "other": "L*HC + hc*hc*d + hc + 1",  # and the head's collapse of the streams
    },
    "active": "total - L*(E - k)*X",
    # The checkpoint's mtp.0.* (DeepSeek's inference/model.py, MTPBlock): a whole layer
    # whose attention has no compressor (its compress_ratios entry is 0), projections
    # of the token's embedding and of the hidden state, three norms and its own collapse
    # of the streams; the token table and the head are the main model's
    "mtp": "N * (A + HC + d*E + E*X + X + (2*Ie + d if mlp_bias else 0) + 2*d + qr + h"
           " + 2*d*d + 3*d + hc*hc*d + hc + 1)",
}


# ---- towers: the vision and audio towers of multimodal models, and their projectors
# A *ForConditionalGeneration multimodal class holds its language model (the
# text_config, counted by the family's rules, TEXT_CONFIGS below) and, beside it, towers
# whose keys are in nested configs (vision_config, audio_config). TOWERS gives, per
# outer model_type: "configs": each nested config, the model_type it must have (the
# class transformers fills it with) and "absent", the keys transformers uses when it is
# absent or null (the SubConfigSpec's init_kwargs; none: the class's defaults);
# "reads": variables read as a family reads them, from the nested config's keys written
# "vision_config.hidden_size" or from the outer config's own keys, with the nested
# class's defaults; "checks", "let"; and "count", one expression per part
# (TOWER_PARTS). The expressions also see the language model's variables (d: its
# hidden size).
TOWER_PARTS = ("vision_tower", "audio_tower", "projector")
SIGLIP_VISION = {  # SiglipVisionConfig's defaults
    "Dv": ["vision_config.hidden_size", 768],
    "Iv": ["vision_config.intermediate_size", 3072],
    "Lv": ["vision_config.num_hidden_layers", 12],
    "Hv": ["vision_config.num_attention_heads", 12],
    "Cv": ["vision_config.num_channels", 3], "Sv": ["vision_config.image_size", 224],
    "Pv": ["vision_config.patch_size", 16],
    "pool": ["vision_config.vision_use_head", True]}
# a ViT layer: q, k, v and output projections with biases; an MLP of width Iv with
# biases; two LayerNorms with a shift
VIT_LAYER = "4*(Dv*Dv + Dv) + 2*Dv*Iv + Iv + Dv + 4*Dv"
# SigLIP's tower: patches by a convolution with a bias, Np learned positions; the
# layers; a LayerNorm; the attention-pooling head (a probe, torch's MultiheadAttention,
# a LayerNorm, an MLP) where vision_use_head
SIGLIP_TOWER = (f"Cv*Pv*Pv*Dv + Dv + Np*Dv + Lv*({VIT_LAYER}) + 2*Dv"
                " + (Dv + 4*Dv*Dv + 4*Dv + 2*Dv + 2*Dv*Iv + Iv + Dv if pool else 0)")
TOWERS = {
    "gemma3": {
        "title": "SigLIP vision tower, and a projector to the language model",
        "configs": {"vision_config": {"model_type": "siglip_vision_model"}},
        "reads": SIGLIP_VISION,
        "checks": [["Dv % Hv == 0", "vision_config.num_attention_heads",
                    "'hidden_size' is not divisible by 'num_attention_heads'"]],
        "let": {"Np": "(Sv // Pv)*(Sv // Pv)"},  # a position per patch of the image
        "count": {
            "vision_tower": SIGLIP_TOWER,
            "projector": "Dv + Dv*d"},  # an RMSNorm, then a matrix to the text width
    },
    "mistral3": {
        "title": "Pixtral vision tower, and a patch merger and projector",
        # Mistral3Config's SubConfigSpec for a vision_config it is not given
        "configs": {"vision_config": {"model_type": "pixtral", "absent": {
            "intermediate_size": 4096, "hidden_size": 1024, "patch_size": 14,
            "num_hidden_layers": 24, "num_attention_heads": 16}}},
        "reads": {"Dv": ["vision_config.hidden_size", 1024],
                  "Iv": ["vision_config.intermediate_size", 4096],
                  "Lv": ["vision_config.num_hidden_layers", 24],
                  "Hv": ["vision_config.num_attention_heads", 16],
                  "Cv": ["vision_config.num_channels", 3],
                  "Pv": ["vision_config.patch_size", 16],
                  "ms": ["spatial_merge_size", 2],
                  "nf": {"key": "vision_feature_layer", "layers": True},
                  "pbias": ["multimodal_projector_bias", False]},
        "checks": [["Dv // Hv > 0", "vision_config.num_attention_heads",
                    "more attention heads than 'hidden_size': a head would be 0 wide"]],
        "count": {
            # patches by a convolution without bias, an RMSNorm; layers of bias-free
            # attention (q, k, v, o), a gated MLP and two RMSNorms
            "vision_tower": "Cv*Pv*Pv*Dv + Dv + Lv*(4*Dv*Dv + 3*Dv*Iv + 2*Dv)",
            # an RMSNorm; the patch merger (ms x ms patches to one); two linear layers,
            # the first from the nf vision layers' features joined
            "projector": "Dv + ms*ms*Dv*Dv + nf*Dv*d + d*d + (2*d if pbias else 0)"},
    },
    "llama4": {
        "title": "Llama 4 vision tower (with its pixel-shuffle adapter) and projector",
        "configs": {"vision_config": {"model_type": None}},  # Llama4VisionConfig always
        "reads": {"Dv": ["vision_config.hidden_size", 768],
                  "Lv": ["vision_config.num_hidden_layers", 34],
                  "Hv": ["vision_config.num_attention_heads", 16],
                  "Cv": ["vision_config.num_channels", 3],
                  "Iv": ["vision_config.intermediate_size", 5632],
                  "Ov": ["vision_config.vision_output_dim", 7680],
                  "Sv": ["vision_config.image_size", 448],
                  "Pv": ["vision_config.patch_size", 14],
                  "Pi": ["vision_config.projector_input_dim", 4096],
                  "Po": ["vision_config.projector_output_dim", 4096]},
        "checks": [["Sv // Pv > 0", "vision_config.image_size",
                    "'image_size' is smaller than 'patch_size': not one patch"]],
        "let": {"hv": "Dv // Hv"},  # Llama4VisionAttention's head width, rounded down
        "count": {
            # patches by a linear layer without bias; a class token and a learned
            # position per patch and for it; LayerNorms before and after the layers;
            # layers with biased q, k, v, o of Hv heads of hv; the adapter's two layers
            # (the first reads Iv features, as transformers builds it)
            "vision_tower": "Cv*Pv*Pv*Dv + Dv + ((Sv // Pv)*(Sv // Pv) + 1)*Dv + 4*Dv"
                            " + Lv*(4*Hv*hv*Dv + 3*Hv*hv + Dv + 2*Dv*Iv + Iv + Dv"
                            " + 4*Dv)"
                            " + Iv*Pi + Po*Po",
            "projector": "Ov*d"},
    },
}


# Qwen2.5-VL: its config.json is flat (the language model's keys at the top, as
# Qwen2_5_VLConfig pops them into its text_config); a Qwen2 language model whose head
# width is always d / H, and a vision tower whose patch merger is its projector
FAMILIES["qwen2_5_vl"] = {
    **PLAIN_GQA, "title": "Qwen2.5-VL (language model; vision tower apart)",
    # Qwen2_5_VLTextConfig's defaults
    "reads": {**{k: v for k, v in LLAMA_READS.items() if k != "h"},
              "V": ["vocab_size", 152064], "d": ["hidden_size", 8192],
              "I": ["intermediate_size", 29568], "L": ["num_hidden_layers", 80],
              "H": ["num_attention_heads", 64]},
    "let": {"h": "d / H"},
    "count": {**PLAIN_GQA["count"],
              "attention": f"L * ({QKVO} + H*h + 2*K*h)"},  # q, k, v biases
}
TOWERS["qwen2_5_vl"] = {
    "title": "a vision tower, and its patch merger as the projector",
    "class": "Qwen2_5_VLForConditionalGeneration",  # no text_config: the class to name
    "text_config": True,  # read instead of the top keys where a config has one
    "configs": {"vision_config": {"model_type": None}},  # Qwen2_5_VLVisionConfig always
    "reads": {"Dv": ["vision_config.hidden_size", 3584],
              "Iv": ["vision_config.intermediate_size", 3420],
              "Lv": ["vision_config.depth|vision_config.num_hidden_layers", 32],
              "Hv": ["vision_config.num_heads|vision_config.num_attention_heads", 16],
              "Cv": ["vision_config.in_channels", 3],
              "Pv": ["vision_config.patch_size", 14],
              "Tp": ["vision_config.temporal_patch_size", 2],
              "ms": ["vision_config.spatial_merge_size", 2],
              "Do": ["vision_config.out_hidden_size", 3584]},
    "checks": [["Dv // Hv > 0", "vision_config.num_heads",
                "more attention heads than 'hidden_size': a head would be 0 wide"]],
    "let": {"Dm": "Dv*ms*ms"},  # ms x ms patches joined
    "count": {
        # patches (and Tp frames) by a 3-D convolution without bias; layers of RMSNorms,
        # fused q, k, v with biases, an output projection with a bias, a gated MLP with
        # biases
        "vision_tower": "Cv*Tp*Pv*Pv*Dv + Lv*(2*Dv + 4*Dv*Dv + 4*Dv"
                        " + 3*Dv*Iv + 2*Iv + Dv)",
        # an RMSNorm, then two linear layers with biases to the language model's width
        "projector": "Dv + Dm*Dm + Dm + Dm*Do + Do"},
}


# Qwen3-VL and Qwen3-VL-MoE: the language model in a text_config (Qwen3's shapes, and
# Qwen3-MoE's, with the defaults of Qwen3VLTextConfig and Qwen3VLMoeTextConfig), and a
# vision tower with learned positions whose merger and deepstack mergers (one per layer
# in deepstack_visual_indexes) are its projector
FAMILIES["qwen3_vl_text"] = {
    **FAMILIES["qwen3"], "title": "Qwen3-VL (language model)",
    "reads": {**FAMILIES["qwen3"]["reads"], "V": ["vocab_size", 151936],
              "d": ["hidden_size", 4096], "I": ["intermediate_size", 22016],
              "L": ["num_hidden_layers", 32], "H": ["num_attention_heads", 32]},
}
FAMILIES["qwen3_vl_moe_text"] = {
    **FAMILIES["qwen3_moe"], "title": "Qwen3-VL-MoE (language model)",
    "reads": {**FAMILIES["qwen3_moe"]["reads"], "V": ["vocab_size", 151936],
              "d": ["hidden_size", 2048], "I": ["intermediate_size", 5632],
              "L": ["num_hidden_layers", 24], "H": ["num_attention_heads", 16],
              "h": ["head_dim", "d // H", "d // H"],
              "E": ["num_experts|num_local_experts", 60],
              "k": ["num_experts_per_tok", 4], "Ie": ["moe_intermediate_size", 1408],
              "tied": ["tie_word_embeddings", True]},
}
QWEN3_VL_VISION = {
    "title": "a vision tower, and its merger and deepstack mergers as the projector",
    "configs": {"vision_config": {"model_type": None}},  # its vision config's class
    # Qwen2.5-VL's keys, with Qwen3VLVisionConfig's defaults, and learned positions
    "reads": {**TOWERS["qwen2_5_vl"]["reads"],
              "Dv": ["vision_config.hidden_size", 1152],
              "Iv": ["vision_config.intermediate_size", 4304],
              "Lv": ["vision_config.depth|vision_config.num_hidden_layers", 27],
              "Pv": ["vision_config.patch_size", 16],
              "Np": ["vision_config.num_position_embeddings", 2304],
              "ds": {"key": "vision_config.deepstack_visual_indexes"}},
    "checks": TOWERS["qwen2_5_vl"]["checks"],
    # ms x ms patches joined; the deepstack mergers, three by default
    "let": {"Dm": "Dv*ms*ms", "Nd": "3 if ds is None else len(ds)"},
    "count": {
        # patches (and Tp frames) by a 3-D convolution with a bias; a learned position
        # per patch; layers of LayerNorms, fused q, k, v with biases, an output
        # projection and an MLP with biases
        "vision_tower": "Cv*Tp*Pv*Pv*Dv + Dv + Np*Dv + Lv*(4*Dv + 4*Dv*Dv + 4*Dv"
                        " + 2*Dv*Iv + Iv + Dv)",
        # each merger: a LayerNorm (the deepstack ones after joining the patches), two
        # linear layers with biases
        "projector": "2*Dv + Nd*2*Dm + (Nd + 1)*(Dm*Dm + Dm + Dm*Do + Do)"},
}
TOWERS["qwen3_vl"] = QWEN3_VL_VISION
TOWERS["qwen3_vl_moe"] = QWEN3_VL_VISION


# Whisper: an encoder-decoder on audio. The decoder, which writes the text, is its
# language model; the encoder (a convolution front end on the mel spectrogram, fixed
# sinusoidal positions stored as a table, transformer layers) its audio tower. Attention
# projects q, v and the output with biases, k without. WhisperConfig's attribute_map
# gives the encoder's keys other names (num_hidden_layers, num_attention_heads)
FAMILIES["whisper"] = {
    "title": "Whisper (the decoder; the audio encoder apart)",
    # WhisperConfig's defaults (whisper-tiny's shapes)
    "reads": {"V": ["vocab_size", 51865], "d": ["d_model|hidden_size", 384],
              "Le": ["encoder_layers|num_hidden_layers", 4],
              "Ld": ["decoder_layers", 4], "Hd": ["decoder_attention_heads", 6],
              "Fd": ["decoder_ffn_dim", 1536], "P": ["max_target_positions", 448],
              "tied": ["tie_word_embeddings", True]},
    "checks": [["d % Hd == 0", "decoder_attention_heads",
                "'d_model' is not divisible by 'decoder_attention_heads'"]],
    "let": {"L": "Ld", "H": "Hd"},  # the layers and heads of the activations estimate
    "count": {"embeddings": "V*d + P*d",  # tokens and learned positions
              "attention": "Ld * 2*(4*d*d + 3*d)",  # self and cross
              "mlp": "Ld * (2*d*Fd + Fd + d)",
              "norms": "(3*Ld + 1) * 2*d",  # LayerNorms with a shift
              "output_head": UNTIED_HEAD},
    "kv_cache": "2*Ld*d",  # decoder self-attention (cross-attention cache aside)
}
TOWERS["whisper"] = {
    "title": "an audio encoder",
    "class": "WhisperForConditionalGeneration",
    "configs": {},  # its keys are the config's own
    "reads": {"He": ["encoder_attention_heads|num_attention_heads|num_key_value_heads",
                     6],
              "Fe": ["encoder_ffn_dim", 1536],
              "Nm": ["num_mel_bins", 80], "Ps": ["max_source_positions", 1500]},
    "checks": [["d % He == 0", "encoder_attention_heads",
                "'d_model' is not divisible by 'encoder_attention_heads'"]],
    # two convolutions of kernel 3 with biases; a position table; layers; a LayerNorm
    "count": {"audio_tower": "3*Nm*d + d + 3*d*d + d + Ps*d"
                             " + Le*(4*d*d + 3*d + 2*d*Fe + Fe + d + 4*d) + 2*d"},
}


# ---- qwen35towers: Qwen3.5's vision tower and merger (qwen3_5, qwen3_5_moe)
# Qwen3_5VisionModel (and Qwen3_5MoeVisionModel) is Qwen3-VL's vision tower, with the
# same keys and defaults (Qwen3_5VisionConfig), less the deepstack mergers: it builds
# none, whatever deepstack_visual_indexes says (real configs write it as [])
QWEN3_5_VISION = {
    **QWEN3_VL_VISION, "title": "a vision tower, and its merger as the projector",
    "reads": {k: v for k, v in QWEN3_VL_VISION["reads"].items() if k != "ds"},
    "let": {**QWEN3_VL_VISION["let"], "Nd": "0"},
}
TOWERS["qwen3_5"] = QWEN3_5_VISION
TOWERS["qwen3_5_moe"] = QWEN3_5_VISION

# ---- lfm2vl: LFM2-VL's vision tower and projector (lfm2_vl)
# Lfm2VlForConditionalGeneration (modeling_lfm2_vl.py): an lfm2 language model, the
# vision model vision_config names (Siglip2VisionModel) and Lfm2VlMultiModalProjector.
# Siglip2VisionModel is SigLIP's tower with Siglip2VisionConfig's keys and defaults
# (SigLIP's, but num_patches for image_size): its patches go through a linear layer
# with a bias (as many parameters as SigLIP's convolution), to num_patches positions
TOWERS["lfm2_vl"] = {
    "title": "SigLIP2 vision tower, and its projector to the language model",
    "configs": {"vision_config": {"model_type": "siglip2_vision_model"}},
    "reads": {**{k: v for k, v in SIGLIP_VISION.items() if k != "Sv"},
              "Np": ["vision_config.num_patches", 256],
              # Lfm2VlConfig's defaults
              "f": ["downsample_factor", 2], "Ip": ["projector_hidden_size", 2560],
              "pb": ["projector_bias", True], "pln": ["projector_use_layernorm", True]},
    "checks": TOWERS["gemma3"]["checks"],
    "let": {"Dm": "Dv*f*f"},  # f x f patches joined (pixel unshuffle)
    "count": {
        "vision_tower": SIGLIP_TOWER,
        # a LayerNorm where projector_use_layernorm, then two linear layers
        "projector": "(2*Dm if pln else 0) + Dm*Ip + Ip*d + (Ip + d if pb else 0)"},
}

# ---- voxtral: Voxtral's audio tower and projector (voxtral)
# VoxtralForConditionalGeneration (modeling_voxtral.py): the language model its
# text_config names (llama by default, with VoxtralConfig's defaults: TEXT_CONFIGS), a
# VoxtralEncoder and VoxtralMultiModalProjector. The encoder is Whisper's, with its own
# width (audio_config.hidden_size, not the language model's d) and the keys (its
# attribute_map's Whisper names too) and defaults of VoxtralEncoderConfig
TOWERS["voxtral"] = {
    "title": "an audio encoder (Whisper's), and its projector to the language model",
    "configs": {"audio_config": {"model_type": "voxtral_encoder"}},
    "reads": {"Da": ["audio_config.hidden_size|audio_config.d_model", 1280],
              "La": ["audio_config.num_hidden_layers|audio_config.encoder_layers", 32],
              "Ha": ["audio_config.num_attention_heads"
                     "|audio_config.encoder_attention_heads", 20],
              "Fa": ["audio_config.intermediate_size|audio_config.encoder_ffn_dim",
                     5120],
              "Nm": ["audio_config.num_mel_bins", 128],
              "Ps": ["audio_config.max_source_positions", 1500]},
    "checks": [["Da % Ha == 0", "audio_config.num_attention_heads",
                "'hidden_size' is not divisible by 'num_attention_heads'"]],
    "count": {
        "audio_tower": renamed(TOWERS["whisper"]["count"]["audio_tower"],
                               {"d": "Da", "Le": "La", "Fe": "Fa"}),
        # two linear layers without biases: the encoder's outputs regrouped to Fa
        # features (four frames of Da by default), to the text width, then d to d
        "projector": "Fa*d + d*d"},
}
# ---- towers2: Gemma 4's vision and audio towers, Kimi-K2.5's MoonViT (issue 27)
# Gemma4Model (modeling_gemma4.py) builds a vision tower where vision_config is given
# and an audio tower where audio_config is (both optional: null or absent, none), each
# with an embedder into the language model, which is their projector. Its nested config
# classes are fixed (Gemma4VisionConfig, Gemma4AudioConfig): a model_type there is not
# read. The clipped linear layers' bounds and the vision standardizer are buffers.
TOWERS["gemma4"] = {
    "title": "a vision tower and an audio tower where the config names them, and "
             "their embedders as the projector",
    "configs": {"vision_config": {"model_type": None, "optional": True},
                "audio_config": {"model_type": None, "optional": True}},
    "reads": {"Tv": ["vision_config", False], "Ta": ["audio_config", False],
              # Gemma4VisionConfig's defaults
              "Dv": ["vision_config.hidden_size", 768],
              "Iv": ["vision_config.intermediate_size", 3072],
              "Lv": ["vision_config.num_hidden_layers", 16],
              "Hv": ["vision_config.num_attention_heads", 12],
              "Kv": ["vision_config.num_key_value_heads", 12],
              "hv": ["vision_config.head_dim", 64],
              "Pv": ["vision_config.patch_size", 16],
              "Ps": ["vision_config.position_embedding_size", 10240],
              # Gemma4AudioConfig's
              "Da": ["audio_config.hidden_size", 1024],
              "La": ["audio_config.num_hidden_layers", 12],
              "Ha": ["audio_config.num_attention_heads", 8],
              "ch": {"key": "audio_config.subsampling_conv_channels"},
              "Ka": ["audio_config.conv_kernel_size", 5],
              "Oa": ["audio_config.output_proj_dims", 1536]},
    "checks": [["not Tv or Kv > 0", "vision_config.num_key_value_heads",
                "'num_key_value_heads' must be at least 1"],
               ["not Tv or hv % 2 == 0", "vision_config.head_dim",
                "'head_dim' must be even (its rotary embedding turns pairs of values)"],
               ["ch is None or len(ch) >= 2 and min(at(ch, 0), at(ch, 1)) > 0",
                "audio_config.subsampling_conv_channels",
                "'subsampling_conv_channels' must give two channel counts, each 1 or "
                "more"]],
    "let": {"c0": "128 if ch is None else at(ch, 0)",
            "c1": "32 if ch is None else at(ch, 1)",
            "ha": "Da // Ha"},  # an audio head's width, rounded down
    "count": {
        # patches (3 channels) by a linear layer, a table of positions per axis; layers
        # of q, k, v, o over their heads, q and k norms over one head, a gated MLP and
        # four RMSNorms
        "vision_tower": "3*Pv*Pv*Dv + 2*Ps*Dv + Lv*(Dv*hv*(2*Hv + 2*Kv) + 2*hv + 4*Dv"
                        " + 3*Dv*Iv) if Tv else 0",
        # two strided convolutions, each with a LayerNorm without shift, and a linear
        # layer from their features (c0 // 4 of c1 channels); conformer layers: two
        # feed-forward blocks (4x wide, two norms each), attention with a relative
        # position projection and a scale per head dimension, a light convolution
        # block (a gated linear layer, a depthwise convolution, a linear layer, two
        # norms) and three norms; an output projection with a bias
        "audio_tower": "9*c0 + c0 + 9*c0*c1 + c1 + (c0 // 4)*c1*Da + La*(20*Da*Da"
                       " + 4*Da*Ha*ha + ha + Da*Ka + 9*Da) + Da*Oa + Oa if Ta else 0",
        # each tower's embedder: a norm without scale, a matrix to the text width
        "projector": "(Dv*d if Tv else 0) + (Oa*d if Ta else 0)"},
}
# Kimi-K2.5 (Kimi_K25Model, modeling_kimi_k25.py): MoonViT, and a projector from the
# merged patches. Kimi_K25VisionConfig is its vision config whatever its model_type
# says; the remote code's keys (vt_hidden_size...) are not read by transformers, which
# builds its own defaults (those of Kimi-K2.5's config).
TOWERS["kimi_k25"] = {
    "title": "MoonViT vision tower, and its projector to the language model",
    "configs": {"vision_config": {"model_type": None}},
    "reads": {"Dv": ["vision_config.hidden_size", 1152],
              "Iv": ["vision_config.intermediate_size", 4304],
              "Lv": ["vision_config.num_hidden_layers", 27],
              "Hv": ["vision_config.num_attention_heads", 16],
              "Pv": ["vision_config.patch_size", 14],
              "Ph": ["vision_config.pos_emb_height", 64],
              "Pw": ["vision_config.pos_emb_width", 64],
              "mk": {"key": "vision_config.merge_kernel_size"},
              "Dp": ["projection_hidden_size", 1152]},  # Kimi_K25Config's
    "checks": [["Hv > 0", "vision_config.num_attention_heads",
                "'num_attention_heads' must be at least 1"],
               ["Dv % 2 == 0", "vision_config.hidden_size",
                "'hidden_size' must be even (the frames' sinusoidal positions come in "
                "sine and cosine pairs)"],
               ["mk is None or len(mk) == 2 and min(at(mk, 0), at(mk, 1)) > 0",
                "vision_config.merge_kernel_size",
                "'merge_kernel_size' must give two sizes, each 1 or more"]],
    "let": {"Dm": "Dv*(4 if mk is None else at(mk, 0)*at(mk, 1))"},  # merged patches
    "count": {
        # patches by a convolution with a bias, a learned grid of Ph x Pw positions;
        # layers of two LayerNorms, q, k, v and output projections and an MLP, all with
        # biases; a final LayerNorm
        "vision_tower": "3*Pv*Pv*Dv + Dv + Ph*Pw*Dv + Lv*(4*Dv + 4*(Dv*Dv + Dv)"
                        " + 2*Dv*Iv + Iv + Dv) + 2*Dv",
        # a LayerNorm of projection_hidden_size, two linear layers with biases
        "projector": "2*Dp + Dm*Dm + Dm + Dm*d + d"},
}

# ------------------------------------------------------------------ the model it names
# The class transformers builds for each family (for causal language modelling; T5's for
# sequence to sequence). A config whose model_type is not a transformers family (remote
# code, such as Kimi-K2's kimi_k2) but whose "architectures" names one of these classes
# is counted as that family, and the count says so.
BUILDS = {
    "bloom": "BloomForCausalLM", "cohere": "CohereForCausalLM",
    "deepseek_v2": "DeepseekV2ForCausalLM", "deepseek_v3": "DeepseekV3ForCausalLM",
    "falcon": "FalconForCausalLM", "gemma": "GemmaForCausalLM",
    "gemma2": "Gemma2ForCausalLM", "gemma3_text": "Gemma3ForCausalLM",
    "gpt2": "GPT2LMHeadModel", "gpt_neox": "GPTNeoXForCausalLM",
    "gptj": "GPTJForCausalLM", "granite": "GraniteForCausalLM",
    "llama": "LlamaForCausalLM",
    "mistral": "MistralForCausalLM", "mixtral": "MixtralForCausalLM",
    "olmo": "OlmoForCausalLM", "olmo2": "Olmo2ForCausalLM", "opt": "OPTForCausalLM",
    "phi": "PhiForCausalLM", "phi3": "Phi3ForCausalLM", "qwen2": "Qwen2ForCausalLM",
    "qwen2_moe": "Qwen2MoeForCausalLM", "qwen3": "Qwen3ForCausalLM",
    "qwen3_moe": "Qwen3MoeForCausalLM", "stablelm": "StableLmForCausalLM",
    "starcoder2": "Starcoder2ForCausalLM", "t5": "T5ForConditionalGeneration",
    "olmo3": "Olmo3ForCausalLM", "smollm3": "SmolLM3ForCausalLM",
    "exaone4": "Exaone4ForCausalLM", "cohere2": "Cohere2ForCausalLM",
    "ernie4_5": "Ernie4_5ForCausalLM", "glm4": "Glm4ForCausalLM",
    "olmoe": "OlmoeForCausalLM", "phimoe": "PhimoeForCausalLM",
    "minimax_m2": "MiniMaxM2ForCausalLM", "gpt_oss": "GptOssForCausalLM",
    "glm4_moe": "Glm4MoeForCausalLM", "ernie4_5_moe": "Ernie4_5_MoeForCausalLM",
    "deepseek_v32": "DeepseekV32ForCausalLM", "glm4_moe_lite": "Glm4MoeLiteForCausalLM",
    "llama4_text": "Llama4ForCausalLM", "mt5": "MT5ForConditionalGeneration",
    "bart": "BartForConditionalGeneration", "ministral3": "Ministral3ForCausalLM",
    "mamba2": "Mamba2ForCausalLM", "qwen3_next": "Qwen3NextForCausalLM",
    "nemotron_h": "NemotronHForCausalLM",
    "falcon_h1": "FalconH1ForCausalLM",
    "granitemoehybrid": "GraniteMoeHybridForCausalLM",
    "lfm2": "Lfm2ForCausalLM",
    "qwen3_5_text": "Qwen3_5ForCausalLM", "qwen3_5_moe_text": "Qwen3_5MoeForCausalLM",
    "gemma4_text": "Gemma4ForCausalLM", "glm_moe_dsa": "GlmMoeDsaForCausalLM",
    "deepseek_v4": "DeepseekV4ForCausalLM",
}
# Classes that hold another model than the one a family's rules count: per family, the
# class its config's "architectures" names first, and the rules that replace the
# family's for it.
T5_ENCODER = {"count": {"embeddings": "V*d", "attention": "Le * 4*d*H*h",
                        "mlp": "Le * (wi + 1)*d*F", "norms": "(2*Le + 1) * d",
                        "other": "B*H"},
              "kv_cache": None}
ARCHITECTURES = {
    "t5": {"T5EncoderModel": {  # the text encoder that image generators ship
        **T5_ENCODER, "title": "T5 encoder alone (T5EncoderModel)"}},
    "mt5": {"MT5EncoderModel": {
        **T5_ENCODER, "title": "mT5 encoder alone (MT5EncoderModel)"}},
}
# Multimodal configs whose language model is a nested text_config: the model_type a
# text_config without one takes (its config class's default, as transformers fills it),
# the class transformers builds, what it holds beside the language model (which the
# count leaves out), and "tied": the default of the outer config's tie_word_embeddings,
# which decides whether the head is tied (PreTrainedModel.tie_weights reads the outer
# config), whatever the text_config says; null unties it where the class allows null
# ("null unties"), and is refused where it does not. Without "tied", the language
# model is a model for causal language modelling of its own, tied as its text_config
# says (Llama 4). "renamed": a text_config model_type the outer config class reads as
# another.
TEXT_CONFIGS = {
    "gemma3": {"default": "gemma3_text", "class": "Gemma3ForConditionalGeneration",
               "beside": "a vision tower (SigLIP) and its projector", "tied": True,
               "null unties": True},
    "mistral3": {"default": "mistral", "class": "Mistral3ForConditionalGeneration",
                 "beside": "a vision tower (Pixtral) and its projector", "tied": True,
                 "null unties": False},
    "llama4": {"default": "llama4_text", "class": "Llama4ForConditionalGeneration",
               "beside": "a vision tower and its projector", "null unties": False},
    "qwen3_5": {"default": "qwen3_5_text", "class": "Qwen3_5ForConditionalGeneration",
                "beside": "a vision tower and its patch merger", "tied": False,
                "null unties": False},
    "qwen3_5_moe": {"default": "qwen3_5_moe_text",
                    "class": "Qwen3_5MoeForConditionalGeneration",
                    "beside": "a vision tower and its patch merger", "tied": False,
                    "null unties": False},
    "gemma4": {"default": "gemma4_text", "class": "Gemma4ForConditionalGeneration",
               "beside": "a vision tower, an audio tower where the config names one, "
                         "and their projectors", "tied": True, "null unties": False},
    # Kimi-K2.5: DeepSeek-V3's shapes; Kimi_K25Config reads the remote-code model_type
    # kimi_k2 of its text_config as deepseek_v3 ("renamed")
    "kimi_k25": {"default": "deepseek_v3", "class": "Kimi_K25ForConditionalGeneration",
                 "beside": "a vision tower (MoonViT) and its projector", "tied": True,
                 "null unties": False, "renamed": {"kimi_k2": "deepseek_v3"}},
    "qwen3_vl": {"default": "qwen3_vl_text", "class": "Qwen3VLForConditionalGeneration",
                 "beside": "a vision tower and its mergers", "tied": False,
                 "null unties": False},
    "qwen3_vl_moe": {"default": "qwen3_vl_moe_text",
                     "class": "Qwen3VLMoeForConditionalGeneration",
                     "beside": "a vision tower and its mergers", "tied": False,
                     "null unties": False},
    # "tie keys": the outer flag's names, the first one a config uses deciding
    # (Lfm2VlConfig reads tie_embedding in place of tie_word_embeddings)
    "lfm2_vl": {"default": "lfm2", "class": "Lfm2VlForConditionalGeneration",
                "beside": "a vision tower (SigLIP2) and its projector", "tied": True,
                "null unties": False,
                "tie keys": ["tie_embedding", "tie_word_embeddings"]},
    # Voxtral: "text defaults", the keys VoxtralConfig fills a text_config with, under
    # those it names (its SubConfigSpec's init_kwargs, which __post_init__ also merges
    # into a given one); "default class keys", those of the default's class
    # (LlamaConfig) that its rules require, for a text_config of that model_type; "tie
    # keys" none: VoxtralForConditionalGeneration ties no weights, whatever a flag says
    "voxtral": {"default": "llama", "class": "VoxtralForConditionalGeneration",
                "beside": "an audio tower (Whisper's encoder) and its projector",
                "tied": False, "null unties": True, "tie keys": [],
                "default class keys": {"num_attention_heads": 32},
                "text defaults": {
                    "vocab_size": 131072, "hidden_size": 3072,
                    "intermediate_size": 8192, "num_hidden_layers": 30,
                    "num_key_value_heads": 8,
                    "max_position_embeddings": 131072, "rms_norm_eps": 1e-05,
                    "use_cache": True, "rope_theta": 100000000.0, "head_dim": 128}},
}


# Where the config class's default for num_key_value_heads is a number, not "as many as
# the attention heads" (which is what null means for every family).
KV_HEADS_DEFAULT = {"gemma": 16, "gemma2": 4, "gemma3_text": 4, "mistral": 8,
                    "mixtral": 8, "qwen2": 32, "qwen2_moe": 16, "qwen3": 32,
                    "qwen3_moe": 4, "stablelm": 32, "starcoder2": 2, "smollm3": 4,
                    "exaone4": 32, "ernie4_5": 2, "glm4": 2, "phimoe": 8,
                    "minimax_m2": 8, "gpt_oss": 8, "glm4_moe": 8, "ernie4_5_moe": 4,
                    "llama4_text": 8, "ministral3": 8, "qwen3_next": 2,
                    "nemotron_h": 8, "falcon_h1": 8, "lfm2": 8, "qwen3_5_text": 4,
                    "qwen3_5_moe_text": 2, "gemma4_text": 4,

                    "qwen2_5_vl": 8, "qwen3_vl_text": 32, "qwen3_vl_moe_text": 16}
for _name, _heads in KV_HEADS_DEFAULT.items():
    _reads = FAMILIES[_name]["reads"]
    FAMILIES[_name]["reads"] = {**_reads, "K": ["num_key_value_heads", _heads, "H"]}


# ------------------------------------------------------------------ the words for them
# How the calculator names the components (the rows of its breakdown) and the variables
# of the rules (its fields): every family names the same quantity the same way.
COMPONENT_LABELS = {
    "embeddings": "Embeddings (token, position, type tables)",
    "attention": "Attention and other token mixers (all layers)",
    "mlp": "MLP and experts (all layers)",
    "norms": "Norms",
    "output_head": "Output head",
    "other": "Other (pooler, projections, position bias)",
    "vision_tower": "Vision tower (image encoder)",
    "audio_tower": "Audio tower (audio encoder)",
    "projector": "Projector (tower features to the language model)",
}
VARIABLE_LABELS = {
    "V": "Vocabulary size", "d": "Hidden size", "L": "Layers", "Le": "Encoder layers",
    "He": "Encoder attention heads", "Hd": "Decoder attention heads",
    "Fe": "Encoder MLP width", "Fd": "Decoder MLP width",
    "Ld": "Decoder layers", "H": "Attention heads", "K": "Key/value heads",
    "h": "Head dimension", "I": "MLP width", "F": "MLP width", "P": "Learned positions",
    "T": "Token types", "p": "Word embedding width",
    "tied": "Output head tied to the token embeddings", "E": "Experts (routed)",
    "k": "Experts per token", "Ie": "Expert MLP width", "Is": "Shared expert MLP width",
    "S": "Shared experts", "dense": "Dense layers before the first MoE layer",
    "N": "Multi-token prediction layers (in the checkpoint, not the total)",
    "head_bias": "Bias in the output head",
    "first": "First MoE layer (from 0)", "last": "Last MoE layer (from 0)",
    "types": "MLP kind of each layer (list: dense, sparse)",
    "iH": "Indexer heads", "ihd": "Indexer head dimension",
    "Im": "Dense MLP width", "ml": "MoE layers (list)",
    "nh": "SSM heads", "hd": "SSM head dimension", "Ns": "SSM state size",
    "G": "SSM groups (B and C)", "X": "Inner width over hidden size (expand)",
    "Kc": "Convolution kernel", "cbias": "Bias in the convolution",
    "Kh": "Linear-attention key heads", "Vh": "Linear-attention value heads",
    "Kd": "Linear-attention key head dimension",
    "Vd": "Linear-attention value head dimension",
    "fi": "Full attention every (layers)",
    "step": "MoE layer every (layers)", "skip": "Layers with a dense MLP (list)",
    "qr": "Query low-rank width (null: none)", "kr": "Key/value low-rank width",
    "nope": "Query/key head width without rotary",
    "rope": "Rotary query/key head width", "vh": "Value head width",
    "B": "Relative position buckets", "act": "Feed-forward kind",
    "n_ln": "LayerNorms per parallel block",
    "new": "New decoder architecture (grouped key/value heads)",
    "mq": "Multi-query attention", "par": "Attention and MLP in parallel",
    "bias": "Biases in the linear layers",
    "attn_bias": "Biases in the attention projections",
    "mlp_bias": "Biases in the MLP projections",
    "qkv_bias": "Biases in the q, k, v projections",
    "qk_norm": "Norms on queries and keys",
    "pre": "LayerNorm before each sub-block (pre-norm)",
    "no_final": "Final LayerNorm removed",
    "affine": "LayerNorms have a gain and a shift",
    "lat": "Expert latent width (null: the hidden size)",
    "pat": "Layer pattern (M Mamba-2, * attention, - MLP, E MoE)",
    "Ds": "Mamba width (null: expand x hidden size)",
    "obias": "Bias in the Mamba output projection",
    "gnorm": "Gated RMSNorm in the Mamba mixer",
    "bm": "MLP width rounded to a multiple of", "mult": "MLP width factor",
    "adj": "MLP width adjusted (2/3, factor, rounded)",
    "idx": "Attention layers (list)",
    "gh": "Head dimension of full-attention layers",
    "Kg": "Key/value heads of full-attention layers (null: as the others)",
    "kev": "Full-attention layers use their keys as values",
    "Sk": "Last layers reusing an earlier layer's KV cache",
    "Pd": "Per-layer embedding width (0: none)",
    "Vp": "Per-layer embedding vocabulary",
    "dw": "Double-width MLP in the layers that share a KV cache",
    "moe": "Mixture-of-experts block beside the MLP",
    "it": "Indexer of each layer (list: full, shared)",
    "fq": "Indexer every (layers), after the first ones",
    "off": "Layers with an indexer before the schedule starts",
    "og": "Output projection groups", "olr": "Output projection rank per group",
    "hc": "Hyper-connection streams", "crc": "Tokens per compressed entry (CSA)",
    "crh": "Tokens per compressed entry (HCA)",
    "lt": "Attention kind of each layer (list)",
    "cr": "Compression ratio of each layer (list: 0, 4, 128)",
    "mt": "Router kind of each layer (list: hash_moe, moe)",
    "ipat": "Indexer of each layer (F runs it, S reuses the last)",
}
