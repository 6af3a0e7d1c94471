"""Counting: read a config (a bundled one by name, or a config.json) and evaluate the
rules of its model_type, one expression per component."""

from __future__ import annotations

import json
import math
import os
from importlib import resources
from pathlib import Path

from count_params.errors import ConfigError
from count_params.expressions import evaluate
from count_params.families import COMPONENTS, TEXT_CONFIGS
from count_params.rules import (
    CLASSES,
    INNER_ONLY,
    RULES,
    TOWER_RULES,
    WITH_TRANSFORMERS,
)


def bundled_configs() -> list[str]:
    """The names of the configs that come with the package, in the order of their
    file names: ``load_config(name)`` reads one; configs/SOURCES.md says where each
    comes from."""
    files = sorted(p.name for p in _config_dir().iterdir() if p.name.endswith(".json"))
    return [name.removesuffix(".json") for name in files]


def load_config(config: str | os.PathLike) -> dict:
    """A config as a dict: a bundled one by its name (``load_config("llama-2-7b")``),
    or any config.json by its path. A missing or unreadable file is a ConfigError
    naming it."""
    if isinstance(config, str) and config in bundled_configs():
        text = (_config_dir() / f"{config}.json").read_text(encoding="utf-8")
        return json.loads(text)
    try:
        return json.loads(Path(config).read_text(encoding="utf-8"))
    except FileNotFoundError:
        hint = ""
        if isinstance(config, str) and os.sep not in config and ".json" not in config:
            hint = f" (nor a bundled config: {', '.join(bundled_configs())})"
        raise ConfigError(f"no such config file: {config}{hint}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {config}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{config} is not valid JSON: {exc}") from None


def _config_dir():
    """The bundled configs: a folder, or a folder inside a zip file (the zipapp)."""
    return resources.files("count_params") / "configs"


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


def _given(config: dict, key: str) -> bool:
    """Whether a config gives a key; "a.b" (not a key of its own, as tower_view's are):
    field b of object a, given where a is not null."""
    outer, dot, _ = key.partition(".")
    return key in config or bool(dot) and config.get(outer) is not None


def _value(config: dict, key: str):
    """A key's value; "a.b": field b of object a, null where a is not an object or has
    no b (DeepSeek-V4's compress_rates)."""
    outer, dot, field = key.partition(".")
    if key in config or not dot:
        return config.get(key)
    value = config.get(outer)
    return value.get(field) if isinstance(value, dict) else None


def _read(config: dict, read: dict, env: dict, keys: dict, model_type: str):
    present = [k for k in read["keys"] if _given(config, k)]
    key = present[0] if present else read["keys"][0]
    keys[read["var"]] = key
    value = _value(config, key)
    if value is None and present and read["type"] == "layers":
        value = "null"  # transformers refuses it: the error below
    if value is None and present and read["type"] == "auto":  # transformers refuses it
        raise ConfigError(f"config key '{key}' must be a whole number or 'auto', "
                          "got null", key)
    if value is None:
        if present and "null" in read:
            return evaluate(read["null"], env, keys)
        if read["required"]:
            either = " or ".join(f"'{k}'" for k in read["keys"])
            raise ConfigError(f"config for model_type '{model_type}' is missing "
                              f"required key {either}", key)
        return evaluate(read["default"], env, keys)
    want = read["type"]
    if want == "num":
        if _kind(value) != "int" and not (isinstance(value, float)
                                          and math.isfinite(value)):
            raise ConfigError(f"config key '{key}' must be a number, got {value!r}",
                              key)
        return value
    if want == "auto":
        if value == "auto":
            return None
        if _kind(value) != "int" or value < 0:
            raise ConfigError(f"config key '{key}' must be a whole number or 'auto', "
                              f"got {value!r}", key)
        return value
    if want == "layers":  # one layer's features (a number, -1 the last) or a list's
        if _kind(value) == "int":
            return 1
        if isinstance(value, list) and value and all(_kind(v) == "int" for v in value):
            return len(value)
        raise ConfigError(f"config key '{key}' must be a layer number or a list of "
                          f"layer numbers, got {value!r}", key)
    if want == "kinds":
        if not (isinstance(value, list) and all(v in read["kinds"] for v in value)):
            raise ConfigError(f"config key '{key}' must be a list of layer kinds, each "
                              f"{' or '.join(read['kinds'])}, got {value!r}", key)
        return value
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


def _architecture(config: dict) -> str | None:
    """The class a config's "architectures" names first, if it names one."""
    names = config.get("architectures")
    if isinstance(names, list) and names and isinstance(names[0], str):
        return names[0]
    return None


