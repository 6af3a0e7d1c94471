"""The embedding page: reproducible training, neighbours that make sense, lookup as a product, the corpus."""

from __future__ import annotations

import re

from tests.support import ROOT, load_module
from tests.support import snippet_stdout as run_ok

SNIPPETS = ROOT / "snippets"
DATA = ROOT / "data"


def test_embedding_training_is_reproducible(snippet_results, runner):
    """Two runs of the training snippet print the same losses and the same neighbours, and draw the same map."""
    first = snippet_results[SNIPPETS / "embedding" / "train_embeddings_torch.py"]
    second = runner.run(SNIPPETS / "embedding" / "train_embeddings_torch.py")
    assert first.ok and second.ok, first.problem() or second.problem()
    assert first.stdout == second.stdout
    assert first.figures == second.figures and "embedding_map.svg" in first.figures


def test_embedding_neighbours_make_sense(snippet_results):
    """The neighbours the page discusses: animals near animals, food near food, mother nearest father."""
    out = run_ok(snippet_results, "embedding/train_embeddings_torch.py")
    neighbours = {
        m.group(1): [w.split()[0] for w in m.group(2).split(", ")]
        for m in re.finditer(r"^(\w+)\s+-> (.*)$", out, re.MULTILINE)
    }
    animals = {"cat", "dog", "horse", "cow", "sheep", "goat"}
    food = {"bread", "cheese", "apple", "soup", "rice", "cake"}
    assert set(neighbours["cat"]) <= animals
    assert set(neighbours["bread"]) <= food
    assert neighbours["mother"][0] == "father"
    assert neighbours["nurse"][0] == "doctor"
    losses = [float(x) for x in re.findall(r"loss (\d+\.\d+)", out)]
    assert losses[-1] < losses[0] - 1.0  # training actually learned something


def test_embedding_lookup_equals_one_hot_product(snippet_results):
    for rel in ("embedding/lookup_numpy.py", "embedding/lookup_torch.py"):
        assert "one-hot @ E equals the lookup: True" in run_ok(snippet_results, rel)


def test_committed_corpus_is_what_the_script_writes():
    module = load_module(DATA / "make_corpus.py")
    for name, balanced in [("corpus.txt", False), ("corpus_balanced.txt", True)]:
        assert (DATA / name).read_text(encoding="utf-8") == "\n".join(module.sentences(balanced)) + "\n"
