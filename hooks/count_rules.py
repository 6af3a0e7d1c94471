"""The parameter counter's rules and configs, carried into the site at build time.

The counting and memory rules live in one place: snippets/parameter-count/count_from_config.py, as data. This
hook writes them (compiled to expression trees) and every shipped config into ``assets/count-rules.js``, which the
calculator's generic evaluator (assets/count-core.js) reads; the calculator's presets are those configs. It
also fills the model table on docs/models.md (the ``<!-- model-table -->`` marker) by running the same
``count_parameters`` on the same configs, so no count on the site is typed by hand.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

TOOL = Path("snippets/parameter-count/count_from_config.py")
RULES_JS = "assets/count-rules.js"
TABLE_MARKER = "<!-- model-table -->"


def load_tool(root: Path):
    spec = importlib.util.spec_from_file_location("count_from_config", root / TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shipped_configs(tool) -> dict[str, dict]:
    """Every config in configs/, by file name; one that the counter refuses stops the build."""
    configs = {}
    for path in sorted(tool.CONFIG_DIR.glob("*.json")):
        config = json.loads(path.read_text(encoding="utf-8"))
        try:
            tool.count_parameters(config)
        except tool.ConfigError as exc:
            raise PluginError(f"{TOOL.parent / 'configs' / path.name}: {exc}") from None
        configs[path.stem] = config
    return configs


def rules_script(tool) -> str:
    """JavaScript that defines window.llmCountRules: the rules, and the configs as presets."""
    rules = json.loads(tool.rules_json())
    rules["presets"] = [
        {"id": stem, "name": config.get("_name_or_path", stem), "json": json.dumps(config)}
        for stem, config in shipped_configs(tool).items()
    ]
    return (
        "/* Generated at build time by hooks/count_rules.py from snippets/parameter-count/count_from_config.py"
        " and its configs/: do not edit. */\nwindow.llmCountRules = " + json.dumps(rules, separators=(",", ":")) + ";\n"
    )


def _gb(n_bytes: int) -> str:
    return f"{n_bytes / 1e9:,.1f} GB"


TIED_BY_TRANSFORMERS = "transformers-ties-t5"  # the anchor on docs/models.md that explains the mark


def transformers_ties_the_head(config: dict) -> bool:
    """Whether transformers builds this model with fewer parameters than its checkpoint stores.

    transformers 5 ties T5's output head to the token embeddings always (configuration_t5.py: "we tie weights
    always and force it to be `True`"), but a T5 v1.1 config says tie_word_embeddings false and its checkpoint
    stores its own lm_head.weight, which the counter counts. tests/test_parameter_count.py checks this rule
    against transformers for every shipped config.
    """
    return config.get("model_type") == "t5" and config.get("tie_word_embeddings") is False


def model_table(tool, calculator_link: str) -> str:
    """One row per shipped config, largest first, each linking to the calculator preloaded with it."""
    rows = []
    for stem, config in shipped_configs(tool).items():
        r = tool.count_parameters(config)
        active = f"{r['active']:,}" if r["active"] != r["total"] else "(dense)"
        share = (r["total"] - r["non_embedding"]) / r["total"]
        name = config.get("_name_or_path", stem)
        note = (f" ([note](#{TIED_BY_TRANSFORMERS}))"
                if transformers_ties_the_head(config) else "")
        rows.append((r["total"], (
            f"| [{name}]({calculator_link}?preset={stem}) | `{r['model_type']}` "
            f"| {r['total']:,}{note} | {r['non_embedding']:,} | {active} | {share:.1%} "
            f"| {_gb(tool.memory(config)['weights']['bytes'])} |"
        )))
    head = (
        "| Model | Family | Parameters | Non-embedding | Active per token | In embeddings | Weights in bf16 |\n"
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    )
    return "\n".join([head, *(row for _, row in sorted(rows, key=lambda x: -x[0]))])


def on_files(files, config, **kwargs):
    root = Path(config["config_file_path"]).parent
    files.append(File.generated(config, RULES_JS, content=rules_script(load_tool(root))))
    return files


def on_page_markdown(markdown: str, page, config, **kwargs):
    if TABLE_MARKER not in markdown:
        return markdown
    root = Path(config["config_file_path"]).parent
    return markdown.replace(TABLE_MARKER, model_table(load_tool(root), "calculator.md"))