def unknown_family(model_type, key: str = "model_type") -> ConfigError:
    # the model_types a config may name: the families', less the language models that
    # are counted only inside their multimodal config, and those multimodal configs
    supported = sorted((set(RULES) - set(INNER_ONLY)) | set(TEXT_CONFIGS))
    return ConfigError(f"unknown model_type {model_type!r}: not supported yet "
                       f"(supported: {', '.join(supported)}); {WITH_TRANSFORMERS}", key)


def resolve(config: dict) -> tuple[dict, str, str | None, dict, list[str]]:
    """The config the rules read, the family counted, the class whose own rules replace
    the family's (or None), those rules, and what to tell the reader: a multimodal
    config's nested text_config (its language model), a class that holds another model
    than the family's default (architectures), a remote-code model_type whose
    architectures names a class of a family the rules cover."""
    if not isinstance(config, dict):
        raise ConfigError("a config must be a JSON object")
    model_type = config.get("model_type")
    if model_type is None:
        raise ConfigError("config is missing required key 'model_type'", "model_type")
    notes = []
    if isinstance(model_type, str) and model_type in INNER_ONLY:
        raise ConfigError(f"model_type '{model_type}' is the language model of a "
                          f"'{INNER_ONLY[model_type]}' config (its text_config), which "
                          "transformers builds only there: count that config",
                          "model_type")
    nested = TEXT_CONFIGS.get(model_type) if isinstance(model_type, str) else None
    if nested is not None:
        text = config.get("text_config")
        text = {} if text is None else text
        if not isinstance(text, dict):
            raise ConfigError("config key 'text_config' must be an object, got "
                              f"{text!r}", "text_config")
        inner = text.get("model_type", nested["default"])
        renamed = nested.get("renamed", {})
        named = inner
        if isinstance(inner, str) and inner in renamed:  # as the outer config reads it
            inner = renamed[inner]
        if not isinstance(inner, str) or inner not in RULES:
            raise unknown_family(inner, "text_config")
        if model_type in TOWER_RULES:
            notes.append(f"the language model (text_config, model_type {inner}) and, "
                         f"beside it, {nested['beside']}: {nested['class']}")
        else:
            notes.append(f"the language model alone (text_config, model_type "
                         f"{inner}): {nested['class']} also holds {nested['beside']}, "
                         "not counted")
        if named != inner:
            notes.append(f"text_config's model_type {named} is read as {inner}, as "
                         f"transformers reads it in {nested['class']}")
        # keys the outer class fills a text_config with, below those it names (Voxtral)
        filled = {**(nested.get("default class keys", {}) if inner == nested["default"]
                     else {}), **nested.get("text defaults", {})}
        inner_config = {**filled, **text, "model_type": inner}
        # the outer flag, under the first of its names the config uses (LFM2-VL's
        # tie_embedding replaces tie_word_embeddings; Voxtral has none: never tied)
        tie_key = next((k for k in nested.get("tie keys", ["tie_word_embeddings"])
                        if k in config), None)
        tied = config.get(tie_key, nested.get("tied"))
        if tied is None and tie_key in config and not nested.get("null unties"):
            raise ConfigError(f"config key '{tie_key}' must be true or false, "
                              "got None", tie_key)
        if "tied" in nested:  # the outer config's flag ties the head, under
            # every name the family reads its own by
            flag = False if tied is None else tied
            names = [k for r in RULES[inner]["reads"] if r["var"] == "tied"
                     for k in r["keys"]]
            inner_config.update(dict.fromkeys(["tie_word_embeddings", *names], flag))
        return inner_config, inner, None, RULES[inner], notes
    if (model_type in TOWER_RULES and TOWER_RULES[model_type]["text_config"]
            and config.get("text_config") is not None):
        inner_config = _nested_flat(config, model_type)
        return inner_config, model_type, None, RULES[model_type], notes
    arch = _architecture(config)
    family = model_type
    if not isinstance(model_type, str) or model_type not in RULES:
        if arch not in CLASSES:
            raise unknown_family(model_type)
        family = CLASSES[arch]
        notes.append(f"model_type {model_type!r} is not a transformers family; its "
                     f"architectures names {arch}: counted as {family}")
    rules = RULES[family]
    if arch not in rules["architectures"]:
        return config, family, None, rules, notes
    rules = rules["architectures"][arch]
    notes.append(f"architectures names {arch}: {rules['title']}")
    return config, family, arch, rules, notes


