"""The whole glossary as a PDF (tools/pdf.py prints the print view, hooks/print_view.py): a bookmark and a new
page per term, A to Z, and math, code, outputs and figures drawn. Printed once, in the background from the start of
the session (conftest.py: printed_glossary)."""

from __future__ import annotations

import re

import pypdf
import pytest
from sitelib.glossary import load_terms, sort_key

from tests.support import ROOT

TERMS = sorted(load_terms(ROOT / "docs").values(), key=lambda t: sort_key(t.title))


@pytest.fixture(scope="module")
def printed(printed_glossary):
    out, printing = printed_glossary
    seen = printing.result()  # printed in the background (tests/support/browser.py: print_glossary)
    return pypdf.PdfReader(out), seen


def test_one_bookmark_and_new_page_per_term_a_to_z(printed):
    reader, _ = printed
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert [e.title for e in top] == ["LLM Parameter Glossary"] + [t.title for t in TERMS]
    starts = [reader.get_destination_page_number(e) for e in top]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "each term starts on a page of its own"


def test_math_code_outputs_and_figures_render(printed):
    reader, seen = printed
    assert seen["figures"] >= 10 and not seen["figures_not_drawn"], seen["figures_not_drawn"]
    assert seen["math"] >= 50 and not seen["math_not_drawn"]
    assert seen["code"] >= 200 and not seen["code_not_drawn"]
    assert seen["closed"] == 0 and not seen["duplicate_ids"], seen["duplicate_ids"][:10]
    # The printed text of one term: its code and its golden output are there (as text, not only pixels).
    top = [e for e in reader.outline if not isinstance(e, list)]
    titles = [e.title for e in top]
    i = titles.index("Hyperparameter")
    first, last = (reader.get_destination_page_number(top[j]) for j in (i, i + 1))
    text = "\n".join(reader.pages[n].extract_text() for n in range(first, last))
    golden = (ROOT / "snippets/hyperparameter/learning_rate_search_numpy.out").read_text(encoding="utf-8")
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731  (PDF text extraction does not keep spacing)
    assert squash(golden.splitlines()[0]) in squash(text)
    assert squash("def train(lr: float, steps: int = 20)") in squash(text)
