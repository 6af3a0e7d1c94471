"""Count the parameters of a language model exactly, from its Hugging Face-style config.json.

Usage:
    python count_from_config.py CONFIG.json          a breakdown by component, and the total
    python count_from_config.py CONFIG.json --json   one JSON object: {"total": int, "breakdown": {...}, ...}
    python count_from_config.py                      a table for every config in configs/ next to this file
    python count_from_config.py --json               {config name: that JSON object} for every config in configs/

Nothing is downloaded and no weights are needed: the count follows from the shapes the config implies. An
unknown model_type, a missing key or an unsupported option is an error naming it (exit status 2, message on
stderr), never a wrong number. Only the standard library is used.

The counting logic is the pure function ``count_parameters(config) -> dict``. It returns

    {"model_type": str, "total": int, "non_embedding": int, "tied_output_head": bool,
     "breakdown": {"embeddings": int, "attention": int, "mlp": int, "norms": int, "output_head": int, "other": int}}

where the breakdown always has these six keys and sums to "total", and
"non_embedding" = total - embeddings - output_head (token and position tables, and an untied head, excluded).
Every parameter tensor is counted once: a tied output head shares the token embedding matrix and adds 0.

Notation: V vocab_size, d hidden size, L layers, H attention heads, h head dim, K key/value heads, I MLP width.
A linear layer d_in -> d_out has d_in*d_out weights plus d_out biases when it has a bias; a LayerNorm of
width d has 2d parameters (gain and shift), an RMSNorm d (gain only).

Keys read, per model_type ("required" keys raise an error when missing; the others have the default shown,
which is the default of the matching Hugging Face transformers config class):

gpt2 (GPT-2; GPT2LMHeadModel)
    required: vocab_size, n_positions, n_embd (d), n_layer (L), n_head (H)
    optional: n_inner = 4*d, tie_word_embeddings = true, add_cross_attention = false (true is rejected)
    embeddings  V*d + n_positions*d
    attention   L * (d*3d + 3d  +  d*d + d)                  fused q,k,v projection and output projection
    mlp         L * (d*I + I  +  I*d + d)                     I = n_inner
    norms       L * 2 * 2d  +  2d                             two LayerNorms per block, one final
    output_head 0 if tied, else V*d

gpt_neox (Pythia, GPT-NeoX; GPTNeoXForCausalLM)
    required: vocab_size, hidden_size (d), num_hidden_layers (L), num_attention_heads (H), intermediate_size (I)
    optional: tie_word_embeddings = false, attention_bias = true
    embeddings  V*d                                           rotary position encoding has no parameters
    attention   L * (d*3d + d*d  [+ 3d + d with attention_bias])
    mlp         L * (d*I + I  +  I*d + d)
    norms       L * 2 * 2d  +  2d
    output_head 0 if tied, else V*d                           no bias

opt (OPT; OPTForCausalLM)
    required: vocab_size, hidden_size (d), num_hidden_layers (L), num_attention_heads (H), ffn_dim (I),
              max_position_embeddings (P)
    optional: word_embed_proj_dim (p) = d, tie_word_embeddings = true, enable_bias = true,
              do_layer_norm_before = true, _remove_final_layer_norm = false, layer_norm_elementwise_affine = true
    embeddings  V*p + (P + 2)*d                               OPT's learned positions have 2 extra rows
    attention   L * 4 * (d*d [+ d])                           q, k, v, out projections
    mlp         L * (d*I [+ I]  +  I*d [+ d])
    norms       n * 2d, n = 2L + (1 if do_layer_norm_before and not _remove_final_layer_norm else 0);
                0 when layer_norm_elementwise_affine is false
    other       2*p*d when p != d (project_in and project_out, no bias), else 0
    output_head 0 if tied, else V*p

bert (BERT; the BertModel encoder with its pooler, as in "BERT-base has 110M parameters"; task heads excluded)
    required: vocab_size, hidden_size (d), num_hidden_layers (L), num_attention_heads (H), intermediate_size (I),
              max_position_embeddings (P), type_vocab_size (T)
    optional: position_embedding_type = "absolute" (anything else is rejected), add_cross_attention = false,
              is_decoder = false (true is rejected)
    embeddings  (V + P + T) * d
    attention   L * 4 * (d*d + d)
    mlp         L * (d*I + I  +  I*d + d)
    norms       (2L + 1) * 2d                                 one embedding LayerNorm, two per layer
    other       d*d + d                                       the pooler
    output_head 0

llama and mistral (Llama 2 and 3, TinyLlama, Mistral; LlamaForCausalLM, MistralForCausalLM)
    required: vocab_size, hidden_size (d), intermediate_size (I), num_hidden_layers (L), num_attention_heads (H)
    optional: num_key_value_heads (K) = H, head_dim (h) = d / H, tie_word_embeddings = false,
              attention_bias = false, mlp_bias = false
    embeddings  V*d                                           rotary position encoding has no parameters
    attention   L * (d*H*h + 2 * d*K*h + H*h*d  [+ H*h + 2*K*h + d with attention_bias])
                q and output are full width; k and v have K heads (grouped-query attention when K < H)
    mlp         L * 3 * d*I  [+ 2I + d with mlp_bias]         gated MLP: gate, up and down projections
    norms       L * 2 * d  +  d                               RMSNorm has a gain and no shift
    output_head 0 if tied, else V*d                           no bias
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

COMPONENTS = ("embeddings", "attention", "mlp", "norms", "output_head", "other")
CONFIG_DIR = Path(__file__).resolve().parent / "configs"


class ConfigError(ValueError):
    """The config cannot be counted: an unknown model_type, a missing key or an unsupported option."""


def _get(config: dict, key: str, default=None, *, required: bool = False, kind=int):
    """Read one key; a required key that is missing, or a value of the wrong type, is a ConfigError."""
    if key not in config or config[key] is None:
        if required:
            raise ConfigError(f"config for model_type '{config.get('model_type')}' is missing required key '{key}'")
        return default
    value = config[key]
    if kind is int and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ConfigError(f"config key '{key}' must be a non-negative integer, got {value!r}")
    if kind is bool and not isinstance(value, bool):
        raise ConfigError(f"config key '{key}' must be true or false, got {value!r}")
    return value


def _req(config: dict, *keys: str) -> list[int]:
    return [_get(config, k, required=True) for k in keys]


def _reject(config: dict, key: str, allowed) -> None:
    if key in config and config[key] not in (allowed, None):
        raise ConfigError(f"config key '{key}' = {config[key]!r} is not supported by this counter")


def _heads_divide(d: int, heads: int, key: str = "num_attention_heads") -> None:
    if heads == 0 or d % heads:
        raise ConfigError(f"hidden size {d} is not divisible by '{key}' = {heads}")


def _gpt2(c: dict) -> dict:
    V, P, d, L, H = _req(c, "vocab_size", "n_positions", "n_embd", "n_layer", "n_head")
    _heads_divide(d, H, "n_head")
    _reject(c, "add_cross_attention", False)
    inner = _get(c, "n_inner", 4 * d)
    tied = _get(c, "tie_word_embeddings", True, kind=bool)
    return {
        "embeddings": V * d + P * d,
        "attention": L * (d * 3 * d + 3 * d + d * d + d),
        "mlp": L * (d * inner + inner + inner * d + d),
        "norms": L * 2 * 2 * d + 2 * d,
        "output_head": 0 if tied else V * d,
        "other": 0,
    }, tied


def _gpt_neox(c: dict) -> dict:
    V, d, L, H, inner = _req(c, "vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size")
    _heads_divide(d, H)
    tied = _get(c, "tie_word_embeddings", False, kind=bool)
    bias = _get(c, "attention_bias", True, kind=bool)
    return {
        "embeddings": V * d,
        "attention": L * (d * 3 * d + d * d + (3 * d + d if bias else 0)),
        "mlp": L * (d * inner + inner + inner * d + d),
        "norms": L * 2 * 2 * d + 2 * d,
        "output_head": 0 if tied else V * d,
        "other": 0,
    }, tied


def _opt(c: dict) -> dict:
    V, d, L, H, inner, P = _req(
        c, "vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "ffn_dim", "max_position_embeddings"
    )
    _heads_divide(d, H)
    p = _get(c, "word_embed_proj_dim", d)
    tied = _get(c, "tie_word_embeddings", True, kind=bool)
    bias = _get(c, "enable_bias", True, kind=bool)
    pre_norm = _get(c, "do_layer_norm_before", True, kind=bool)
    remove_final = _get(c, "_remove_final_layer_norm", False, kind=bool)
    affine = _get(c, "layer_norm_elementwise_affine", True, kind=bool)
    n_norms = 2 * L + (1 if pre_norm and not remove_final else 0)
    return {
        "embeddings": V * p + (P + 2) * d,
        "attention": L * 4 * (d * d + (d if bias else 0)),
        "mlp": L * (d * inner + inner * d + ((inner + d) if bias else 0)),
        "norms": n_norms * 2 * d if affine else 0,
        "output_head": 0 if tied else V * p,
        "other": 2 * p * d if p != d else 0,
    }, tied


def _bert(c: dict) -> dict:
    V, d, L, H, inner, P, T = _req(
        c,
        "vocab_size",
        "hidden_size",
        "num_hidden_layers",
        "num_attention_heads",
        "intermediate_size",
        "max_position_embeddings",
        "type_vocab_size",
    )
    _heads_divide(d, H)
    _reject(c, "position_embedding_type", "absolute")
    _reject(c, "add_cross_attention", False)
    _reject(c, "is_decoder", False)
    return {
        "embeddings": (V + P + T) * d,
        "attention": L * 4 * (d * d + d),
        "mlp": L * (d * inner + inner + inner * d + d),
        "norms": (2 * L + 1) * 2 * d,
        "output_head": 0,
        "other": d * d + d,
    }, False


def _llama(c: dict) -> dict:
    V, d, inner, L, H = _req(c, "vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads")
    if H == 0:
        raise ConfigError("config key 'num_attention_heads' must be positive")
    K = _get(c, "num_key_value_heads", H)
    if K == 0 or H % K:
        raise ConfigError(f"'num_attention_heads' = {H} is not a multiple of 'num_key_value_heads' = {K}")
    if "head_dim" in c and c["head_dim"] is not None:
        h = _get(c, "head_dim")
    else:
        _heads_divide(d, H)
        h = d // H
    tied = _get(c, "tie_word_embeddings", False, kind=bool)
    attn_bias = _get(c, "attention_bias", False, kind=bool)
    mlp_bias = _get(c, "mlp_bias", False, kind=bool)
    per_layer_attn = d * H * h + 2 * d * K * h + H * h * d + ((H * h + 2 * K * h + d) if attn_bias else 0)
    return {
        "embeddings": V * d,
        "attention": L * per_layer_attn,
        "mlp": L * (3 * d * inner + ((2 * inner + d) if mlp_bias else 0)),
        "norms": L * 2 * d + d,
        "output_head": 0 if tied else V * d,
        "other": 0,
    }, tied


FAMILIES = {"gpt2": _gpt2, "gpt_neox": _gpt_neox, "opt": _opt, "bert": _bert, "llama": _llama, "mistral": _llama}


# --8<-- [start:api]
def count_parameters(config: dict) -> dict:
    """Exact parameter count of the model a config.json describes: total, breakdown, non-embedding count."""
    if not isinstance(config, dict):
        raise ConfigError("a config must be a JSON object")
    model_type = config.get("model_type")
    if model_type is None:
        raise ConfigError("config is missing required key 'model_type'")
    if not isinstance(model_type, str) or model_type not in FAMILIES:
        supported = ", ".join(sorted(FAMILIES))
        raise ConfigError(f"unknown model_type '{model_type}' (supported: {supported})")
    breakdown, tied = FAMILIES[model_type](config)
    total = sum(breakdown.values())
    return {
        "model_type": model_type,
        "total": total,
        "non_embedding": total - breakdown["embeddings"] - breakdown["output_head"],
        "tied_output_head": tied,
        "breakdown": {k: breakdown[k] for k in COMPONENTS},
    }
# --8<-- [end:api]


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
        note = "  (tied to the token embeddings)" if component == "output_head" and result["tied_output_head"] else ""
        lines.append(f"  {component:12} {n:>15,}  {share:6.1%}{note}")
    lines.append(f"  {'total':12} {result['total']:>15,}  ({human(result['total'])})")
    lines.append(f"  {'non-embedding':12} {result['non_embedding']:>14,}")
    return "\n".join(lines)


def table(results: dict[str, dict]) -> str:
    head = f"{'config':18} {'type':8} {'total':>14} {'embeddings':>12} {'attention':>13} {'mlp':>13} "
    head += f"{'norms':>8} {'head':>12} {'other':>8}  tied"
    rows = [head]
    for name, r in results.items():
        b = r["breakdown"]
        rows.append(
            f"{name:18} {r['model_type']:8} {r['total']:>14,} {b['embeddings']:>12,} {b['attention']:>13,} "
            f"{b['mlp']:>13,} {b['norms']:>8,} {b['output_head']:>12,} {b['other']:>8,}  "
            f"{'yes' if r['tied_output_head'] else 'no'}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Count a model's parameters from its config.json.")
    parser.add_argument("config", nargs="?", help="path to a config.json (default: every file in configs/)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        if args.config:
            result = count_parameters(load_config(args.config))
            print(json.dumps(result, indent=2) if args.json else report(Path(args.config).stem, result))
            return 0
        results = {p.stem: count_parameters(load_config(p)) for p in sorted(CONFIG_DIR.glob("*.json"))}
        results = dict(sorted(results.items(), key=lambda item: item[1]["total"]))  # smallest model first
        if args.json:
            print(json.dumps(results, indent=2))
        else:
            print(table(results))
        return 0
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
