"""The generation-parameters page's example against its programs and against transformers (pinned).

The page states the text that the example's logits follow; the penalty rows depend on which tokens that text holds
and how often. These tests read the context from the page, check that both snippets use it, and recompute the rows
that depend on it (and the row of the three cut-offs in sequence) with transformers' own logits processors, so that
a page and a program that drift apart fail here.
"""

from __future__ import annotations

import re

import pytest
import torch
from transformers.generation.logits_process import (
    MinPLogitsWarper,
    RepetitionPenaltyLogitsProcessor,
    TopKLogitsWarper,
    TopPLogitsWarper,
)

from tests.support import ROOT, snippet_globals
from tests.support.widgets import check_accessibility, focus_ring, keyboard_to, node_call, summary

PAGE = " ".join((ROOT / "docs" / "terms" / "generation-parameters.md").read_text(encoding="utf-8").split())
SNIPPETS = ["settings_numpy", "settings_torch"]
TIMES = {"once": 1, "twice": 2, "three times": 3}
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def page_context() -> str:
    found = re.findall(r'after the text "([^"]+)"', PAGE)
    assert len(found) == 1, f"the page should state the example's context once, found {found}"
    return found[0]


def golden(name: str) -> str:
    return (ROOT / "snippets" / "generation-parameters" / f"{name}.out").read_text(encoding="utf-8")


def row(out: str, label: str) -> list[float]:
    """The eight probabilities printed on the row with this label."""
    match = re.search(rf"^{re.escape(label)}\s+((?:[\d.]+\s*){{8}})$", out, re.M)
    assert match, f"no row {label!r} in the output"
    return [float(x) for x in match.group(1).split()]


@pytest.fixture(scope="module")
def snippet(tmp_path_factory):
    return snippet_globals("generation-parameters/settings_numpy.py", tmp_path_factory.mktemp("gp"))


@pytest.mark.parametrize("name", SNIPPETS)
def test_the_programs_use_the_context_the_page_states(name, tmp_path):
    context = page_context()
    assert snippet_globals(f"generation-parameters/{name}.py", tmp_path)["context"] == context
    assert golden(name).splitlines()[0].startswith(f"after {context!r};")  # what the reader sees printed


def test_the_page_counts_the_repeats_of_its_context(snippet):
    """Every sentence that says how often a candidate appeared agrees with the stated context."""
    words = page_context().split()
    claims = re.findall(r'"([^"]+)"(?: already)?(?: appeared)? (once|twice|three times)', PAGE)
    assert claims, "the page should say how often the candidates appeared"
    for word, times in claims:
        assert words.count(word) == TIMES[times], f'"{word}" appears {words.count(word)} times in the context'
    assert {w for w, _ in claims} == {w for w in snippet["vocab"] if w in words}


def context_ids(vocab: list[str]) -> torch.Tensor:
    """The page's context as ids: the candidates keep theirs, other words get ids past the eight logits."""
    words = page_context().split()
    others = sorted(set(words) - set(vocab))
    ids = [vocab.index(w) if w in vocab else len(vocab) + others.index(w) for w in words]
    return torch.tensor([ids])


def test_repetition_penalty_row_is_transformers_processor_on_the_page_context(snippet):
    logits = torch.tensor(snippet["logits"], dtype=torch.float64)[None]
    scores = RepetitionPenaltyLogitsProcessor(1.5)(context_ids(snippet["vocab"]), logits.clone())
    expected = [round(p, 3) for p in scores.softmax(-1)[0].tolist()]
    for name in SNIPPETS:
        assert row(golden(name), "repetition penalty 1.5") == expected


def test_frequency_and_presence_row_counts_the_page_context(snippet):
    """OpenAI's rule: logit - count * frequency_penalty - (count > 0) * presence_penalty."""
    words, vocab = page_context().split(), snippet["vocab"]
    counts = torch.tensor([words.count(w) for w in vocab], dtype=torch.float64)
    logits = torch.tensor(snippet["logits"], dtype=torch.float64) - 0.5 * counts - 0.5 * (counts > 0)
    expected = [round(p, 3) for p in logits.softmax(-1).tolist()]
    for name in SNIPPETS:
        assert row(golden(name), "freq 0.5 + presence 0.5") == expected


def test_cut_offs_in_sequence_keep_fewer_tokens_than_any_alone(snippet):
    """transformers' warpers in its own order (top-k, top-p, min-p) against the row, the count line and the page."""
    logits = torch.tensor(snippet["logits"], dtype=torch.float64)[None]
    ids = context_ids(snippet["vocab"])
    alone = [w(ids, logits.clone()) for w in (TopKLogitsWarper(3), TopPLogitsWarper(0.8), MinPLogitsWarper(0.1))]
    chained = logits.clone()
    for warper in (TopKLogitsWarper(3), TopPLogitsWarper(0.8), MinPLogitsWarper(0.1)):
        chained = warper(ids, chained)
    kept = [int(z.isfinite().sum()) for z in (*alone, chained)]
    assert kept[3] < min(kept[:3])  # the claim itself
    for name in SNIPPETS:
        out = golden(name)
        assert row(out, "top-k, top-p, min-p") == [round(p, 3) for p in chained.softmax(-1)[0].tolist()]
        assert f"tokens kept: top-k {kept[0]}, top-p {kept[1]}, min-p {kept[2]} alone; {kept[3]} in turn" in out
    words = [NUMBER_WORDS[k] for k in kept]
    assert f"keeps {words[3]} tokens, where top-k, top-p and min-p alone keep {words[0]}, {words[1]} and {words[2]}" \
        in PAGE