def _variables(config: dict, rules: dict, env: dict, keys: dict, model_type: str):
    """Read the keys the rules name into env, refuse what they do not cover, check
    their conditions and compute their "let" variables."""
    for read in rules["reads"]:
        env[read["var"]] = _read(config, read, env, keys, model_type)
    for key, allowed in rules.get("only", {}).items():
        value = config.get(key)
        if value is not None and not any(
                type(value) is type(a) and value == a for a in allowed):
            supported = ", ".join(map(repr, allowed)) or "null"
            raise ConfigError(
                f"config key '{key}' = {value!r} is not supported for model_type "
                f"'{model_type}' (supported: {supported})", key)
    for check in rules["checks"]:
        if not evaluate(check["test"], env, keys):
            raise ConfigError(f"{check['message']} ('{check['key']}' = "
                              f"{config.get(check['key'])!r})", check["key"])
    for let in rules["let"]:
        env[let["var"]] = evaluate(let["expr"], env, keys)


def _nested_flat(config: dict, model_type: str) -> dict:
    """The language model's keys of a config that names them at the top (Qwen2.5-VL's)
    but was saved with a text_config, which transformers reads instead; its head is tied
    where either flag says so (the text_config's is carried to the outer config)."""
    text = config["text_config"]
    if not isinstance(text, dict):
        raise ConfigError(f"config key 'text_config' must be an object, got {text!r}",
                          "text_config")
    tied = [c.get("tie_word_embeddings") for c in (config, text)]
    keys = ("tie_word_embeddings", "text_config.tie_word_embeddings")
    for flag, key in zip(tied, keys, strict=True):
        if flag is not None and not isinstance(flag, bool):
            raise ConfigError(f"config key '{key}' must be true or false, got "
                              f"{flag!r}", key)
    return {**text, "model_type": model_type, "tie_word_embeddings": any(tied)}


def _count(config: dict) -> tuple[dict, dict, dict]:
    """The count, and the variables it was computed from (memory reads them)."""
    outer = config
    config, model_type, _, rules, notes = resolve(config)
    env: dict = {}
    keys: dict = {}
    _variables(config, rules, env, keys, model_type)
    breakdown = {c: evaluate(rules["count"][c], env, keys) for c in COMPONENTS}
    env["total"] = language_model = sum(breakdown.values())
    kv = rules["kv_cache"]
    tower_rules = TOWER_RULES.get(outer["model_type"])
    towers = {} if tower_rules is None else count_towers(outer, tower_rules, env)
    if tower_rules is not None and outer["model_type"] not in TEXT_CONFIGS:
        notes.append(f"the language model (the config's own keys) and, beside it, "
                     f"{tower_rules['title']}: {tower_rules['class']}")
    result = {
        "model_type": outer["model_type"],
        "family": model_type,
        "notes": notes,
        "total": language_model + sum(towers.values()),
        # what one text token uses: the language model's (a tower runs once per image)
        "active": evaluate(rules["active"], env, keys),
        "non_embedding": language_model - breakdown["embeddings"]
        - breakdown["output_head"],
        "tied_output_head": bool(env.get("tied", False)),
        "kv_values_per_token": None if kv is None else evaluate(kv, env, keys),
        "breakdown": {**breakdown, **towers},
        # stored in the checkpoint beside the model that transformers builds
        "mtp_parameters": evaluate(rules["mtp"], env, keys),
    }
    if tower_rules is not None:
        result["language_model"] = language_model
        result["towers"] = towers
    return result, env, keys


def tower_view(config: dict, rules: dict) -> dict:
    """The keys the tower rules read: the outer config's own, and each nested config's
    as "vision_config.hidden_size", an absent or null one as transformers fills it; an
    optional one's name says whether it is there (its tower is built)."""
    view = {k: v for k, v in config.items() if k not in rules["configs"]}
    for name, spec in rules["configs"].items():
        nested = config.get(name)
        if spec["optional"]:
            view[name] = nested is not None
        nested = spec["absent"] if nested is None else nested
        if not isinstance(nested, dict):
            raise ConfigError(f"config key '{name}' must be an object, got {nested!r}",
                              name)
        kind = nested.get("model_type", spec["model_type"])
        if spec["model_type"] is not None and kind != spec["model_type"]:
            raise ConfigError(f"config key '{name}.model_type' must be "
                              f"'{spec['model_type']}' (the tower the rules count), "
                              f"got {kind!r}", f"{name}.model_type")
        view.update({f"{name}.{k}": v for k, v in nested.items()})
    return view


def count_towers(config: dict, rules: dict, language_env: dict) -> dict:
    """Each tower and projector of a multimodal config (TOWERS in families.py); their
    rules also read the language model's variables."""
    env, keys = dict(language_env), {}
    _variables(tower_view(config, rules), rules, env, keys, config["model_type"])
    return {part: evaluate(expr, env, keys) for part, expr in rules["count"].items()}
