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
from count_params.rules import CLASSES, RULES, WITH_TRANSFORMERS


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
    return ConfigError(f"unknown model_type {model_type!r}: not supported yet "
                       f"(supported: {', '.join(RULES)}); {WITH_TRANSFORMERS}", key)


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
        notes.append(f"the language model alone (text_config, model_type {inner}): "
                     f"{nested['class']} also holds {nested['beside']}, not counted")
        if named != inner:
            notes.append(f"text_config's model_type {named} is read as {inner}, as "
                         f"transformers reads it in {nested['class']}")
        inner_config = {**text, "model_type": inner}
        tied = config.get("tie_word_embeddings", nested.get("tied"))
        if tied is None and "tie_word_embeddings" in config and not nested.get(
                "null unties"):
            raise ConfigError("config key 'tie_word_embeddings' must be true or false, "
                              "got None", "tie_word_embeddings")
        if "tied" in nested:  # the outer config's flag ties the head
            inner_config["tie_word_embeddings"] = False if tied is None else tied
        return inner_config, inner, None, RULES[inner], notes
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


def _count(config: dict) -> tuple[dict, dict, dict]:
    """The count, and the variables it was computed from (memory reads them)."""
    outer = config
    config, model_type, _, rules, notes = resolve(config)
    env: dict = {}
    keys: dict = {}
    for read in rules["reads"]:
        env[read["var"]] = _read(config, read, env, keys, model_type)
    for key, allowed in rules["only"].items():
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
    breakdown = {c: evaluate(rules["count"][c], env, keys) for c in COMPONENTS}
    env["total"] = total = sum(breakdown.values())
    kv = rules["kv_cache"]
    return {
        "model_type": outer["model_type"],
        "family": model_type,
        "notes": notes,
        "total": total,
        "active": evaluate(rules["active"], env, keys),
        "non_embedding": total - breakdown["embeddings"] - breakdown["output_head"],
        "tied_output_head": bool(env.get("tied", False)),
        "kv_values_per_token": None if kv is None else evaluate(kv, env, keys),
        "breakdown": breakdown,
        # stored in the checkpoint beside the model that transformers builds
        "mtp_parameters": evaluate(rules["mtp"], env, keys),
    }, env, keys
