"""The memory footprint, ``memory()``: the bytes of the weights in a format, of the KV
cache, and of training, for a config and the options of the calculator's URL
(count_params.memory_rules has the rules and the options with their defaults)."""

from __future__ import annotations

import re

from count_params.counting import _count, _read, resolve
from count_params.errors import ConfigError
from count_params.expressions import evaluate
from count_params.memory_rules import (
    FORMATS,
    FP8_BLOCK,
    GGUF_TYPES,
    KEPT,
    KV_DTYPES,
    LORA_MODULES,
    MEMORY_DEFAULTS,
    OPTIONS,
)
from count_params.rules import MEMORY_RULES

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
        # the modules left unconverted: gpt-oss keeps its attention in 16 bits
        skip = q.get("modules_to_not_convert") or []
        if not (isinstance(skip, list) and all(isinstance(m, str) for m in skip)):
            raise ConfigError(f"{key}: modules_to_not_convert = {skip!r} is not a list "
                              "of module names", key)
        return {"weights": "mxfp4",
                "keep": ["attention"] if any(".self_attn" in m for m in skip) else []}
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
    _choice("training", opts["training"], list(OPTIONS["training"]["choices"]))
    opts["lora_rank"] = _whole("lora_rank", opts["lora_rank"])
    opts["lora_targets"] = _names("lora_targets", opts["lora_targets"], LORA_MODULES)
    _choice("checkpointing", opts["checkpointing"],
            list(OPTIONS["checkpointing"]["choices"]))
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
            bias = mem["biases"].get(part) if mem["bias16"] and not plain else None
            biases = 0 if bias is None else evaluate(bias, env, keys)
            # biases the quantizer leaves in 16 bits (gpt-oss's MXFP4 experts)
            out[part] = format_bytes(fmt_name, n - biases, env) + 2 * biases
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


# Attention layers by what they cache: every token, or the last W (a sliding window;
# Llama 4's chunks, whose cache transformers keeps as a window of the chunk size)
LAYER_KINDS = ("full_attention", "sliding_attention", "chunked_attention")


def _kv_layers(config: dict, env: dict, keys: dict, mem: dict, model_type: str):
    """(full-attention layers, sliding-window layers, window) of a decoder."""
    kv = mem["kv"]
    for read in kv["reads"]:
        env[read["var"]] = _read(config, read, env, keys, model_type)
    layers = evaluate(kv["layers"], env, keys)
    types = config.get("layer_types")
    if types is not None and kv["reads"] and not kv["types_in_rules"]:
        if not (isinstance(types, list) and len(types) == layers
                and all(t in LAYER_KINDS for t in types)):
            raise ConfigError(f"config key 'layer_types' must list {layers} entries, "
                              f"each {' or '.join(LAYER_KINDS)}", "layer_types")
        sliding = sum(1 for t in types if t != "full_attention")
    else:
        sliding = evaluate(kv["sliding"], env, keys)
    if sliding and env.get("W") is None:
        raise ConfigError("config key 'layer_types' has sliding layers but "
                          "'sliding_window' is null", "sliding_window")
    return layers - sliding, sliding, env.get("W")