# ---------------------------------------------------------------- the interactive figure (docs/assets/lw-sampling.js)

TEMPERATURES = [i / 20 for i in range(2, 41)]  # the slider's steps: index / 20, as the widget divides
TOP_PS = [i / 20 for i in range(1, 21)]


def python_probs(snippet, t, k, p):
    """The program's own steps in transformers' order: temperature, top-k, top-p."""
    z = snippet["top_p"](snippet["top_k"](snippet["temperature"](snippet["logits"], t), k), p)
    return snippet["softmax"](z)


def test_the_widget_computes_the_programs_probabilities_at_every_slider_step(snippet):
    """lw-sampling.js in Node against the numpy program's functions, at all 6,240 settings of the three sliders:
    the same tokens kept, and the same probabilities to 1e-12. Exp and sums may differ in the last bit, so a token
    whose probability is below 1e-12 (at temperature 0.1, "." has 3e-20) may fall on either side of top-p's line."""
    logits, n = snippet["logits"].tolist(), len(snippet["vocab"])
    settings = [(t, k, p) for t in TEMPERATURES for k in range(1, n + 1) for p in TOP_PS]
    shown = node_call("sampling", [("probs", [logits, t, k, p]) for t, k, p in settings])
    kept_counts = set()
    for (t, k, p), js in zip(settings, shown, strict=True):
        py = python_probs(snippet, t, k, p)
        assert [x > 1e-12 for x in js] == (py > 1e-12).tolist(), (t, k, p)
        assert max(abs(a - b) for a, b in zip(js, py.tolist(), strict=True)) < 1e-12, (t, k, p)
        kept_counts.add(int((py > 0).sum()))
    assert kept_counts == set(range(1, n + 1))  # the grid reaches every number of kept tokens


def test_the_widget_node_check_fails_on_a_wrong_order(snippet):
    """The comparison above can fail: top-p before top-k is another distribution at some settings."""
    logits = snippet["logits"].tolist()
    js = node_call("sampling", [("probs", [logits, 1.0, 3, 0.8])])[0]
    swapped = snippet["softmax"](snippet["top_k"](snippet["top_p"](snippet["logits"], 0.8), 3))
    assert max(abs(a - b) for a, b in zip(js, swapped.tolist(), strict=True)) > 0.01


WIDGET = '[data-lw="sampling"]'


def shown_probabilities(page) -> tuple[list[str], list[float]]:
    cells = page.locator(f"{WIDGET} td [data-value]")
    return cells.all_text_contents(), [float(v) for v in cells.evaluate_all("es => es.map(e => e.dataset.value)")]


# (slider settings as the keyboard reaches them: temperature index, top-k, top-p index) -> the golden's row
GOLDEN_ROWS = {(20, 8, 20): "no setting", (10, 8, 20): "temperature 0.5", (30, 8, 20): "temperature 1.5",
               (20, 3, 20): "top-k 3", (20, 8, 16): "top-p 0.8"}


def test_the_widget_shows_the_programs_rows_reached_by_keyboard_and_is_accessible_in_both_schemes(
        browser, built_site, site_url, snippet):
    """In the page: the widget reads the logits from the program's code block, and at the settings the program
    prints, reached with the keyboard, shows its printed row; every value is the program's to 1e-12; the live
    region says what is kept; the focused slider shows a ring. Then, in both schemes, a state reached by keyboard
    is accessible (check_accessibility(), which walks these settings on its desktop page)."""
    def walk(page):
        out = golden("settings_numpy")
        for (t, k, p), label in GOLDEN_ROWS.items():
            keyboard_to(page, "#lw-s-t", t)
            keyboard_to(page, "#lw-s-k", k)
            keyboard_to(page, "#lw-s-p", p)
            texts, values = shown_probabilities(page)
            assert [float(x) for x in texts] == row(out, label), label
            py = python_probs(snippet, t / 20, k, p / 20)
            assert max(abs(a - b) for a, b in zip(values, py.tolist(), strict=True)) < 1e-12, label
            kept = int((py > 0).sum())
            top = snippet["vocab"][int(py.argmax())]
            assert summary(page, "sampling") == f'Keeps {kept} of 8 tokens; "{top}" has probability {py.max():.3f}.'
        assert page.get_attribute("#lw-s-p", "aria-valuetext") == "0.80"
        assert focus_ring(page, "#lw-s-p").startswith("solid 3px")
        # top-k 3, then top-p 0.8 on what is left: two tokens, as "Cut-offs in sequence" says
        keyboard_to(page, "#lw-s-t", 20)
        keyboard_to(page, "#lw-s-k", 3)
        assert summary(page, "sampling").startswith("Keeps 2 of 8 tokens")

    def act(page):
        keyboard_to(page, "#lw-s-t", 10)
        keyboard_to(page, "#lw-s-k", 3)

    check_accessibility(browser, built_site, site_url + "terms/generation-parameters/", "sampling", act, walk)
