"""The rules compiled to expression trees: what both evaluators read.

RULES (one entry per model_type) and MEMORY_RULES are the data of count_params.families
and count_params.memory_rules with every expression compiled once. This package
evaluates them; ``rules_json()`` is the same data as JSON, which the site's build writes
into the calculator page (hooks/count_rules.py), so the page and this package run the
same rules.
"""

from __future__ import annotations

import json
import re

from count_params.expressions import compile_expr
from count_params.families import (
    ARCHITECTURES,
    BUILDS,
    COMPONENT_LABELS,
    COMPONENTS,
    FAMILIES,
    TEXT_CONFIGS,
    TOWER_PARTS,
    TOWERS,
    VARIABLE_LABELS,
)
from count_params.memory_rules import (
    ACTIVATIONS,
    FORMATS,
    FP8_BLOCK,
    GGUF_TYPES,
    KV_DTYPES,
    LORA_MODULES,
    MEMORY,
    OPTIONS,
    STATE_BYTES,
    TRAINING,
)


def _key(read) -> str:
    """The key (or "a|b" keys) an entry of "reads" names."""
    if isinstance(read, str):
        return read
    return read["key"] if isinstance(read, dict) else read[0]


def _compile_read(var: str, read) -> dict:
    """One entry of "reads", as the evaluators use it: keys, type, defaults."""
    if isinstance(read, dict):  # a list of layer kinds or of layer numbers, or null
        out = {"var": var, "keys": read["key"].split("|"), "required": False,
               "null": None, "default": None}
        if "layers" in read:  # how many layers' features: a layer number or a list
            return {k: v for k, v in out.items() if k != "null"} | {"type": "layers",
                                                                     "default": 1}
        if "kinds" in read:
            return {**out, "type": "kinds", "kinds": read["kinds"]}
        if read.get("auto"):  # a size, or "auto" (the class works it out; null refused)
            return {**out, "type": "auto"}
        return {**out, "type": "list"}
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
    elif isinstance(default, float):  # a factor: a whole or a fractional number
        out["type"] = "num"
    else:
        out["type"] = {"str": "str", "list": "list"}.get(default[0], "int")
    out["default"] = default
    return out


def _default_text(read, keys: dict) -> str | None:
    """A read's default as a reader sees it: '4*d' -> '4*n_embd' (the page shows it)."""
    if isinstance(read, str):
        return None
    if isinstance(read, dict):
        return "null"
    default = read[1]
    if isinstance(default, str):
        name = r"[A-Za-z_]\w*"
        return re.sub(name, lambda m: keys.get(m.group(), m.group()), default)
    return json.dumps(default)


def _compile_family(spec: dict, classes: dict | None = None) -> dict:
    """A family's rules compiled; ``classes``: the rules that replace some of them for
    the classes that hold another model (ARCHITECTURES)."""
    kv = spec.get("kv_cache")
    reads = [_compile_read(var, read) for var, read in spec["reads"].items()]
    keys = {var: _key(r).split("|")[0] for var, r in spec["reads"].items()}
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
        "mtp": compile_expr(spec.get("mtp", "0")),
        "architectures": {cls: _compile_family({**spec, **over})
                          for cls, over in (classes or {}).items()},
    }


RULES = {name: _compile_family(spec, ARCHITECTURES.get(name))
         for name, spec in sorted(FAMILIES.items())}


def _compile_tower(spec: dict) -> dict:
    """A multimodal model's tower rules compiled (TOWERS): its parts in TOWER_PARTS's
    order."""
    # "optional": a config that transformers leaves out where it is absent or null, and
    # its tower with it (Gemma 4's audio_config)
    configs = {name: {"model_type": c["model_type"], "absent": c.get("absent", {}),
                      "optional": c.get("optional", False)}
               for name, c in spec["configs"].items()}
    return {
        "title": spec["title"],
        "class": spec.get("class"),  # for a flat config, without a text_config
        # read instead of the top keys where a flat config has one (Qwen2.5-VL)
        "text_config": spec.get("text_config", False),
        "configs": configs,
        "reads": [_compile_read(var, read) for var, read in spec["reads"].items()],
        "checks": [{"test": compile_expr(t), "key": k, "message": m}
                   for t, k, m in spec.get("checks", [])],
        "let": [{"var": v, "expr": compile_expr(e)}
                for v, e in spec.get("let", {}).items()],
        "count": {p: compile_expr(spec["count"][p]) for p in TOWER_PARTS
                  if p in spec["count"]},
    }