def _fit_tokens(free: int, full: int, sliding: int, window,
                compressed: tuple = ()) -> int | None:
    """Most tokens of one sequence whose cache fits in free bytes (None: no limit);
    ``compressed``: (bytes, tokens) per entry that every so many tokens add."""
    if free < 0:
        return 0
    compressed = [(b, r) for b, r in compressed if b]
    if compressed:  # steps of entries: the largest t whose cache fits, by bisection
        def cost(t: int) -> int:
            return (full * t + (sliding * min(t, window) if sliding else 0)
                    + sum(b * (t // r) for b, r in compressed))
        lo, hi = 0, 1
        while cost(hi) <= free:
            lo, hi = hi, 2 * hi
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if cost(mid) <= free else (lo, mid)
        return lo
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
    inner, model_type, arch, _, _ = resolve(config)  # the config the rules read
    mem = MEMORY_RULES["families"][model_type]
    mem = mem["architectures"].get(arch, mem)
    env.setdefault("E", 1)  # the GGUF rules ask for the experts of dense models too
    quant = weights_from_config(config)
    fmt = opts["weights"] or (quant or {}).get("weights") or "bf16"
    source = ("option" if opts["weights"] else
              "quantization_config" if quant else "default")
    group = opts["group_size"]
    if source == "quantization_config" and "group_size" in quant:
        group = quant["group_size"]
    env["g"] = group
    env["fb"] = (quant or {}).get("fp8_block", FP8_BLOCK)
    keep = opts["keep"] if opts["keep"] is not None else FORMATS[fmt]["keep"]
    if source == "quantization_config" and opts["keep"] is None:
        keep = keep + quant.get("keep", [])
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
        full, sliding, window = _kv_layers(inner, env, keys, mem, model_type)
        per = evaluate(mem["kv"]["values"], env, keys)
        per_sliding = evaluate(mem["kv"]["sliding_values"], env, keys)
        extra = evaluate(mem["kv"]["extra_values"], env, keys)
        extra_sliding = evaluate(mem["kv"]["sliding_extra"], env, keys)
        # entries that every r tokens add, of v values each (DeepSeek-V4's compressors)
        compressed = [(evaluate(v, env, keys), evaluate(r, env, keys))
                      for v, r in mem["kv"]["compressed"]]
        size = KV_DTYPES[opts["kv_cache_dtype"]]
        tokens = min(ctx, window) if sliding else 0
        kv = {"dtype": opts["kv_cache_dtype"], "bytes_per_value": size,
              "context_length": ctx, "batch_size": batch,
              "values_per_layer_token": per, "formula": mem["kv"]["formula"],
              "full_layers": full,
              "sliding_layers": sliding, "sliding_window": window if sliding else None,
              "extra_values_per_token": extra,
              "full_bytes": (full * per + extra) * size * ctx * batch,
              "sliding_values_per_layer_token": per_sliding,
              "sliding_bytes": (sliding * per_sliding + extra_sliding) * size * tokens
              * batch,
              "compressed_bytes": sum(v * (ctx // r) for v, r in compressed) * size
              * batch,
              "shared_layers": evaluate(mem["kv"]["shared_layers"], env, keys)}
        # recurrent layers (Mamba, linear attention): a fixed state per sequence, its
        # convolution window in the cache's precision and its state in STATE_BYTES
        kv["recurrent_layers"] = evaluate(mem["kv"]["state_layers"], env, keys)
        kv["conv_values_per_layer"] = evaluate(mem["kv"]["conv"], env, keys)
        kv["state_values_per_layer"] = evaluate(mem["kv"]["state"], env, keys)
        kv["state_bytes_per_value"] = MEMORY_RULES["state_bytes"]
        blocks = mem["kv"]["blocks"]  # the decoder layers, where a rule says
        kv["decoder_layers"] = (evaluate(blocks, env, keys) if blocks is not None
                                else full + sliding + kv["shared_layers"]
                                + kv["recurrent_layers"])
        state = kv["recurrent_layers"] * (
            kv["conv_values_per_layer"] * size
            + kv["state_values_per_layer"] * kv["state_bytes_per_value"])
        kv["state_bytes"] = state * batch
        kv["bytes"] = (kv["full_bytes"] + kv["sliding_bytes"] + kv["compressed_bytes"]
                       + kv["state_bytes"])
        decompressed = mem["kv"]["decompressed"]
        kv["decompressed_values_per_layer_token"] = (
            None if decompressed is None else evaluate(decompressed, env, keys))
        kv["decompressed_bytes"] = (
            None if decompressed is None else
            ((full + sliding) * kv["decompressed_values_per_layer_token"] + extra)
            * size * ctx * batch)
        out["kv_cache"] = kv
        out["fit"] = {
            "gpu_bytes": card, "free_after_weights": free,
            "tokens": _fit_tokens(free - state, (full * per + extra) * size,
                                  (sliding * per_sliding + extra_sliding) * size,
                                  window, [(v * size, r) for v, r in compressed]),
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
                # (peft can adapt more, a mixture's fused experts among them)
                raise _option_error("lora_targets", f"'{target}' is not a module "
                                    f"whose LoRA size the counter knows in model_type "
                                    f"'{model_type}' (these are: "
                                    f"{', '.join(mem['lora'])})")
        widths = sum(evaluate(mem["lora"][t], env, keys) for t in opts["lora_targets"])
        trainable = env["R"] = opts["lora_rank"] * widths
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
