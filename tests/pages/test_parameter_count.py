"""The parameter counter (the package count_params, counter/) is shown right, not claimed right.

The oracle is the reference implementation, Hugging Face transformers (pinned): every family is built on
torch's ``meta`` device (shapes only: no weights, no memory, no download) from each committed real config and
from generated small configs that vary sizes, key aliases, tying and every optional key the rules read. The
parameters torch reports, a tied tensor counted once, must equal the counter's total exactly. The command line
is exercised as users run it: ``--json`` output, and clear errors for an unknown model_type and a missing key.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import subprocess
import sys

import pytest
from count_params import ConfigError, bundled_configs, count_parameters, load_config, main, rules_json
from count_params.families import BUILDS, TEXT_CONFIGS
from count_params.rules import INNER_ONLY, RULES, TOWER_RULES

from tests.support import ROOT
from tests.support.configs import generated_config, nested_config, reference_count, transformers_parts

NAMES = bundled_configs()  # counter/count_params/configs/<name>.json
# The models the issue names must be among the committed configs.
REQUIRED = {
    "gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl", "bert-base-uncased", "pythia-160m", "opt-125m",
    "llama-2-7b", "llama-3-8b", "mistral-7b-v0.1", "tinyllama-1.1b",
}
GENERATED_PER_FAMILY = 20


def test_every_required_model_is_committed():
    assert REQUIRED <= set(NAMES)


def test_known_published_count():
    """Pythia-160M: 162,322,944 in all (its model card) and 85,056,000 non-embedding (Biderman et al. 2023, Table 1)."""
    config = load_config("pythia-160m")
    result = count_parameters(config)
    assert result["total"] == 162_322_944
    assert result["non_embedding"] == 85_056_000


def test_gemma_3_270m_split_as_published():
    """Google, "Introducing Gemma 3 270M" (2025-08-14): "170 million embedding parameters" and "100 million for
    our transformer blocks"."""
    result = count_parameters(load_config("gemma-3-270m"))
    assert round(result["breakdown"]["embeddings"] / 10**7) == 17
    assert round(result["non_embedding"] / 10**8) == 1


def test_the_class_that_architectures_names_is_what_is_counted():
    """A T5 config whose architectures is T5EncoderModel (the text encoder that image generators ship, such as FLUX's
    T5-XXL) counts the encoder alone, as transformers builds that class: no decoder, no output head, no KV cache.
    Before the counter read architectures, it counted the whole encoder-decoder, 2.3 times too much."""
    config = load_config("t5-v1_1-xxl-encoder")
    assert config["architectures"] == ["T5EncoderModel"]
    result = count_parameters(config)
    assert result["total"] == reference_count(config)
    assert result["breakdown"]["output_head"] == 0 and result["kv_values_per_token"] is None
    assert any("T5EncoderModel" in note for note in result["notes"])
    whole = count_parameters({**config, "architectures": ["T5ForConditionalGeneration"]})
    assert whole["total"] == reference_count({**config, "architectures": ["T5ForConditionalGeneration"]})
    assert whole["total"] > 2 * result["total"] and whole["notes"] == []


def test_a_remote_code_family_is_counted_by_the_class_its_architectures_names():
    """Kimi-K2's config says model_type kimi_k2 (remote code) and architectures DeepseekV3ForCausalLM: it is counted
    as DeepSeek-V3, as transformers builds that class from the same keys, and the result says so."""
    config = {**load_config("deepseek-v3"), "model_type": "kimi_k2", "architectures": ["DeepseekV3ForCausalLM"]}
    result = count_parameters(config)
    assert (result["model_type"], result["family"]) == ("kimi_k2", "deepseek_v3")
    assert result["total"] == reference_count({**config, "model_type": "deepseek_v3"})
    assert result["notes"] == ["model_type 'kimi_k2' is not a transformers family; its architectures names "
                               "DeepseekV3ForCausalLM: counted as deepseek_v3"]
    with pytest.raises(ConfigError, match="unknown model_type 'kimi_k2'") as caught:
        count_parameters({**config, "architectures": ["KimiForCausalLM"]})
    assert caught.value.key == "model_type"


