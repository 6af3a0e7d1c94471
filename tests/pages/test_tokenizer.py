"""The tokenizer page's claim that fewer tokens are not simply less compute: the head's FLOPs in the program's output
against torch's FLOP counter, and the page's percentages against the output they are read from."""

from __future__ import annotations

import re

import pytest
import torch
from torch.utils.flop_counter import FlopCounterMode

from tests.support import ROOT

PAGE = (ROOT / "docs" / "terms" / "tokenizer.md").read_text(encoding="utf-8")
OUT = (ROOT / "snippets" / "tokenizer" / "vocabulary_compute.out").read_text(encoding="utf-8")
ROWS = re.findall(r"^([a-z0-9.-]+)\s+([\d,]+)\s+([\d,]+)\s+([\d.]+)\s+([\d.]+)\s+([\d,.]+)$", OUT, re.M)


def section(anchor: str) -> str:
    start = PAGE.index(f"{{ #{anchor} }}")
    return " ".join(PAGE[start:PAGE.index("\n### ", start)].split())


def test_every_body_has_both_vocabularies():
    assert len(ROWS) == 6 and {int(r[2].replace(",", "")) for r in ROWS} == {32_000, 128_256}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r[0]}-{r[2]}")
def test_head_flops_are_what_torch_counts_for_the_head(row):
    """2 V d FLOPs per token: one bias-free V x d matrix product, counted on the meta device (no memory)."""
    d, V = (int(x.replace(",", "")) for x in row[1:3])
    with torch.device("meta"):
        head, hidden = torch.nn.Linear(d, V, bias=False), torch.empty(1, d)
    with FlopCounterMode(display=False) as counter:
        head(hidden)
    assert f"{counter.get_total_flops() / 1e9:.3f}" == row[4]


def test_page_percentages_are_the_programs():
    """Each "N% more/less" in the prose is a change the program printed, with the sign the word says."""
    printed = {float(x) for x in re.findall(r"([+-][\d.]+)% (?:compute|tokens) for the same text", OUT)}
    prose = section("vocabulary-compute").split("```text")[1]  # the paragraph after the output
    stated = re.findall(r"([\d.]+)% (more|less|fewer)", prose)
    assert stated, "the page should state the changes the program prints"
    for value, word in stated:
        assert (float(value) if word == "more" else -float(value)) in printed, f"{value}% {word}"
    assert any(x > 0 for x in printed) and any(x < 0 for x in printed)  # why "not simply less compute"
