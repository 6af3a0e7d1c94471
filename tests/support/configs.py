"""Model configurations for the parameter counter's tests, and what transformers builds from them.

Generated configurations, valid ones of every family and broken ones, shared by tests/pages/test_parameter_count.py
(against transformers) and tests/pages/test_calculator.py (the page's JavaScript core against the Python tool). The
values are chosen by the rules themselves: every key a family reads is set, left to its default, or (for aliases)
spelled either way.

The reference, Hugging Face transformers (pinned): the model it builds from a config on torch's meta device (shapes
only), built once per session for each config however many tests count it (``built_model``).
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import random
import sys
import warnings

from count_params.families import BUILDS, TEXT_CONFIGS
from count_params.memory_rules import FORMATS, LORA_MODULES
from count_params.rules import INNER_ONLY, RULES, TOWER_RULES


def _divisors(n: int) -> list[int]:
    """n's divisors, ascending; found up to its square root, as scaled widths reach 2**25."""
    small = [k for k in range(1, math.isqrt(n) + 1) if n % k == 0]
    return small + [n // k for k in reversed(small) if k * k != n]


def generated_config(family: str, rng: random.Random, scale: int = 1) -> dict:
    """A valid config of the family; each optional key is set about half the time (to a random value) and
    otherwise left to its default. ``scale`` multiplies the widths: a large scale gives totals beyond 2**53."""
    heads = rng.randint(1, 4)
    head_dim = rng.choice([2, 4, 6, 8]) * scale
    layers = rng.randint(1, 4)
    experts = rng.randint(1, 6)
    values = {
        "V": rng.randint(64, 300) * scale, "d": heads * head_dim, "L": layers, "Le": layers,
        "Ld": rng.randint(1, 3), "H": heads, "K": rng.choice(_divisors(heads)),
        "h": rng.choice([2, 4, 8]) * scale, "I": rng.randint(1, 40) * scale, "F": rng.randint(1, 40) * scale,
        "P": rng.randint(1, 64), "T": rng.randint(1, 3), "p": rng.randint(1, 20) * scale,
        "E": experts, "k": rng.randint(1, experts), "Ie": rng.randint(1, 12) * scale,
        "Is": rng.randint(0, 12) * scale, "S": rng.randint(0, 2), "step": rng.randint(1, 3),
        "skip": sorted(rng.sample(range(layers), rng.randint(0, layers))),
        "dense": rng.randint(0, layers + 1), "qr": rng.choice([None, rng.randint(1, 8) * scale]),
        "kr": rng.randint(1, 8) * scale, "nope": rng.randint(1, 4), "rope": rng.choice([2, 4]),
        "vh": rng.randint(1, 6), "B": rng.randint(1, 40), "n_ln": rng.choice([None, 1, 2]),
        "act": rng.choice(["relu", "gated-gelu", "gated-silu", "gelu"]), "N": rng.randint(0, 2),
        "first": rng.randint(0, layers), "last": rng.randint(0, layers), "iH": rng.randint(1, 4),
        "ihd": rng.choice([2, 4, 8]) * scale, "Im": rng.randint(1, 40) * scale,
        "He": rng.choice(_divisors(heads * head_dim)), "Hd": rng.choice(_divisors(heads * head_dim)),
        "Fe": rng.randint(1, 40) * scale, "Fd": rng.randint(1, 40) * scale,
        "Ns": rng.randint(1, 8) * scale, "G": rng.randint(1, 3), "Kc": rng.randint(1, 4), "Kh": rng.randint(1, 3),
        "Vh": rng.randint(1, 4), "Kd": rng.choice([2, 4]) * scale, "Vd": rng.choice([2, 4, 6]) * scale,
        "fi": rng.randint(1, 4),
    }
    values["mult"] = rng.choice([1.0, 1, 0.7, 1.3, 2.5])  # LFM2's MLP factor, whole or fractional
    values["bm"] = rng.randint(1, 64)
    values["pat"] = "".join(rng.choice("M*-E") for _ in range(layers))  # Nemotron-H's layers
    values["lat"] = rng.choice([None, rng.randint(1, 8) * scale])  # Nemotron 3's expert latent width
    values["X"] = rng.randint(1, 3)  # a Mamba-2 mixer: X*d channels in nh heads of hd
    values["nh"] = rng.choice(_divisors(values["X"] * values["d"]))
    values["hd"] = values["X"] * values["d"] // values["nh"]
    values["Ds"] = values["nh"] * values["hd"]  # Falcon-H1's Mamba width: its heads x their width
    if any(check["key"] == "q_lora_rank" for check in RULES[family]["checks"]):
        values["qr"] = rng.randint(1, 8) * scale  # the family needs the query latent
    reads = RULES[family]["reads"]
    read_vars = {read["var"] for read in reads}
    if read_vars & {"gh", "Kg", "Sk", "Pd", "Vp"}:  # drawn only for the families that read them (Gemma 4)
        values.update({"gh": rng.choice([2, 4, 8]) * scale, "Kg": rng.choice(_divisors(heads)),
                       "Sk": rng.randint(0, layers), "Pd": rng.randint(0, 6) * scale,
                       "Vp": rng.randint(64, 300) * scale})
    if read_vars & {"og", "olr", "hc", "crc", "crh"}:  # DeepSeek-V4
        values.update({"og": rng.randint(1, 4), "olr": rng.randint(1, 8) * scale,
                       "hc": rng.randint(1, 3), "crc": rng.randint(1, 5), "crh": rng.randint(1, 9),
                       "cr": [rng.choice([0, 4, 128]) for _ in range(layers + rng.randint(0, 1))]})
    if read_vars & {"fq", "off"}:  # GLM-5's indexer schedule
        values.update({"fq": rng.randint(0, 3), "off": rng.randint(0, layers + 1),
                       "ipat": "".join(rng.choice("FS") for _ in range(layers))})
    # keys without a default that a check asks for (Gemma 4's experts, when its MoE block is on)
    checked = {check["key"] for check in RULES[family]["checks"]}
    config = {"model_type": family}
    # the class the checkpoint holds: unnamed, the family's own, or one that holds another model
    classes = [BUILDS.get(family), *RULES[family]["architectures"]]
    named = rng.choice([None, *(c for c in classes if c)])
    if named:
        config["architectures"] = [named]
    for read in reads:
        var, key = read["var"], rng.choice(read["keys"])
        if var in ("H", "K", "nh", "hd", "X", "Ds", "He", "Hd") or (
                var == "d" and not any(r["var"] == "h" for r in reads)):
            # always set: some classes' defaults do not divide the widths (d, where the head width is d / H)
            config[key] = values[var]
            continue
        needed = read["type"] == "int" and read["default"] is None and key in checked
        if not read["required"] and not needed and rng.random() < 0.5:
            continue  # the default
        if read["type"] == "kinds":  # one kind per layer
            config[key] = [rng.choice(read["kinds"]) for _ in range(layers)]
            continue
        if read["type"] == "list" and var not in values:  # layer numbers, some beyond the last
            config[key] = rng.sample(range(layers + 2), rng.randint(0, layers + 1))
            continue
        if "." in key:  # a field of an object (DeepSeek-V4's compress_rates)
            config.setdefault(key.split(".")[0], {})[key.split(".")[1]] = values[var]
            continue
        config[key] = rng.random() < 0.5 if read["type"] == "bool" else values[var]
    for read in reads:  # an object replaces the class's whole: its other fields given too
        for key in read["keys"]:
            outer, _, field = key.partition(".")
            if field and outer in config:
                config[outer].setdefault(field, values[read["var"]])
    experts = [r for r in reads if r["var"] == "E"]
    if experts and any(k in config for k in experts[0]["keys"]):
        top_k = next(r for r in reads if r["var"] == "k")
        config[top_k["keys"][0]] = values["k"]  # at most the experts there are
    # lists with one entry per layer: the kinds, DeepSeek-V4's compress_ratios, GLM-5's index_topk_pattern
    if any(isinstance(config.get(r["keys"][0]), (list, str)) for r in reads
           if r["type"] == "kinds" or r["var"] in ("cr", "ipat")):
        layer_key = next((r["keys"][0] for r in reads if r["var"] == "L"), None)
        if layer_key:  # (Nemotron-H has no layer count: its list or pattern is its layers)
            config.setdefault(layer_key, layers)  # one kind per layer: as many layers as kinds
    if "num_kv_shared_layers" in config:
        config["num_kv_shared_layers"] = _kv_sharing_that_builds(config, rng)
    if family in TOWER_RULES:  # a multimodal family whose language model's keys are the config's own
        if TOWER_RULES[family]["text_config"] and rng.random() < 0.3:  # or, as transformers 5 saves it, nested
            config = {"model_type": family, "text_config": {k: v for k, v in config.items() if k != "model_type"}}
            if rng.random() < 0.5:
                config["tie_word_embeddings"] = rng.random() < 0.5
        config.update(tower_keys(TOWER_RULES[family], rng, values["d"]))
    if family in INNER_ONLY:  # a language model that transformers builds only inside its multimodal model
        config = nested_config(INNER_ONLY[family], config, rng)
        if config.get("tie_word_embeddings", False) is None:  # refused, as transformers refuses it
            config["tie_word_embeddings"] = rng.random() < 0.5
    return config


def _kv_sharing_that_builds(config: dict, rng: random.Random) -> int:
    """A number of layers sharing a KV cache that transformers builds: each kind among the shared layers must have a
    layer of its kind before them (Gemma4TextConfig.kv_sharing_modes; the last layer is always full, every 6th by
    default). The counter's own check of this is tested against transformers' refusal in test_parameter_count."""
    layers = config.get("num_hidden_layers", 30)
    kinds = list(config.get("layer_types") or ["full_attention" if (i + 1) % 6 == 0 else "sliding_attention"
                                               for i in range(layers)])
    kinds[-1:] = ["full_attention"] * bool(kinds)
    valid = [s for s in range(layers + 1) if s in (0, layers) or set(kinds[: layers - s]) == set(kinds)]
    return rng.choice(valid)


def broken_config(config: dict, rng: random.Random) -> dict:
    """The config with one thing wrong, of a kind that users get wrong: a key missing, a negative, fractional or
    textual size, a wrong boolean, a null, an unknown family, sizes that do not divide."""
    broken = dict(config)
    keys = [k for k in broken if k != "model_type"]
    key = rng.choice(keys)
    how = rng.choice(["missing", "negative", "fraction", "text", "bool", "null", "family", "indivisible", "zero"])
    if how == "missing":
        del broken[key]
    elif how == "negative":
        broken[key] = -rng.randint(1, 9)
    elif how == "fraction":
        broken[key] = rng.choice([64.0, 0.5, 1e3])
    elif how == "text":
        broken[key] = rng.choice(["768", "many", ""])
    elif how == "bool":
        broken[key] = rng.choice([True, False, 0, 1, "true"])
    elif how == "null":
        broken[key] = None
    elif how == "family":
        broken["model_type"] = rng.choice(["mamba", "llama4", "", 7, None])
    elif how == "indivisible":
        broken[key] = rng.choice([3, 5, 7, 11, 13])
    else:
        broken[key] = 0
    return broken


FORMAT_NAMES = list(FORMATS)
QUANT_CONFIGS = [
    {"quant_method": "gptq", "bits": 4, "group_size": 64}, {"quant_method": "awq", "bits": 4},
    {"quant_method": "bitsandbytes", "load_in_4bit": True, "bnb_4bit_quant_type": "nf4",
     "bnb_4bit_use_double_quant": True},
    {"quant_method": "bitsandbytes", "load_in_8bit": True}, {"quant_method": "fp8", "weight_block_size": [128, 64]},
    {"quant_method": "mxfp4"}, {"quant_method": "gptq", "bits": 3}, {"quant_method": "hqq"}, "gptq",
    {"quant_method": "mxfp4", "modules_to_not_convert": ["model.layers.*.self_attn", "lm_head"]},
    {"quant_method": "mxfp4", "modules_to_not_convert": "lm_head"},
]


def memory_case(config: dict, rng: random.Random) -> tuple[dict, dict]:
    """The config with memory-related keys sometimes set (sliding windows, layer_types, a quantization_config),
    and memory options as the calculator's URL gives them (strings), a few of them invalid."""
    config = dict(config)
    if isinstance(config.get("text_config"), dict):  # the language model's keys are the text_config's
        config["text_config"] = layers = dict(config["text_config"])
    else:
        layers = config
    if rng.random() < 0.3:
        layers["sliding_window"] = rng.choice([None, 2, 5, 64])
    if rng.random() < 0.2:
        layers["use_sliding_window"] = rng.random() < 0.5
        layers["max_window_layers"] = rng.randint(0, 4)
    if rng.random() < 0.1 and isinstance(layers.get("num_hidden_layers"), int):
        layers["sliding_window"] = 3
        layers["layer_types"] = [rng.choice(["full_attention", "sliding_attention", "chunked_attention"])
                                 for _ in range(layers["num_hidden_layers"] + rng.choice([0, 0, 0, 1]))]
    if rng.random() < 0.15:
        config["quantization_config"] = rng.choice(QUANT_CONFIGS)
    options = {}
    pick = {
        "weights": lambda: rng.choice(FORMAT_NAMES + ["int3"] * (rng.random() < 0.05)),
        "group_size": lambda: rng.choice(["32", "64", "128", "0", "x"][: 3 + 2 * (rng.random() < 0.1)]),
        "keep": lambda: ",".join(rng.sample(["embeddings", "output_head", "norms"], rng.randint(0, 3))),
        "kv_cache_dtype": lambda: rng.choice(["fp32", "bf16", "fp8", "int8"]),
        "context_length": lambda: str(rng.choice([1, 3, 100, 4096, 10**6])),
        "batch_size": lambda: str(rng.randint(1, 8)),
        "gpu_gb": lambda: rng.choice(["24", "0.001", "80", "7.5", "1e3"][: 4 + (rng.random() < 0.05)]),
        "training": lambda: rng.choice(["adamw", "adamw-8bit", "sgd-momentum", "lora", "qlora", "none"]),
        "lora_rank": lambda: str(rng.choice([1, 8, 64])),
        "lora_targets": lambda: ",".join(rng.sample(list(LORA_MODULES), rng.randint(1, 4))),
        "checkpointing": lambda: rng.choice(["on", "off"]),
    }
    for name, value in pick.items():
        if rng.random() < 0.5:
            options[name] = value()
    return config, options


# ---------------------------------------------------------------- the reference: transformers on the meta device

ENCODERS = {"bert", "roberta", "distilbert"}


def built_model(config: dict):
    """The model transformers builds from this config (on meta): the bare encoder for the encoders, the class
    for causal language modelling for decoders, T5ForConditionalGeneration for T5. Built once per transformers
    configuration and session (two configs that transformers reads the same way share one model): do not change
    it."""
    import torch
    import transformers

    given = json.dumps(config, sort_keys=True)  # reference_count alone asks twice for each config
    if given in _KEYS:
        return _MODELS[_KEYS[given]]
    transformers.logging.set_verbosity_error()
    model_type = config["model_type"]
    kwargs = {k: v for k, v in config.items() if k not in ("model_type", "architectures")}
    named = (config.get("architectures") or [None])[0]
    # Token ids do not change any shape; keep them inside a tiny vocabulary.
    for key in ("pad_token_id", "bos_token_id", "eos_token_id", "decoder_start_token_id"):
        kwargs[key] = 0
    with warnings.catch_warnings(), no_torch_init():
        warnings.simplefilter("ignore")
        cfg = transformers.AutoConfig.for_model(model_type, **kwargs)
        key = f"{named}: {cfg.to_json_string(use_diff=False)}"
        if key not in _MODELS:
            if model_type in TEXT_CONFIGS or model_type in TOWER_RULES:  # the multimodal model, vision tower and all
                cls = TEXT_CONFIGS[model_type]["class"] if model_type in TEXT_CONFIGS else TOWER_RULES[model_type]["class"]
                build = getattr(transformers, cls)
            elif named in RULES[model_type]["architectures"]:  # a class that holds another model
                build = getattr(transformers, named)
            elif model_type in ENCODERS:
                build = transformers.AutoModel.from_config
            elif BUILDS.get(model_type, "").endswith("ForConditionalGeneration"):  # an encoder-decoder
                build = transformers.AutoModelForSeq2SeqLM.from_config
            else:
                build = transformers.AutoModelForCausalLM.from_config
            with torch.device("meta"):
                _MODELS[key] = build(cfg)
            # The cached models live all session (millions of objects): frozen, Python's full collections stop
            # walking them again each time they run, which had taken most of the CPU of a late small build.
            gc.freeze()
    _KEYS[given] = key
    return _MODELS[key]


_MODELS: dict[str, object] = {}  # transformers' configuration as JSON -> the model built from it
# the config as given, as JSON -> its key in _MODELS: the same config always makes the same transformers
# configuration, which is slow to make and to write out
_KEYS: dict[str, str] = {}


@contextlib.contextmanager
def no_torch_init():
    """torch.nn.init's functions as no-ops, in every torch module that holds them (transformers' own list): on the
    meta device they only fill values that do not exist, through torch's slow Python decompositions (much of a
    small model's build). They never add, remove or reshape a parameter, and tying (PreTrainedModel.tie_weights) is
    not one of them: what a model counts, and the bytes its tensors take, are unchanged."""
    import torch
    from transformers import initialization

    def skip(tensor, *args, **kwargs):
        return tensor

    saved = [(module, name, getattr(module, name)) for module in map(sys.modules.get, initialization.TORCH_MODULES_TO_PATCH)
             if module for name in initialization.TORCH_INIT_FUNCTIONS if hasattr(module, name)]
    assert torch.nn.init in [module for module, _, _ in saved]
    try:
        for module, name, _ in saved:
            setattr(module, name, skip)
        yield
    finally:
        for module, name, function in saved:
            setattr(module, name, function)


def transformers_count(config: dict) -> int:
    """Parameters of the model transformers builds, a tied tensor counted once; of a multimodal model without tower
    rules, those of its language model and output head."""
    params = built_model(config).named_parameters()
    if config["model_type"] in TEXT_CONFIGS and config["model_type"] not in TOWER_RULES:
        params = [(n, p) for n, p in params if "language_model." in n or n.startswith("lm_head.")]
    return sum(p.numel() for _, p in params)


# Where each part of a multimodal model sits in the class transformers builds (the rest is the language model)
TOWER_MODULES = {
    "gemma3": {"vision_tower": "model.vision_tower.", "projector": "model.multi_modal_projector."},
    "mistral3": {"vision_tower": "model.vision_tower.", "projector": "model.multi_modal_projector."},
    "llama4": {"vision_tower": "vision_model.", "projector": "multi_modal_projector."},
    "qwen2_5_vl": {"vision_tower": "model.visual.", "projector": "model.visual.merger."},
    "qwen3_vl": {"vision_tower": "model.visual.",
                 "projector": ("model.visual.merger.", "model.visual.deepstack_merger_list.")},
}
TOWER_MODULES["qwen3_vl_moe"] = TOWER_MODULES["qwen3_vl"]
TOWER_MODULES["whisper"] = {"audio_tower": "model.encoder."}
TOWER_MODULES["qwen3_5"] = TOWER_MODULES["qwen3_5_moe"] = {"vision_tower": "model.visual.",
                                                     "projector": "model.visual.merger."}
TOWER_MODULES["lfm2_vl"] = {"vision_tower": "model.vision_tower.", "projector": "model.multi_modal_projector."}
TOWER_MODULES["voxtral"] = {"audio_tower": "model.audio_tower.", "projector": "model.multi_modal_projector."}
TOWER_MODULES["gemma4"] = {"vision_tower": "model.vision_tower.", "audio_tower": "model.audio_tower.",
                           "projector": ("model.embed_vision.", "model.embed_audio.")}
TOWER_MODULES["kimi_k25"] = {"vision_tower": "model.vision_tower.", "projector": "model.mm_projector."}


def transformers_parts(config: dict) -> dict:
    """A multimodal model's parameters as transformers builds it, by part: each tower and projector, and the
    language model (its output head included)."""
    modules = TOWER_MODULES[config["model_type"]]
    parts = dict.fromkeys([*modules, "language_model"], 0)
    for name, param in built_model(config).named_parameters():
        # the innermost module that holds it (Qwen2.5-VL's merger sits inside its vision tower)
        inside = [(len(prefix), p) for p, prefixes in modules.items()
                  for prefix in ((prefixes,) if isinstance(prefixes, str) else prefixes) if name.startswith(prefix)]
        parts[max(inside)[1] if inside else "language_model"] += param.numel()
    return parts


def nested_config(model_type: str, text: dict, rng: random.Random) -> dict:
    """A multimodal config of model_type around a generated text config, which names its model_type or leaves it to
    the class's default; a generated config that is already one (INNER_ONLY) as it is."""
    if text["model_type"] == model_type:
        return text
    text = {k: v for k, v in text.items() if k != "architectures"}
    if text["model_type"] == TEXT_CONFIGS[model_type]["default"] and rng.random() < 0.5:
        del text["model_type"]
    elif TEXT_CONFIGS[model_type].get("renamed") and rng.random() < 0.5:  # Kimi-K2.5's kimi_k2
        text["model_type"] = rng.choice(list(TEXT_CONFIGS[model_type]["renamed"]))
    config = {"model_type": model_type, "architectures": [TEXT_CONFIGS[model_type]["class"]], "text_config": text}
    if rng.random() < 0.5:  # the outer config's, which decides, under one of its names
        tie_key = rng.choice(TEXT_CONFIGS[model_type].get("tie keys") or ["tie_word_embeddings"])  # (Voxtral: none)
        config[tie_key] = rng.choice([True, False, None])
    if model_type in TOWER_RULES:
        config.update(tower_keys(TOWER_RULES[model_type], rng))
    return config


def tower_keys(rules: dict, rng: random.Random, width: int | None = None) -> dict:
    """The keys of a multimodal config's towers (count_params.families.TOWERS), small and random: each key set about
    half the time, else left to its class's default; a nested config sometimes names its model_type, and sometimes
    is absent, to be filled as transformers fills it. ``width``: the hidden size that a tower whose keys are the
    config's own (Whisper's encoder) shares, which its heads must divide."""
    heads = rng.randint(1, 4)
    out: dict = {}
    for name, spec in rules["configs"].items():
        if rng.random() < 0.15:
            if spec["optional"] and rng.random() < 0.5:
                out[name] = None  # null: as absent, no such tower (Gemma 4's audio_config)
            continue  # absent: what transformers fills in, or leaves out where it is optional
        out[name] = {"model_type": spec["model_type"]} if spec["model_type"] and rng.random() < 0.5 else {}
    patch = rng.randint(1, 4)
    values = {"hidden_size": heads * rng.choice([2, 4, 6]), "num_attention_heads": heads, "num_heads": heads,
              "patch_size": patch, "image_size": patch * rng.randint(1, 5), "head_dim": 2 * rng.randint(1, 6),
              # lists of sizes, not of layer numbers (Gemma 4's audio convolutions, Kimi-K2.5's merge kernel)
              "subsampling_conv_channels": [rng.randint(1, 12), rng.randint(1, 6)],
              "merge_kernel_size": [rng.randint(1, 3), rng.randint(1, 3)]}
    # the same, under the Whisper names of VoxtralEncoderConfig's attribute_map
    values.update(d_model=values["hidden_size"], encoder_attention_heads=heads)
    for read in rules["reads"]:
        name, _, key = rng.choice(read["keys"]).rpartition(".")
        if name and not isinstance(out.get(name), dict) or not name and key in rules["configs"]:
            continue  # a config absent or null, or whether an optional one is there (not a key to set)
        shared_heads = not name and key.endswith("heads") and width  # heads of the width the config shares
        if key not in values and not shared_heads and rng.random() < 0.5:
            continue  # the default (some defaults do not divide the widths, or the image: those are always set)
        if read["type"] == "layers":
            value = rng.choice([-1, -2, 0, [-1], [-2, -1], [0, 3, 5]])
        elif shared_heads:
            value = rng.choice(_divisors(width))
        elif read["type"] == "bool":
            value = rng.random() < 0.5
        elif read["type"] == "list" and key not in values:  # layer numbers (Qwen3-VL's deepstack layers)
            value = sorted(rng.sample(range(4), rng.randint(0, 3)))
        else:
            value = values.get(key, rng.randint(1, 12))
        (out[name] if name else out)[key] = value
    return out


def reference_count(config: dict) -> int:
    """What the counter must give: transformers' count, plus the output head that transformers does not build
    where the model table names it as the exception (hooks/count_rules.py, transformers_ties_the_head)."""
    from hooks.count_rules import transformers_ties_the_head

    model = built_model(config)
    count = transformers_count(config)
    if transformers_ties_the_head(config):
        # transformers 5 ties T5's output head always (configuration_t5.py: "we tie weights
        # always and force it to be `True`"), but T5 v1.1 checkpoints, whose configs say
        # false, store their own lm_head.weight: the tool counts that tensor.
        assert model.lm_head.weight is model.shared.weight
        count += model.lm_head.weight.numel()
    return count