def test_the_classes_the_counter_relabels_by_are_the_ones_transformers_builds():
    """BUILDS, the class of each family that a remote-code config may name, is the class transformers builds for
    that model_type: for sequence to sequence where it has one (BART has both), else for causal language
    modelling."""
    from transformers.models.auto import modeling_auto as auto

    for family, cls in BUILDS.items():
        built = auto.MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES.get(family) or auto.MODEL_FOR_CAUSAL_LM_MAPPING_NAMES[family]
        assert cls == built, family


def test_a_language_model_that_transformers_builds_only_inside_its_multimodal_model_is_refused_alone():
    """Qwen3-VL's language model (qwen3_vl_text) has no class for causal language modelling: transformers builds it,
    with its head, only inside Qwen3VLForConditionalGeneration. Alone it is refused, naming the config to count."""
    from transformers.models.auto import modeling_auto as auto

    assert INNER_ONLY
    for inner, outer in INNER_ONLY.items():
        assert inner not in auto.MODEL_FOR_CAUSAL_LM_MAPPING_NAMES, inner
        config = load_config(next(n for n in NAMES if load_config(n)["model_type"] == outer))
        with pytest.raises(ConfigError, match="count that config") as caught:
            count_parameters(config["text_config"])
        assert caught.value.key == "model_type" and f"'{outer}'" in str(caught.value)


def test_multi_token_prediction_layers_are_a_figure_apart():
    """DeepSeek-V3's checkpoint stores one multi-token-prediction layer (num_nextn_predict_layers: 1) that
    transformers does not build: the total is what transformers builds, the MTP layer a figure of its own. Its model
    card: 685B on the Hub, "671B of the Main Model weights and 14B of the Multi-Token Prediction (MTP) Module
    weights"."""
    config = load_config("deepseek-v3")
    assert config["num_nextn_predict_layers"] == 1
    result = count_parameters(config)
    assert result["total"] == reference_count(config)
    # the card's round figures; the Hub's 685B also counts the fp8 checkpoint's scales, which the tool leaves out
    assert round(result["total"] / 1e9) == 671 and 684e9 < result["total"] + result["mtp_parameters"] < 685e9
    assert count_parameters({**config, "num_nextn_predict_layers": 0})["total"] == result["total"]
    code, stdout, _ = cli_prints(["deepseek-v3"])
    assert code == 0 and f"{result['mtp_parameters']:,}" in stdout


# The totals model cards print, rounded to the unit they use, and where: none counts the multi-token-prediction
# layers that the checkpoint stores (num_nextn_predict_layers), which the counter gives apart
CARD_TOTALS = [
    # https://huggingface.co/zai-org/GLM-5, "Introduction": "744B parameters (40B active)"
    ("glm-5", 744, 1e9),
    # https://huggingface.co/deepseek-ai/DeepSeek-V4-Flash, "Introduction": "284B parameters (13B activated)"
    ("deepseek-v4-flash", 284, 1e9),
    # https://huggingface.co/moonshotai/Kimi-K2.5, "2. Model Summary": Total Parameters 1T, and the vision
    # encoder (MoonViT, 400M) in a row of its own
    ("kimi-k2.5", 1, 1e12),
]


@pytest.mark.parametrize("name, card, unit", CARD_TOTALS)
def test_the_total_a_model_card_prints_is_the_language_model_without_its_mtp_layers(name, card, unit):
    """The counter's total (the language model, as transformers builds it) rounds to the card's figure; the MTP layers
    the config names are a figure apart, which the card's total leaves out: with them, the total would round to
    another figure (GLM-5: 756B, DeepSeek-V4-Flash: 291B; Kimi-K2.5 stores none)."""
    config = load_config(name)
    result = count_parameters(config)
    language_model = result.get("language_model") or result["total"]
    assert round(language_model / unit) == card
    mtp_layers = config.get("num_nextn_predict_layers", config.get("text_config", {}).get("num_nextn_predict_layers"))
    assert (result["mtp_parameters"] > 0) == (mtp_layers > 0), mtp_layers
    if mtp_layers:
        assert round((language_model + result["mtp_parameters"]) / unit) != card
    code, stdout, _ = cli_prints([name])
    assert code == 0 and (not mtp_layers or f"{result['mtp_parameters']:,}" in stdout)