TOWER_RULES = {name: _compile_tower(spec) for name, spec in sorted(TOWERS.items())}
# What the message for a family the rules do not cover says to do (count_params.cli)
WITH_TRANSFORMERS = ("count it with transformers on the meta device (no weights, no "
                     "download): count-params CONFIG --with-transformers")
# Language models that transformers builds only inside their multimodal class (no class
# for causal language modelling of their own): their model_type -> the multimodal one
INNER_ONLY = {spec["default"]: outer for outer, spec in sorted(TEXT_CONFIGS.items())
              if spec["default"] not in BUILDS}
# A class transformers builds -> the family counted for it (a config's "architectures")
CLASSES = {**{cls: name for name, cls in BUILDS.items()},
           **{cls: name for name, classes in ARCHITECTURES.items() for cls in classes}}


def _compile_memory(spec: dict) -> dict:
    """A family's memory rules compiled, and those of its ARCHITECTURES classes."""
    kv = spec.get("kv")
    if kv is not None:
        reads = kv.get("reads", {})
        kv = {"reads": [_compile_read(v, r) for v, r in reads.items()],
              "layers": compile_expr(kv.get("layers", "L")),
              "sliding": compile_expr(kv.get("sliding", "0")),
              "values": compile_expr(kv["values"]), "formula": kv["values"],
              # a sliding layer's values where they differ from a full layer's (Gemma 4)
              "sliding_values": compile_expr(kv.get("sliding_values", kv["values"])),
              # layers that read another layer's cache, keeping none (Gemma 4)
              "shared_layers": compile_expr(kv.get("shared_layers", "0")),
              # values per token cached beyond "values" on each layer (the keys of an
              # indexer that only some layers run: GLM-5)
              "extra_values": compile_expr(kv.get("extra_values", "0")),
              # values per token in the windows beyond "sliding_values" on each
              # sliding layer (DeepSeek-V4's plain sliding layers keep keys and values)
              "sliding_extra": compile_expr(kv.get("sliding_extra", "0")),
              # [values, tokens]: an entry of so many values per so many tokens
              "compressed": [[compile_expr(v), compile_expr(r)]
                             for v, r in kv.get("compressed", [])],
              # the family's "sliding" rule reads layer_types itself
              "types_in_rules": kv.get("types_in_rules", False),
              # recurrent layers and the values of the state each keeps per sequence
              "state_layers": compile_expr(kv.get("state_layers", "0")),
              # the decoder layers that hold weights, where they are not the layers
              # that cache plus those that keep a state (a hybrid's MLP layers;
              # Falcon-H1's layers, which do both)
              "blocks": compile_expr(kv["blocks"]) if "blocks" in kv else None,
              "conv": compile_expr(kv.get("conv", "0")),
              "state": compile_expr(kv.get("state", "0")),
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
        "bias16": spec.get("bias16", False),
        "router": None if "router" not in spec else {
            "count": compile_expr(spec["router"]["count"]),
            "fp32": spec["router"]["fp32"]},
        "architectures": {cls: _compile_memory({**spec, **over, "architectures": {}})
                          for cls, over in spec.get("architectures", {}).items()},
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


TRAINING_PARTS = ("weights", "gradients", "optimizer_states")  # the rest are words
MEMORY_RULES = {
    "families": {name: _compile_memory(MEMORY[name]) for name in sorted(FAMILIES)},
    "formats": _compile_formats(),
    "gguf_types": GGUF_TYPES,
    "kv_dtypes": KV_DTYPES,
    "state_bytes": STATE_BYTES,
    "lora_modules": LORA_MODULES,
    "training": {mode: {k: (compile_expr(v) if k in TRAINING_PARTS else v)
                        for k, v in parts.items()} for mode, parts in TRAINING.items()},
    "activations": {k: compile_expr(v) for k, v in ACTIVATIONS.items()},
    "fp8_block": FP8_BLOCK,
    "options": OPTIONS,
}


def rules_data() -> dict:
    """The compiled rules, as the page's script reads them, with the calculator's words
    for the components and the variables: a new top-level dict, whose values are shared
    (do not change them)."""
    labels = {"components": COMPONENT_LABELS, "variables": VARIABLE_LABELS}
    return {"components": COMPONENTS, "families": RULES, "classes": CLASSES,
            "text_configs": TEXT_CONFIGS, "towers": TOWER_RULES,
            "inner_only": INNER_ONLY,
            "with_transformers": WITH_TRANSFORMERS, "memory": MEMORY_RULES,
            "labels": labels}


def rules_json() -> str:
    """rules_data() as JSON, indented for a reader of `count-params --rules`."""
    return json.dumps(rules_data(), indent=1) + "\n"
