"""The fairness-bias page: the association follows the data; the balanced corpus."""

from __future__ import annotations

import math
import re

from tests.support import ROOT
from tests.support import snippet_stdout as run_ok

DATA = ROOT / "data"


def test_fairness_association_follows_the_data(snippet_results):
    """The planted skew is measured; balancing the corpus shrinks it; projection zeroes the test's own direction."""
    out = run_ok(snippet_results, "fairness-bias/association_test_torch.py")
    gaps = [float(g) for g in re.findall(r"gap between the skewed groups ([+-]\d+\.\d+)", out)]
    skewed, balanced, projected = gaps
    assert skewed > 0.15
    assert abs(balanced) < skewed / 3
    assert projected == 0.0


def test_balanced_corpus_differs_only_in_gendered_words():
    skewed = (DATA / "corpus.txt").read_text(encoding="utf-8").split()
    balanced = (DATA / "corpus_balanced.txt").read_text(encoding="utf-8").split()
    assert len(skewed) == len(balanced)
    gendered = {"he", "she", "his", "her", "man", "woman", "father", "mother"}
    assert all(a == b or {a, b} <= gendered for a, b in zip(skewed, balanced, strict=True))
    assert math.isclose(len(skewed), 20_000, rel_tol=0.2)  # small: trains in about a second
