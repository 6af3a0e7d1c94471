"""The parameter counter (the package count_params, counter/) is shown right, not claimed right.

The oracle is the reference implementation, Hugging Face transformers (pinned): every family is built on
torch's ``meta`` device (shapes only: no weights, no memory, no download) from each committed real config and
from generated small configs that vary sizes, key aliases, tying and every optional key the rules read. The
parameters torch reports, a tied tensor counted once, must equal the counter's total exactly. The command line
is exercised as users run it: ``--json`` output, and clear errors for an unknown model_type and a missing key.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import warnings

import pytest
import torch
import transformers
from count_params import ConfigError, bundled_configs, count_parameters, load_config, rules_json
from count_params.rules import RULES

from tests.conftest import ROOT, load_module
from tests.count_configs import generated_config

NAMES = bundled_configs()  # counter/count_params/configs/<name>.json
# The models the issue names must be among the committed configs.
REQUIRED = {
    "gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl", "bert-base-uncased", "pythia-160m", "opt-125m",
    "llama-2-7b", "llama-3-8b", "mistral-7b-v0.1", "tinyllama-1.1b",
}
ENCODERS = {"bert", "roberta", "distilbert"}
HOOK = load_module(ROOT / "hooks" / "count_rules.py")  # the model table on docs/models.md
GENERATED_PER_FAMILY = 20

transformers.logging.set_verbosity_error()


# ------------------------------------------------------------------ the reference: transformers on meta


def built_model(config: dict):
    """The model transformers builds from this config (on meta): the bare encoder for the encoders, the class
    for causal language modelling for decoders, T5ForConditionalGeneration for T5."""
    model_type = config["model_type"]
    kwargs = {k: v for k, v in config.items() if k != "model_type"}
    # Token ids do not change any shape; keep them inside a tiny vocabulary.
    for key in ("pad_token_id", "bos_token_id", "eos_token_id", "decoder_start_token_id"):
        kwargs[key] = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cfg = transformers.AutoConfig.for_model(model_type, **kwargs)
        if model_type in ENCODERS:
            auto = transformers.AutoModel
        elif model_type == "t5":
            auto = transformers.AutoModelForSeq2SeqLM
        else:
            auto = transformers.AutoModelForCausalLM
        with torch.device("meta"):
            return auto.from_config(cfg)


def transformers_count(config: dict) -> int:
    """Parameters of the model transformers builds, a tied tensor counted once."""
    return sum(p.numel() for p in built_model(config).parameters())


def reference_count(config: dict) -> int:
    """What the counter must give: transformers' count, plus the output head that transformers does not build
    where the model table names it as the exception (hooks/count_rules.py, transformers_ties_the_head)."""
    model = built_model(config)
    count = sum(p.numel() for p in model.parameters())
    if HOOK.transformers_ties_the_head(config):
        # transformers 5 ties T5's output head always (configuration_t5.py: "we tie weights
        # always and force it to be `True`"), but T5 v1.1 checkpoints, whose configs say
        # false, store their own lm_head.weight: the tool counts that tensor.
        assert model.lm_head.weight is model.shared.weight
        count += model.lm_head.weight.numel()
    return count


# ------------------------------------------------------------------ tests


def test_every_required_model_is_committed():
    assert REQUIRED <= set(NAMES)


def test_known_published_count():
    """Pythia-160M: 162,322,944 in all (its model card) and 85,056,000 non-embedding (Biderman et al. 2023, Table 1)."""
    config = load_config("pythia-160m")
    result = count_parameters(config)
    assert result["total"] == 162_322_944
    assert result["non_embedding"] == 85_056_000


@pytest.mark.parametrize(
    "stem, total, active, unit",
    [
        # DeepSeek-AI 2024, arXiv:2412.19437, abstract: "671B total parameters with 37B activated for each token".
        ("deepseek-v3", 671, 37, 10**9),
        # Mistral AI, "Mixtral of experts" (2023-12-11): "46.7B total parameters but only uses 12.9B per token".
        ("mixtral-8x7b-v0.1", 46.7, 12.9, 10**9),
        # DeepSeek-AI 2024, arXiv:2405.04434, Appendix B: DeepSeek-V2-Lite "has 15.7B parameters in total".
        ("deepseek-v2-lite", 15.7, None, 10**9),
    ],
)
def test_published_moe_counts(stem, total, active, unit):
    """The total and active counts agree with what the model's authors publish, to the digits they give."""
    result = count_parameters(load_config(stem))
    digit = 10 ** -len(str(total).partition(".")[2])  # the published figure's last digit, in units
    assert abs(result["total"] / unit - total) < digit
    if active is not None:
        assert abs(result["active"] / unit - active) < digit