def test_gemma_3_4b_language_model_as_published():
    """Gemma Team, "Gemma 3 Technical Report" (2025), Table 1: the 4B model has 3,209M non-embedding parameters
    beside its 417M vision encoder; its config.json names few keys of its text_config, the rest are
    Gemma3TextConfig's defaults. The vision encoder is the SigLIP tower alone (with the projector, 420M)."""
    result = count_parameters(load_config("gemma-3-4b-it"))
    assert round(result["non_embedding"] / 10**6) == 3209
    assert round(result["towers"]["vision_tower"] / 10**6) == 417
    assert result["total"] == result["language_model"] + sum(result["towers"].values())


def _run(*args: str) -> subprocess.CompletedProcess:
    """The command line, count-params, as `python -m count_params` runs it."""
    return subprocess.run([sys.executable, "-m", "count_params", *args], capture_output=True, text=True, timeout=60)


def cli_prints(args: list[str]) -> tuple[int, str, str]:
    """What `count-params ARGS` prints, run in this process (its entry point, `python -m count_params`, is run
    as a program by the tests below)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def test_json_output_for_every_config():
    """--json prints the package's count (which test_real_config_counts_as_transformers_builds_it holds to
    transformers' count, for the same configs)."""
    for name in NAMES:
        code, stdout, stderr = cli_prints([name, "--json"])
        assert code == 0 and stderr == ""
        data = json.loads(stdout)
        assert isinstance(data["total"], int) and data["total"] == count_parameters(load_config(name))["total"]
        assert all(isinstance(v, int) for v in data["breakdown"].values())
        assert sum(data["breakdown"].values()) == data["total"]


def test_the_rules_option_prints_the_rules_the_site_ships():
    """`count-params --rules` prints the rules that the build writes for the calculator (tests/pages/
    test_calculator.py checks the page's copy against the same rules_json())."""
    code, stdout, stderr = cli_prints(["--rules"])
    assert code == 0 and stderr == "" and json.loads(stdout) == json.loads(rules_json())


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
    """Removing any size key of any committed config (or of its text_config) is an error naming that key, never a
    number, unless the config class has a default for it, which then counts as transformers builds it."""
    config = load_config(name)
    refused = []
    for path in _size_keys(config):
        reduced = _without(config, path)
        try:
            result = count_parameters(reduced)
        except ConfigError as exc:
            assert f"'{path[-1]}'" in str(exc)
            refused.append((path, str(exc)))
        else:
            # a key the counter does not need (token ids) or one with a documented default must not change the count
            assert result["total"] == reference_count(reduced), path
    # and once through the command line's entry point (in this process: the program itself is run by the tests of
    # its other errors)
    for path, message in refused[:1]:
        bad = tmp_path / "config.json"
        bad.write_text(json.dumps(_without(config, path)))
        code, stdout, stderr = cli_prints([str(bad)])
        assert code != 0 and stdout == ""
        # a missing key, or (where the key has a default) what the default contradicts, such as Gemma 4's
        # layer_types when num_hidden_layers is gone, or Falcon-H1's mamba_d_ssm
        assert message in stderr and f"'{path[-1]}'" in stderr and "Traceback" not in stderr


def _size_keys(config: dict) -> list[tuple[str, ...]]:
    """The paths of the whole numbers of a config, inside its text_config and its towers' configs too."""
    paths = [(k,) for k, v in config.items() if isinstance(v, int) and not isinstance(v, bool)]
    for nested in ("text_config", "vision_config", "audio_config"):
        if isinstance(config.get(nested), dict):
            paths += [(nested, *p) for p in _size_keys(config[nested])]
    return paths


def _without(config: dict, path: tuple[str, ...]) -> dict:
    if len(path) == 1:
        return {k: v for k, v in config.items() if k != path[0]}
    return {**config, path[0]: _without(config[path[0]], path[1:])}


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
        if family in TOWER_RULES:  # a flat multimodal config: its language model and towers apart
            assert {**ours["towers"], "language_model": ours["language_model"]} == transformers_parts(config), config


