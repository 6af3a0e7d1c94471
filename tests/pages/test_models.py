"""The models page (docs/models.md): the model table that hooks/count_rules.py writes from the bundled configs,
and what it says about the models that transformers builds: the rows where transformers' count differs from the
counter's are exactly the ones the table marks and the pages name, and the encoder rows name the classes they
count."""

from __future__ import annotations

import re

from count_params import bundled_configs, count_parameters, load_config

from hooks import count_rules as HOOK
from tests.support import ROOT
from tests.support.configs import ENCODERS, TOWER_MODULES, built_model, transformers_count, transformers_parts

NAMES = bundled_configs()


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


def test_the_model_table_gives_the_recurrent_state_of_the_hybrids_alone():
    """The state column is filled for the rows whose models keep a recurrent state (Mamba-2, Gated DeltaNet, short
    convolutions) and for no other row; Nemotron-H 8B's is the state that the state-space-model page prints, which
    tests/pages/test_state_space_model.py checks against transformers' cache."""
    from count_params import memory

    table = HOOK.model_table("calculator.md")
    filled = set()
    for stem in NAMES:
        row = next(line for line in table.splitlines() if f"?preset={stem})" in line)
        state = row.split("|")[-2].strip()  # the last cell
        kv = memory(load_config(stem))["kv_cache"]
        assert bool(state) == bool(kv and kv["recurrent_layers"]), stem
        if state:
            filled.add(stem)
    assert {"nemotron-h-8b-base-8k", "falcon-h1-7b-instruct", "granite-4.0-h-tiny", "lfm2-1.2b", "qwen3.5-4b",
            "qwen3-next-80b-a3b"} <= filled
    printed = re.search(r"^Nemotron-H 8B\s+\d+\s+\d+\s+\d+ KiB\s+([\d.]+) MiB", (
        ROOT / "snippets" / "state-space-model" / "hybrids.out").read_text(encoding="utf-8"), re.M).group(1)
    row = next(line for line in table.splitlines() if "?preset=nemotron-h-8b-base-8k)" in line)
    assert row.split("|")[-2].strip() == f"{printed} MiB"


def test_multimodal_rows_split_their_language_model_from_their_towers_as_transformers_builds_them():
    """The table's language-model and tower columns: for a multimodal model, the parameters transformers builds in its
    language model (head included) and in its vision tower and projector; for a text model, all of them and none."""
    table = HOOK.model_table("calculator.md")
    multimodal = 0
    for stem in NAMES:
        row = next(line for line in table.splitlines() if f"?preset={stem})" in line)
        cells = [cell.strip() for cell in row.split("|")[1:-1]]
        total, language_model, towers = cells[2].split(" ")[0], cells[3], cells[4]  # the total without its note
        config = load_config(stem)
        if config["model_type"] not in TOWER_MODULES:
            assert (language_model, towers) == (total, "(none)"), stem
            continue
        multimodal += 1
        built = transformers_parts(config)
        assert int(language_model.replace(",", "")) == built.pop("language_model"), stem
        # the parts transformers builds: a tower the config does not name (an audio_config of null) is none
        assert [int(n.replace(",", "")) for n in towers.split(" + ")] == [n for n in built.values() if n], stem
    assert multimodal >= 3