def test_gemma_3_270m_split_as_published():
    """Google, "Introducing Gemma 3 270M" (2025-08-14): "170 million embedding parameters" and "100 million for
    our transformer blocks"."""
    result = count_parameters(load_config("gemma-3-270m"))
    assert round(result["breakdown"]["embeddings"] / 10**7) == 17
    assert round(result["non_embedding"] / 10**8) == 1


def _run(*args: str) -> subprocess.CompletedProcess:
    """The command line, count-params, as `python -m count_params` runs it."""
    return subprocess.run([sys.executable, "-m", "count_params", *args], capture_output=True, text=True, timeout=60)


def test_json_output_for_every_config():
    for name in NAMES:
        proc = _run(name, "--json")
        assert proc.returncode == 0 and proc.stderr == ""
        data = json.loads(proc.stdout)
        config = load_config(name)
        assert isinstance(data["total"], int) and data["total"] == reference_count(config)
        assert all(isinstance(v, int) for v in data["breakdown"].values())
        assert sum(data["breakdown"].values()) == data["total"]


def test_the_site_ships_exactly_the_tools_rules_and_configs():
    """One source of truth: the page's rules file is the tool's --rules output (the rules, the options with their
    defaults, the words the calculator shows), and its presets are the bundled configs."""
    script = HOOK.rules_script()
    shipped = json.loads(script.split("window.llmCountRules = ", 1)[1].rstrip().removesuffix(";"))
    proc = _run("--rules")
    assert proc.returncode == 0 and json.loads(proc.stdout) == json.loads(rules_json())
    assert {k: v for k, v in shipped.items() if k != "presets"} == json.loads(proc.stdout)
    assert [(p["id"], json.loads(p["json"])) for p in shipped["presets"]] == [(n, load_config(n)) for n in NAMES]


def test_human_output_names_the_total(tmp_path):
    """A bundled config by name, and a config.json by path (the report names it by its file name)."""
    path = tmp_path / "my-llama.json"
    path.write_text(json.dumps(load_config("llama-2-7b")))
    for arg, name in (("llama-2-7b", "llama-2-7b"), (str(path), "my-llama")):
        proc = _run(arg)
        assert proc.returncode == 0 and proc.stderr == ""
        assert proc.stdout.startswith(f"{name} (model_type llama)") and "6,738,415,616" in proc.stdout


def test_unknown_model_type_is_a_clear_error(tmp_path):
    bad = tmp_path / "config.json"
    bad.write_text(json.dumps({"model_type": "mamba", "vocab_size": 10, "hidden_size": 4}))
    proc = _run(str(bad), "--json")
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert "unknown model_type 'mamba'" in proc.stderr and "llama" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("name", NAMES)
def test_missing_key_is_a_clear_error(name, tmp_path):
    """Removing any size key of any committed config is an error naming that key, never a number."""
    config = load_config(name)
    required = [k for k in config if isinstance(config[k], int) and not isinstance(config[k], bool)]
    for key in required:
        reduced = {k: v for k, v in config.items() if k != key}
        try:
            result = count_parameters(reduced)
        except ConfigError as exc:
            assert f"'{key}'" in str(exc)
        else:
            # a key the counter does not need (token ids) or one with a documented default must not change the count
            assert result["total"] == reference_count(reduced), key
    # and once through the command line
    key = "vocab_size"
    bad = tmp_path / "config.json"
    bad.write_text(json.dumps({k: v for k, v in config.items() if k != key}))
    proc = _run(str(bad))
    assert proc.returncode != 0 and proc.stdout == ""
    assert f"missing required key '{key}'" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_model_type_and_bad_values():
    with pytest.raises(ConfigError, match="'model_type'"):
        count_parameters({"vocab_size": 10})
    with pytest.raises(ConfigError, match="'n_embd'"):
        count_parameters({"model_type": "gpt2", "vocab_size": 10, "n_positions": 4, "n_embd": "768",
                               "n_layer": 1, "n_head": 1})
    with pytest.raises(ConfigError, match="position_embedding_type"):
        count_parameters({"model_type": "bert", "vocab_size": 10, "hidden_size": 4, "num_hidden_layers": 1,
                               "num_attention_heads": 1, "intermediate_size": 8, "max_position_embeddings": 4,
                               "type_vocab_size": 2, "position_embedding_type": "relative_key"})


def test_no_argument_table_lists_every_config():
    proc = _run()
    assert proc.returncode == 0 and proc.stderr == ""
    for name in NAMES:
        total = count_parameters(load_config(name))["total"]
        assert re.search(rf"^{re.escape(name)}\s.*\b{total:,}\b", proc.stdout, re.M), name


