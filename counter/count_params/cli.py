"""The command line: ``count-params`` (and ``python -m count_params``).

    count-params CONFIG              a breakdown by component (a config.json, or the
                                     name of a bundled config, such as llama-2-7b)
    count-params CONFIG --json       one JSON object: count_parameters() and "memory"
    count-params CONFIG --weights q4_k_m --context-length 8192 --gpu-gb 24 \\
        --training qlora             and the memory (as the calculator)
    count-params                     a table of every bundled config
    count-params --json              {config name: JSON object} for each
    count-params --rules             the counting rules as JSON
    count-params CONFIG --with-transformers
                                     the parameters of the model transformers builds
                                     from CONFIG on torch's meta device (a family the
                                     rules do not cover; needs transformers and torch)

An unknown model_type, a missing key or an unsupported option is an error naming it
(exit status 2, message on stderr), never a wrong number.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from count_params.counting import bundled_configs, count_parameters, load_config
from count_params.errors import ConfigError
from count_params.footprint import GIB, memory
from count_params.memory_rules import FORMATS, MEMORY_DEFAULTS, OPTIONS
from count_params.rules import rules_json
from count_params.speed import SPEED_OPTIONS, plan, plan_report


def human(n: int) -> str:
    """1234567 -> '1.23M' (decimal prefixes: M = 10^6, B = 10^9)."""
    for unit, scale in (("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if n >= scale:
            return f"{n / scale:.2f}{unit}"
    return str(n)


def report(name: str, result: dict) -> str:
    lines = [f"{name} (model_type {result['model_type']})"]
    lines += [f"  counted: {note}" for note in result["notes"]]
    for component, n in result["breakdown"].items():
        share = n / result["total"]
        note = ""
        if component == "output_head" and result["tied_output_head"]:
            note = "  (tied to the token embeddings)"
        lines.append(f"  {component:12} {n:>15,}  {share:6.1%}{note}")
    lines.append(f"  {'total':12} {result['total']:>15,}  ({human(result['total'])})")
    language_model = result.get("language_model", result["total"])
    if language_model != result["total"]:  # a multimodal model: its towers beside it
        lines.append(f"  {'language model':12} {language_model:>13,}  "
                     f"({human(language_model)}; the rows above the towers)")
    lines.append(f"  {'non-embedding':12} {result['non_embedding']:>14,}")
    if result["active"] != language_model:
        lines.append(f"  {'active/token':12} {result['active']:>15,}  "
                     f"({human(result['active'])})")
    mtp = result["mtp_parameters"]
    if mtp:
        lines.append(f"  {'+ MTP layers':12} {mtp:>15,}  (multi-token prediction: "
                     f"in the checkpoint, not built by transformers nor in the total; "
                     f"with them {human(result['total'] + mtp)})")
    return "\n".join(lines)


def table(results: dict[str, dict]) -> str:
    rows = [f"{'config':23} {'type':11} {'total':>16} {'active':>15} "
            f"{'non-embedding':>16}"]
    for name, r in results.items():
        dense = r["active"] == r.get("language_model", r["total"])
        active = "=" if dense else f"{r['active']:,}"
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
            slide = kv["sliding_bytes"] // kv["batch_size"]
            text += (f" + {kv['sliding_layers']} sliding layers, {slide:,} bytes for "
                     f"min({kv['context_length']}, {kv['sliding_window']}) tokens")
        if kv["extra_values_per_token"]:
            extra = kv["extra_values_per_token"] * kv["bytes_per_value"]
            text += (f" + {extra:,} bytes per token x {kv['context_length']} (an "
                     "indexer's keys, on the layers that run one)")
        if kv["compressed_bytes"]:
            text += (f" + {kv['compressed_bytes'] // kv['batch_size']:,} bytes of "
                     "compressed entries (one per so many tokens)")
        if kv["shared_layers"]:
            text += f" (+ {kv['shared_layers']} layers reading another layer's cache)"
        if kv["recurrent_layers"]:
            conv, values = kv["conv_values_per_layer"], kv["state_values_per_layer"]
            state = conv * kv["bytes_per_value"] + values * kv["state_bytes_per_value"]
            text += (f" + {kv['recurrent_layers']} recurrent layers x ({conv:,} "
                     f"convolution values x {kv['bytes_per_value']} bytes + {values:,} "
                     f"state values x {kv['state_bytes_per_value']} bytes) = {state:,} "
                     "bytes per sequence (whatever the context)")
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


# The command line's words for each memory option; the values it takes and its default
# come from OPTIONS, as the calculator's do.
OPTION_HELP = {
    "weights": "weight format", "group_size": "GPTQ/AWQ group size",
    "keep": "kept in 16 bits", "kv_cache_dtype": "KV cache precision",
    "context_length": "tokens per sequence", "batch_size": "sequences",
    "gpu_gb": "memory of the card in GB", "training": "training",
    "lora_rank": "LoRA rank", "lora_targets": "LoRA targets",
    "checkpointing": "gradient checkpointing",
}


def _option_help(name: str) -> str:
    option, text = OPTIONS[name], OPTION_HELP[name]
    if "choices" in option:
        text += ": " + ", ".join(option["choices"])
    default = option["default"]
    if default is not None:
        text += f" ({','.join(default) if isinstance(default, list) else default})"
    return text


def with_transformers(config: dict) -> tuple[str, int]:
    """The class transformers builds from a config on torch's meta device (shapes only:
    no weights, no memory, no download) and its parameters, a tied tensor counted once:
    the class "architectures" names if transformers has it, else the one for causal
    language modelling, else the bare model."""
    try:
        import torch
        import transformers
    except ImportError:
        raise ConfigError("--with-transformers needs transformers and torch "
                          "(pip install transformers torch)") from None
    if not isinstance(config, dict) or not isinstance(config.get("model_type"), str):
        raise ConfigError("config is missing required key 'model_type'", "model_type")
    kwargs = {k: v for k, v in config.items() if k != "model_type"}
    try:
        cfg = transformers.AutoConfig.for_model(config["model_type"], **kwargs)
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"transformers {transformers.__version__} cannot read this "
                          f"config: {exc}", "model_type") from None
    names = config.get("architectures") or [None]
    named = getattr(transformers, names[0], None) if isinstance(names[0], str) else None
    with torch.device("meta"):
        if named is not None:
            model = named(cfg)
        else:
            try:
                model = transformers.AutoModelForCausalLM.from_config(cfg)
            except ValueError:
                model = transformers.AutoModel.from_config(cfg)
    return type(model).__name__, sum(p.numel() for p in model.parameters())


def _name(config: str) -> str:
    """The name a report gives a config: a bundled one's name, else its file's stem."""
    return config if config in bundled_configs() else Path(config).stem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="count-params",
                                     description="Count a model's parameters.")
    parser.add_argument("config", nargs="?",
                        help="a config.json, or the name of a bundled config "
                             "(default: every bundled config)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--rules", action="store_true", help="print the rules as JSON")
    parser.add_argument("--with-transformers", action="store_true",
                        help="count with transformers on the meta device instead")
    group = parser.add_argument_group("memory (as the calculator's URL parameters)")
    for name in OPTIONS:
        group.add_argument("--" + name.replace("_", "-"), help=_option_help(name))
    fast = parser.add_argument_group("fit and speed limits (count_params.speed)")
    for name, option in SPEED_OPTIONS.items():
        fast.add_argument("--" + name.replace("_", "-"), help=option["help"] + (
            ": " + ", ".join(option["choices"]) if "choices" in option else ""))
    args = parser.parse_args(argv)
    speed_options = {k: getattr(args, k) for k in SPEED_OPTIONS}
    if args.rules:
        print(rules_json(), end="")
        return 0
    options = {k: getattr(args, k) for k in MEMORY_DEFAULTS}
    try:
        if args.config and args.with_transformers:
            config = load_config(args.config)
            built, n = with_transformers(config)
            print(json.dumps({"model_type": config["model_type"], "class": built,
                              "total": n}, indent=2) if args.json else
                  f"{_name(args.config)}: {built}, built by transformers on the meta "
                  f"device: {n:,} parameters ({human(n)})")
            return 0
        if args.config:
            config = load_config(args.config)
            result = count_parameters(config)
            mem = memory(config, options)
            limits = None
            if any(v is not None for v in speed_options.values()):
                limits = plan(config, {**options, **speed_options})
            if args.json:
                print(json.dumps({**result, "memory": mem, **(limits or {})},
                                 indent=2))
            else:
                print(report(_name(args.config), result))
                if any(v is not None for v in options.values()) or limits:
                    print(memory_report(mem))
                if limits:
                    print(plan_report(limits))
            return 0
        results = {name: count_parameters(load_config(name))
                   for name in bundled_configs()}
        by_size = sorted(results.items(), key=lambda item: item[1]["total"])
        results = dict(by_size)  # smallest model first
        print(json.dumps(results, indent=2) if args.json else table(results))
        return 0
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
