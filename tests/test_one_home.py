"""One home for each repeated figure (issue 25).

Llama-2-7B's weights in each precision and its model states for mixed-precision Adam belong to the memory
footprint page; its KV cache per token and at its full context of 4096 tokens belong to the KV cache page.
Other pages link there instead of computing them again. This test computes each figure from the parameter
counter (the count of configs/llama-2-7b.json and the counter's own KV cache formula), writes it as a page or a
program would print it, and fails where any page states it, or any snippet prints it, outside its home page and
the outputs that page includes, unless the place is listed below with its reason.

A figure's spelling: with two decimals or one, or none if that leaves three digits (108 GB), in GB or GiB (KiB
for the cache per token). A spelling with four or more significant digits (13.48, 107.81) counts with or
without its unit, so table columns count too; a shorter one (13.5 GB, 2.1 GB) only with its unit after it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from count_params import count_parameters, load_config, memory

from hooks.includes import included_paths
from tests.support import ROOT

CONFIG = load_config("llama-2-7b")
N = count_parameters(CONFIG)["total"]
CONTEXT = CONFIG["max_position_embeddings"]  # 4096
KV = memory(CONFIG, {"context_length": str(CONTEXT)})["kv_cache"]  # bf16, one sequence
GB, GiB, KiB = 10**9, 2**30, 2**10

# figure -> (home page, bytes, units it is written in)
FIGURES = {
    "weights in fp32": ("memory-footprint", 4 * N, ("GB", "GiB")),
    "weights in bf16": ("memory-footprint", 2 * N, ("GB", "GiB")),
    "weights in int8": ("memory-footprint", 1 * N, ("GB", "GiB")),
    "weights in packed int4": ("memory-footprint", N / 2, ("GB", "GiB")),
    "weights in int4 with an fp16 scale per 32": ("memory-footprint", N * 4.5 / 8, ("GB", "GiB")),
    "model states, mixed-precision Adam": ("memory-footprint", 16 * N, ("GB", "GiB")),
    "KV cache per token": ("kv-cache", KV["bytes"] // CONTEXT, ("KiB",)),
    f"KV cache of {CONTEXT} tokens": ("kv-cache", KV["bytes"], ("GB",)),
}
SCALE = {"GB": GB, "GiB": GiB, "KiB": KiB}

# Places outside a figure's home that may state it, each with its reason: (path, figure) -> reason.
EXCEPTIONS = {
    ("snippets/kv-cache/versus_weights.out", "weights in bf16"):
        "the KV cache page's table sets each model's cache against its weights, four models in one table",
    ("snippets/parallelism/bytes_per_device.out", "weights in bf16"):
        "ZeRO-3 and tensor parallelism over 8 devices leave 16 / 8 = 2 bytes per parameter of model state on "
        "each device: a per-device figure that equals the bf16 weights",
}


def significant(form: str) -> int:
    digits = form.replace(".", "").lstrip("0")
    return len(digits) if "." in form else len(digits.rstrip("0"))


def spellings(nbytes: float, units) -> list[re.Pattern]:
    """The ways a page or a program writes the figure."""
    patterns = []
    for unit in units:
        value = nbytes / SCALE[unit]
        for form in dict.fromkeys(f"{value:.{places}f}" for places in (2, 1, 0)):
            if significant(form) < (3 if "." not in form else 2):
                continue  # 13 GB or 2 GiB: a round figure, not this one
            number = rf"(?<![\w.,]){re.escape(form)}(?![\d])"
            if significant(form) >= 4:
                patterns.append(re.compile(rf"{number}(?!\.\d)"))
            else:
                patterns.append(re.compile(rf"{number}\s?{unit}\b"))
    return patterns


def texts() -> dict[str, str]:
    """Every page's text (notebooks: their Markdown and outputs) and every snippet's printed output."""
    found = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        found[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "docs").rglob("*.ipynb")):
        parts = []
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                parts.append("".join(cell["source"]))
            for output in cell.get("outputs", []):
                parts.append("".join(output.get("text", [])))
                parts.append("".join(output.get("data", {}).get("text/plain", [])))
        found[path.relative_to(ROOT).as_posix()] = "\n".join(parts)
    for path in sorted((ROOT / "snippets").rglob("*.out")):
        found[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    return found


TEXTS = texts()


def home_files(slug: str) -> set[str]:
    page = f"docs/terms/{slug}.md"
    return {page, *(p for p in included_paths(TEXTS[page]) if p.endswith(".out"))}


def places(figure: str) -> dict[str, list[str]]:
    """Where the figure is stated: path -> the lines that state it."""
    _, nbytes, units = FIGURES[figure]
    patterns = spellings(nbytes, units)
    found: dict[str, list[str]] = {}
    for path, text in TEXTS.items():
        lines = [line.strip() for line in text.splitlines() if any(p.search(line) for p in patterns)]
        if lines:
            found[path] = lines
    return found


@pytest.mark.parametrize("figure", FIGURES)
def test_a_restatement_is_recognised(figure):
    """The ways a page writes the figure are found, in prose and in a table, and its neighbours are not."""
    _, nbytes, units = FIGURES[figure]
    patterns = spellings(nbytes, units)
    unit = units[0]
    value = nbytes / SCALE[unit]
    for text in (f"for Llama 2 7B that is {value:.2f} {unit},", f"llama-2-7b  {value:.2f}{unit}  ok"):
        assert any(p.search(text) for p in patterns), text
    for text in (f"{value + 0.1:.2f} {unit}", f"{value:.2f}7 {unit}", f"1{value:.2f} {unit}"):
        assert not any(p.search(text) for p in patterns), text


@pytest.mark.parametrize("figure", FIGURES)
def test_the_home_page_states_the_figure(figure):
    home = FIGURES[figure][0]
    assert set(places(figure)) & home_files(home), f"{figure}: not stated on its home, docs/terms/{home}.md"


@pytest.mark.parametrize("figure", FIGURES)
def test_no_other_page_restates_the_figure(figure):
    home = FIGURES[figure][0]
    elsewhere = {path: lines for path, lines in places(figure).items()
                 if path not in home_files(home) and (path, figure) not in EXCEPTIONS}
    assert not elsewhere, (
        f"Llama-2-7B's {figure} is computed on docs/terms/{home}.md; link there instead of stating it again "
        f"(or list the place in EXCEPTIONS with its reason):\n"
        + "\n".join(f"  {path}: {line}" for path, lines in elsewhere.items() for line in lines)
    )


@pytest.mark.parametrize(("path", "figure"), list(EXCEPTIONS))
def test_each_exception_is_still_needed(path, figure):
    assert Path(ROOT / path).is_file() and path in places(figure), f"{path} no longer states {figure}: drop it"