def test_constants_in_other_snippets_match_the_counter():
    """Snippets on other pages quote counts as constants (each is a whole program); they must agree."""
    totals = {name: count_parameters(load_config(name))["total"] for name in NAMES}
    pattern = re.compile(r"#\s*count-params:\s*([\w.\-]+)\s*\n(?:\s*#.*\n)?\s*\w+\s*=\s*([\d_]+)")
    found = 0
    for snippet in (ROOT / "snippets").glob("*/*.py"):
        for name, value in pattern.findall(snippet.read_text()):
            found += 1
            assert int(value.replace("_", "")) == totals[name], f"{snippet}: {name}"
    assert found >= 2


def test_mixtral_counts_in_the_moe_snippet():
    """mixture-of-experts/moe_layer_torch.py prints Mixtral 8x7B's total and active counts by formula; they must
    equal the counter's (and so transformers') on Mistral-7B's shapes with 8 experts, 2 per token."""
    config = load_config("mistral-7b-v0.1")
    config.update(model_type="mixtral", num_local_experts=8, num_experts_per_tok=2)
    result = count_parameters(config)
    assert result["total"] == reference_count(config)
    out = (ROOT / "snippets" / "mixture-of-experts" / "moe_layer_torch.out").read_text()
    m = re.search(r"Mixtral 8x7B: total ([\d,]+) parameters, active per token ([\d,]+)", out)
    assert m, out
    assert int(m.group(1).replace(",", "")) == result["total"]
    assert int(m.group(2).replace(",", "")) == result["active"]


def _named(text: str, configs: dict[str, dict]) -> set[str]:
    """The configs whose model name (its _name_or_path) the text mentions."""
    return {stem for stem, c in configs.items()
            if re.search(rf"(?<![\w/.-]){re.escape(c['_name_or_path'])}(?![\w/-]|\.\w)", text)}


def _paragraph(path, marker: str) -> str:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
    found = [p for p in paragraphs if marker in p]
    assert len(found) == 1, f"{path.name}: {len(found)} paragraphs with {marker!r}"
    return found[0]


def test_the_exception_to_transformers_is_named_exactly_where_the_counts_differ():
    """The model table and the parameter-count page say that transformers builds exactly the counted parameters;
    the rows where it does not must be the ones both pages name, and the ones the table marks."""
    configs = {name: load_config(name) for name in NAMES}
    differ = {stem for stem, c in configs.items() if count_parameters(c)["total"] != transformers_count(c)}
    assert {stem for stem, c in configs.items() if HOOK.transformers_ties_the_head(c)} == differ
    table = HOOK.model_table("calculator.md")
    marked = {stem for stem in configs
              if re.search(rf"\?preset={re.escape(stem)}\).*\(#{HOOK.TIED_BY_TRANSFORMERS}\)", table)}
    assert marked == differ
    models, counting = ROOT / "docs" / "models.md", ROOT / "docs" / "terms" / "parameter-count.md"
    claims = [_paragraph(models, "built by Hugging Face transformers on torch's meta device"),
              _paragraph(counting, "Hugging Face transformers, built on the meta device"),
              _paragraph(models, f"{{ #{HOOK.TIED_BY_TRANSFORMERS} }}")]
    for claim in claims:
        assert _named(claim, configs) == differ, claim
    for stem in differ:  # and the difference is the head that the checkpoint stores
        r = count_parameters(configs[stem])
        assert r["total"] - transformers_count(configs[stem]) == r["breakdown"]["output_head"]


def test_the_model_table_names_the_classes_its_encoder_rows_count():
    """The encoder rows count what AutoModel builds (the bare encoder), not the class the config's architectures
    names; docs/models.md names both."""
    text = (ROOT / "docs" / "models.md").read_text(encoding="utf-8")
    encoders = [c for c in map(load_config, NAMES) if c["model_type"] in ENCODERS]
    assert encoders
    for config in encoders:
        built = type(built_model(config)).__name__
        assert built != config["architectures"][0]
        assert f"`{built}`" in text, built
    assert "`BertForMaskedLM`" in text and "pooler" in text


@pytest.mark.parametrize("name", NAMES)
def test_real_config_counts_as_transformers_builds_it(name):
    config = load_config(name)
    assert count_parameters(config)["total"] == reference_count(config)


@pytest.mark.parametrize("family", sorted(RULES))
def test_generated_configs_count_as_transformers_builds_them(family):
    rng = random.Random(f"{family}-16")  # a string seed: the same configs on every run
    for _ in range(GENERATED_PER_FAMILY):
        config = generated_config(family, rng)
        ours = count_parameters(config)
        assert ours["total"] == reference_count(config), config
        assert sum(ours["breakdown"].values()) == ours["total"]
        assert 0 < ours["active"] <= ours["total"]