@pytest.mark.parametrize("model_type", sorted(TEXT_CONFIGS))
def test_a_multimodal_configs_language_model_counts_as_transformers_builds_it(model_type):
    """A multimodal config's language model is its text_config, whose missing keys take the text config class's
    defaults, as transformers fills them; its towers read their nested configs (vision_config) the same way. The
    count is the multimodal class transformers builds, each tower and projector a part of its own and the language
    model a figure of its own; without tower rules, the language model alone, and the result says so."""
    rng = random.Random(f"{model_type}-nested")
    family = TEXT_CONFIGS[model_type]["default"]
    for _ in range(GENERATED_PER_FAMILY // 2):
        config = nested_config(model_type, generated_config(family, rng), rng)
        tie_key = next((k for k in TEXT_CONFIGS[model_type].get("tie keys", []) if k in config), "tie_word_embeddings")
        if config.get(tie_key, False) is None and not TEXT_CONFIGS[model_type]["null unties"]:
            with pytest.raises(ConfigError, match=f"'{tie_key}' must be true or false"):
                count_parameters(config)  # as transformers refuses it
            config[tie_key] = rng.random() < 0.5
        result = count_parameters(config)
        assert result["total"] == reference_count(config), config
        assert (result["model_type"], result["family"]) == (model_type, family)
        if model_type not in TOWER_RULES:
            assert result["notes"] and "not counted" in result["notes"][0]
            continue
        assert {**result["towers"], "language_model": result["language_model"]} == transformers_parts(config), config
        assert sum(result["breakdown"].values()) == result["total"]
    with pytest.raises(ConfigError, match="'text_config' must be an object") as caught:
        count_parameters({"model_type": model_type, "text_config": [1]})
    assert caught.value.key == "text_config"


def test_lfm2_1_2b_as_published():
    """Liquid AI's LFM2-1.2B model card (https://huggingface.co/LiquidAI/LFM2-1.2B, "Model details"): 1,170,340,608
    parameters, 16 layers (10 convolution, 6 attention); its MLP width is block_ff_dim adjusted by Lfm2MLP (two
    thirds, times block_ffn_dim_multiplier, rounded up to a multiple of block_multiple_of)."""
    config = load_config("lfm2-1.2b")
    assert count_parameters(config)["total"] == 1_170_340_608
    assert config["layer_types"].count("conv") == 10 and config["layer_types"].count("full_attention") == 6


# the widths that must divide each other: left out together, to the class's defaults, or all given
WIDTHS = ("hidden_size", "num_attention_heads", "num_key_value_heads", "head_dim")
EXPERTS = ("num_experts", "num_experts_per_tok")  # a generated expert count may be below the default top-k


@pytest.mark.parametrize("model_type, text_family, default_layers", [
    ("lfm2", "lfm2", 32), ("lfm2_vl", "lfm2", 32),
    ("qwen3_5", "qwen3_5_text", 32), ("qwen3_5_moe", "qwen3_5_moe_text", 40),
])
def test_a_config_that_names_few_keys_counts_as_transformers_fills_it(model_type, text_family, default_layers):
    """Keys left out take the config class's defaults (LFM2's vocab_size, hidden_size, num_hidden_layers,
    num_attention_heads, block_ff_dim, and Qwen3.5's num_hidden_layers, were required): generated configs with a
    random few of their keys, flat or as a multimodal config's text_config, count as transformers builds them."""
    rng = random.Random(f"{model_type}-few-keys")
    left_out = set()
    for _ in range(GENERATED_PER_FAMILY // 2):
        config = generated_config(text_family, rng)
        if model_type != text_family:
            config = nested_config(model_type, config, rng)
            for key in ("tie_embedding", "tie_word_embeddings"):  # nested_config may set it null, which is refused
                if key in config and config[key] is None:
                    config[key] = rng.random() < 0.5
        text = config.get("text_config", config)
        drop = set(rng.sample(sorted(set(text) - {"model_type"}), rng.randint(1, len(text) - 1)))
        for coupled in (WIDTHS, EXPERTS):
            if drop & set(coupled):
                drop |= set(coupled)
        for key in drop:
            text.pop(key, None)
        if "num_hidden_layers" not in text and len(text.get("layer_types") or [None] * default_layers) != default_layers:
            # the default layer count contradicts them: refused, as transformers refuses it (validate_layer_type)
            with pytest.raises(ConfigError, match="'num_hidden_layers'|'layer_types'"):
                count_parameters(config)
            with pytest.raises(Exception):  # noqa: B017 (the config class's own validation error)
                reference_count(config)
            del text["layer_types"]
        left_out |= drop
        assert count_parameters(config)["total"] == reference_count(config), config
    assert {"vocab_size", "num_hidden_layers", "hidden_size"} <= left_out  # the defaults were read


@pytest.mark.parametrize("name", ["falcon-h1-7b-instruct", "granite-4.0-h-tiny"])
def test_a_null_mamba_d_head_is_refused_as_transformers_refuses_it(name):
    """FalconH1Config and GraniteMoeHybridConfig work mamba_d_head out from "auto" (the Mamba width over
    mamba_n_heads); null they refuse (validate_architecture multiplies it by mamba_n_heads). The counter refuses null,
    naming the key, and counts "auto" and an absent key as transformers builds them."""
    config = load_config(name)
    with pytest.raises(Exception, match="validate_architecture"):
        reference_count({**config, "mamba_d_head": None})
    with pytest.raises(ConfigError, match="'mamba_d_head' must be a whole number or 'auto'") as caught:
        count_parameters({**config, "mamba_d_head": None})
    assert caught.value.key == "mamba_d_head"
    for derived in ({**config, "mamba_d_head": "auto"}, {k: v for k, v in config.items() if k != "mamba_d_head"}):
        assert count_parameters(derived)["total"] == reference_count(derived) == count_parameters(config)["total"]


def test_gemma_4_kv_sharing_is_refused_where_transformers_refuses_it():
    """Gemma4TextConfig.kv_sharing_modes refuses a number of layers sharing a KV cache that leaves a kind of layer
    among them with no layer of its kind before them (the last layer is always full, and every 6th without
    layer_types): the counter refuses the same configs, naming num_kv_shared_layers, and counts the others exactly."""
    rng = random.Random("gemma4-kv-sharing")
    outcomes = set()
    for _ in range(40):
        layers = rng.randint(1, 8)
        config = {"model_type": "gemma4_text", "vocab_size": 64, "hidden_size": 16, "intermediate_size": 24,
                  "num_attention_heads": 2, "num_key_value_heads": 1, "head_dim": 4, "global_head_dim": 8,
                  "hidden_size_per_layer_input": 2, "vocab_size_per_layer_input": 32, "num_hidden_layers": layers,
                  "num_kv_shared_layers": rng.randint(0, layers)}
        if rng.random() < 0.7:
            config["layer_types"] = [rng.choice(["sliding_attention", "full_attention"]) for _ in range(layers)]
        try:
            expected = reference_count(config)
        except ValueError:
            expected = None
        if expected is None:
            with pytest.raises(ConfigError, match="share a KV cache") as caught:
                count_parameters(config)
            assert caught.value.key == "num_kv_shared_layers"
        else:
            assert count_parameters(config)["total"] == expected, config
        outcomes.add(expected is None)
    assert outcomes == {True, False}


def test_mamba_codestral_7b_as_published():
    """Mistral AI, "Codestral Mamba" (https://mistral.ai/news/codestral-mamba, 2024-07-16, the paragraph on
    deploying it): "an instructed model, with 7,285,403,648 parameters"; every layer a Mamba-2 mixer, no attention."""
    config = load_config("mamba-codestral-7b-v0.1")
    assert count_parameters(config)["total"] == 7_285_403_648
    assert reference_count(config) == 7_285_403_648


@pytest.mark.parametrize("model_type", ["qwen3_5", "qwen3_5_moe"])
def test_qwen3_5_builds_no_deepstack_mergers_whatever_its_vision_config_says(model_type):
    """Qwen3.5's vision tower is Qwen3-VL's without the deepstack mergers: Qwen3_5VisionModel builds only its merger,
    so deepstack_visual_indexes (which real configs write as []) changes nothing, where in Qwen3-VL each index adds
    one merger."""
    rng = random.Random(f"{model_type}-deepstack")
    config = nested_config(model_type, generated_config(TEXT_CONFIGS[model_type]["default"], rng), rng)
    config["tie_word_embeddings"] = False
    vision = {"depth": 4, "hidden_size": 8, "num_heads": 2, "intermediate_size": 12, "out_hidden_size": 16}
    counts = set()
    for indexes in ([], [0, 2], None):
        config["vision_config"] = {**vision, **({} if indexes is None else {"deepstack_visual_indexes": indexes})}
        result = count_parameters(config)
        assert {**result["towers"], "language_model": result["language_model"]} == transformers_parts(config)
        counts.add(result["total"])
    assert len(counts) == 1


def test_lfm2_vl_450m_vision_encoder_as_published():
    """LFM2-VL-450M's model card ("Model details", https://huggingface.co/LiquidAI/LFM2-VL-450M, quoted whole in
    varun00391/local-finetuned-model): its vision encoder "SigLIP2 NaFlex base (86M)", beside the 350M language model
    of LFM2-350M. The tower counts 86M, as transformers builds it; the projector, a figure of its own, is not in it."""
    config = load_config("lfm2-vl-450m")
    result = count_parameters(config)
    assert round(result["towers"]["vision_tower"] / 1e6) == 86
    assert {**result["towers"], "language_model": result["language_model"]} == transformers_parts(config)


@pytest.mark.parametrize("config", [
    {"model_type": "voxtral"},
    {"model_type": "voxtral", "text_config": None, "audio_config": None, "tie_word_embeddings": True},
    {"model_type": "voxtral", "text_config": {"num_hidden_layers": 2, "tie_word_embeddings": True},
     "audio_config": {"num_hidden_layers": 1}},
    {"model_type": "voxtral", "text_config": {"model_type": "mistral", "num_attention_heads": 16,
                                              "num_hidden_layers": 2}},
], ids=["absent", "null", "partial", "mistral"])
def test_voxtral_fills_its_text_config_with_its_own_defaults_and_never_ties_its_head(config):
    """VoxtralConfig (configuration_voxtral.py) makes an absent or null text_config a llama config with its own
    defaults (its SubConfigSpec's init_kwargs: Voxtral Mini's language model), and merges those defaults into a
    partial one; VoxtralForConditionalGeneration ties no weights, so its head is its own whatever a flag says. Each
    part counts as transformers builds it."""
    result = count_parameters(config)
    assert {**result["towers"], "language_model": result["language_model"]} == transformers_parts(config)
    assert not result["tied_output_head"] and result["breakdown"]["output_head"] > 0


def test_voxtral_gives_llamas_default_heads_only_to_a_llama_text_config():
    """LlamaConfig's num_attention_heads fills a llama text_config; another model_type's class has its own default,
    which the rules do not assume: refused, naming the key."""
    with pytest.raises(ConfigError, match="'num_attention_heads'") as caught:
        count_parameters({"model_type": "voxtral", "text_config": {"model_type": "mistral"}})
    assert caught.value.key == "num_attention_heads"


def test_voxtral_refuses_an_audio_config_that_is_not_its_encoder():
    """VoxtralModel builds whatever model its audio_config names as its audio tower; the rules count
    VoxtralEncoder, so another (a Whisper config: a whole encoder-decoder there) is refused, naming the key."""
    with pytest.raises(ConfigError, match="'voxtral_encoder'") as caught:
        count_parameters({"model_type": "voxtral", "audio_config": {"model_type": "whisper"}})
    assert caught.value.key == "audio_config.model_type"
def _position_tables(config: dict) -> int:
    """Gemma 4's learned vision positions, a table per axis (Gemma4VisionPatchEmbedder.position_embedding_table)."""
    vision = config["vision_config"]
    return 2 * vision["position_embedding_size"] * vision["hidden_size"]


def test_gemma_4_as_published():
    """Google's Gemma 4 model card, as its "Gemma 4 family" table is repeated in a Keras port's card
    (https://huggingface.co/zeromodels/gemma-4-e4b-it, "Gemma 4 family"): E2B "2.3B effective (5.1B with
    embeddings)", a vision encoder of ~150M and an audio encoder of ~300M; 31B "30.7B", a vision encoder of ~550M and
    no audio. The 31B's 30.7B is its language model: its vision tower and embedder make the checkpoint 31.27B. E2B's
    "effective" count leaves out the per-layer embedding tables (PLE: a table of num_hidden_layers x
    hidden_size_per_layer_input per token, 2.35B of its 5.10B), which are looked up, never multiplied; its 5.1B is
    everything, both towers included. The vision figures fit the towers less their position tables (2 x 10240
    positions x their width), 152M and 546M; with them the towers count 167M and 570M."""
    e2b, big = load_config("gemma-4-e2b-it"), load_config("gemma-4-31b-it")
    small, large = count_parameters(e2b), count_parameters(big)
    text = e2b["text_config"]
    ple = text["vocab_size_per_layer_input"] * text["num_hidden_layers"] * text["hidden_size_per_layer_input"]
    assert round(small["total"] / 1e8) == 51
    assert round((small["language_model"] - ple) / 1e8) == 23
    assert round(small["towers"]["audio_tower"] / 1e8) == 3
    assert round((small["towers"]["vision_tower"] - _position_tables(e2b)) / 1e7) == 15
    assert round(large["language_model"] / 1e8) == 307
    assert round((large["towers"]["vision_tower"] - _position_tables(big)) / 1e7) == 55
    assert large["towers"]["audio_tower"] == 0  # its audio_config is null: transformers builds no audio tower
    for config, result in ((e2b, small), (big, large)):
        assert {**result["towers"], "language_model": result["language_model"]} == transformers_parts(config)


def test_kimi_k2_5_as_published():
    """Kimi-K2.5 is "a 1T-parameter model (32B active)" (SGLang's Kimi-K2.5 page,
    https://docs.sglang.io/docs/basic_usage/kimi_k2_5, its introduction): 1.03T here, and per token 31.69B without
    the token table, 32B as the page rounds it (32.86B with the table, this site's convention). Its vision weights
    extracted from the checkpoint, the MoonViT tower and the projector, are "335 tensors, ~899MB (BF16)"
    (https://huggingface.co/Drifter4242/Kimi-K2.5-vision, "Contents"): two bytes a parameter, in MiB, the tower and
    projector that transformers builds."""
    config = load_config("kimi-k2.5")
    result = count_parameters(config)
    assert round(result["total"] / 1e12) == 1
    assert round((result["active"] - result["breakdown"]["embeddings"]) / 1e9) == 32
    assert round(2 * sum(result["towers"].values()) / 2**20) == 899
    assert {**result["towers"], "language_model": result["language_model"]} == transformers_parts(config)


@pytest.mark.parametrize("name, path, value", [
    ("gemma-4-e2b-it", "vision_config.head_dim", 63),  # its rotary embedding turns pairs
    ("gemma-4-e2b-it", "vision_config.num_key_value_heads", 0),
    ("gemma-4-e2b-it", "audio_config.subsampling_conv_channels", [128]),
    ("kimi-k2.5", "vision_config.hidden_size", 1151),  # the frames' sines and cosines come in pairs
    ("kimi-k2.5", "vision_config.num_attention_heads", 0),
    ("kimi-k2.5", "vision_config.merge_kernel_size", [2]),
])
def test_tower_sizes_that_transformers_cannot_build_are_refused_naming_the_key(name, path, value):
    """A tower size that transformers refuses or fails to build with is refused by the counter too, naming the key
    in its nested config, not counted."""
    config = load_config(name)
    nested, key = path.split(".")
    config[nested] = {**config[nested], key: value}
    with pytest.raises(ConfigError) as caught:
        count_parameters(config)
    assert caught.value.key == path
    with pytest.raises(Exception):  # noqa: B017 (a validation error, a division by zero, an index or a shape)
        reference_count(config)


def test_gemma_4_without_its_towers_is_its_language_model():
    """Gemma4Config's vision_config and audio_config are optional: null or absent, transformers builds no tower and
    no embedder for it, and the count is the language model's alone."""
    config = load_config("gemma-4-e2b-it")
    whole = count_parameters(config)
    for bare in ({**config, "vision_config": None, "audio_config": None},
                 {k: v for k, v in config.items() if k not in ("vision_config", "audio_config")}):
        result = count_parameters(bare)
        assert result["total"] == whole["language_model"] == reference_count(bare)
        assert {**result["towers"], "language_model": result["language_model"]} == transformers_parts(bare)
        assert set(result["towers"].values()) == {0}
