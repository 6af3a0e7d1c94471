"""The parameter counter's rules and configs, carried into the site at build time.

The counting and memory rules live in one place: the package count_params (counter/), as data. This hook
writes them (compiled to expression trees), the calculator's words for them (the labels of the components,
fields and options, the options' defaults) and the list of bundled configs into ``assets/count-rules.js``, which
the calculator's generic evaluator (assets/count-core.js) and its form (assets/calculator.js) read; the
calculator's presets are those configs. A preset there is its id, name and family, and only the default one
(DEFAULT_PRESET) carries its config: the others' configs go to ``assets/count-presets.js``, which the page loads
only when one is needed (a plain visit shows the default), to keep the page light. It also fills the model
table on docs/models.md (the ``<!-- model-table -->`` marker) by running the same ``count_parameters`` on the same
configs, so no count on the site is typed by hand.
"""

from __future__ import annotations

import json

import count_params
from count_params.rules import rules_data
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

RULES_JS = "assets/count-rules.js"
PRESETS_JS = "assets/count-presets.js"
DEFAULT_PRESET = "gpt2"  # the config a plain visit to the calculator shows
TABLE_MARKER = "<!-- model-table -->"


def shipped_configs() -> dict[str, dict]:
    """Every bundled config, by name; one that the counter refuses stops the build."""
    configs = {}
    for name in count_params.bundled_configs():
        config = count_params.load_config(name)
        try:
            count_params.count_parameters(config)
        except count_params.ConfigError as exc:
            raise PluginError(f"counter/count_params/configs/{name}.json: {exc}") from None
        configs[name] = config
    return configs


def rules_script(configs: dict[str, dict]) -> str:
    """JavaScript that defines window.llmCountRules: the rules and their words, the presets' list and the default
    preset's config (configs: shipped_configs(), read once per build)."""
    rules = rules_data()  # the data itself: writing and reading its indented JSON took Python's slow encoder
    if DEFAULT_PRESET not in configs:
        raise PluginError(f"hooks/count_rules.py: DEFAULT_PRESET {DEFAULT_PRESET!r} is not a bundled config "
                          f"(counter/count_params/configs/{DEFAULT_PRESET}.json)")
    rules["default_preset"] = DEFAULT_PRESET
    rules["presets"] = [
        {"id": stem, "name": config.get("_name_or_path", stem), "family": config["model_type"],
         **({"json": _compact(config)} if stem == DEFAULT_PRESET else {})}
        for stem, config in configs.items()
    ]
    return _script("window.llmCountRules", rules)


def presets_script(configs: dict[str, dict]) -> str:
    """JavaScript that defines window.llmCountPresets: every other preset's config, by id, as JSON text."""
    return _script("window.llmCountPresets",
                   {stem: _compact(config) for stem, config in configs.items() if stem != DEFAULT_PRESET})


def _compact(config: dict) -> str:
    return json.dumps(config, separators=(",", ":"))  # parsed by the page (exact integers), never shown as written


def _script(name: str, value) -> str:
    return (
        "/* Generated at build time by hooks/count_rules.py from the package count_params (counter/) and its"
        f" bundled configs: do not edit. */\n{name} = " + json.dumps(value, separators=(",", ":")) + ";\n"
    )


def _gb(n_bytes: int) -> str:
    return f"{n_bytes / 1e9:,.1f} GB"


TIED_BY_TRANSFORMERS = "transformers-ties-t5"  # the anchor on docs/models.md that explains the mark


def transformers_ties_the_head(config: dict) -> bool:
    """Whether transformers builds this model with fewer parameters than its checkpoint stores.

    transformers 5 ties T5's output head to the token embeddings always (configuration_t5.py: "we tie weights
    always and force it to be `True`"), but a T5 v1.1 config says tie_word_embeddings false and its checkpoint
    stores its own lm_head.weight, which the counter counts. tests/pages/test_models.py checks this rule
    against transformers for every shipped config.
    """
    return (config.get("model_type") in ("t5", "mt5") and config.get("tie_word_embeddings") is False
            and count_params.count_parameters(config)["breakdown"]["output_head"] > 0)


def recurrent_state(kv: dict | None) -> str:
    """A hybrid's or a state-space model's state of one sequence (the same at any context), in MiB; blank for a
    model whose layers all cache keys and values."""
    return f"{kv['state_bytes'] / 2**20:,.1f} MiB" if kv and kv["recurrent_layers"] else ""


def model_table(calculator_link: str) -> str:
    """One row per shipped config, largest first, each linking to the calculator preloaded with it."""
    rows = []
    for stem, config in shipped_configs().items():
        r = count_params.count_parameters(config)
        # a multimodal model: its language model alone, and the towers and projectors beside it
        # (those its config names: Gemma 4 31B has no audio tower, a part of 0)
        language_model = r.get("language_model", r["total"])
        towers = " + ".join(f"{n:,}" for n in r.get("towers", {}).values() if n)
        active = f"{r['active']:,}" if r["active"] != language_model else "(dense)"
        share = (r["breakdown"]["embeddings"] + r["breakdown"]["output_head"]) / r["total"]
        name = config.get("_name_or_path", stem)
        note = (f" ([note](#{TIED_BY_TRANSFORMERS}))"
                if transformers_ties_the_head(config) else "")
        m = count_params.memory(config, {"weights": "bf16"})
        rows.append((r["total"], (
            f"| [{name}]({calculator_link}?preset={stem}) | `{r['model_type']}` "
            f"| {r['total']:,}{note} | {language_model:,} | {towers or '(none)'} "
            f"| {r['non_embedding']:,} | {active} | {share:.1%} "
            f"| {_gb(m['weights']['bytes'])} | {recurrent_state(m['kv_cache'])} |"
        )))
    head = (
        "| Model | Family | Parameters | Language model | Vision or audio tower + projector | Non-embedding "
        "| Active per token | In embeddings | Weights in bf16 | Recurrent state per sequence |\n"
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    return "\n".join([head, *(row for _, row in sorted(rows, key=lambda x: -x[0]))])


def on_files(files, config, **kwargs):
    configs = shipped_configs()
    files.append(File.generated(config, RULES_JS, content=rules_script(configs)))
    files.append(File.generated(config, PRESETS_JS, content=presets_script(configs)))
    return files


def on_page_markdown(markdown: str, page, config, **kwargs):
    if TABLE_MARKER not in markdown:
        return markdown
    return markdown.replace(TABLE_MARKER, model_table("calculator.md"))
