"""Tests for the "embeddings and reuse" pages: reproducible embeddings, LoRA merging, weight-tying counts, data.

The snippets' printed outputs are checked against their goldens elsewhere; these tests check properties that
the pages claim, so that they fail if a snippet is changed in a way that breaks the claim.
"""

from __future__ import annotations

import math
import re

from tests.conftest import ROOT, load_module

SNIPPETS = ROOT / "snippets"
DATA = ROOT / "data"

LORA_TOLERANCE = 1e-5  # float32 outputs of a 64 -> 64 layer, values of order 1


def run_ok(snippet_results, rel: str) -> str:
    """A snippet's output, from its one run of the session (shared with its golden's test)."""
    result = snippet_results[SNIPPETS / rel]
    assert result.ok, result.problem()
    return result.stdout


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


def test_fairness_association_follows_the_data(snippet_results):
    """The planted skew is measured; balancing the corpus shrinks it; projection zeroes the test's own direction."""
    out = run_ok(snippet_results, "fairness-bias/association_test_torch.py")
    gaps = [float(g) for g in re.findall(r"gap between the skewed groups ([+-]\d+\.\d+)", out)]
    skewed, balanced, projected = gaps
    assert skewed > 0.15
    assert abs(balanced) < skewed / 3
    assert projected == 0.0


def test_lora_merge_within_tolerance(snippet_results):
    out = run_ok(snippet_results, "lora/lora_layer_torch.py")
    tolerance = re.search(r"adapter and merged layer agree within (\S+) \(float32 rounding\): True", out)
    assert tolerance, f"the merged LoRA layer differs from the adapter:\n{out}"
    assert float(tolerance.group(1)) <= LORA_TOLERANCE
    assert "before training, equal to the base layer: True" in out
    m = re.search(r"trainable (\d+) = r\*\(d_in\+d_out\) = (\d+)", out)
    assert m.group(1) == m.group(2)
    for rel in ("lora/lora_merge_numpy.py", "lora/lora_merge_torch.py"):
        assert "agree within 1e-12: True" in run_ok(snippet_results, rel)


def test_lora_merge_independently():
    """The merge identity, checked here without the snippets: (W + s B A) x == W x + s B (A x)."""
    import torch

    torch.manual_seed(1)
    W, A, B, x = (torch.randn(*shape, dtype=torch.float64) for shape in [(32, 48), (4, 48), (32, 4), (10, 48)])
    merged, adapter = (W + 2.0 * B @ A) @ x.T, W @ x.T + 2.0 * B @ (A @ x.T)
    diff = (merged - adapter).abs().max().item()
    print(f"max |merged - adapter| = {diff:.2e} (float64, outputs up to {adapter.abs().max().item():.0f})")
    assert diff <= 1e-10  # float64 rounding on outputs of order 100 is about 1e-13


def test_lora_counts_for_llama_2_7b(snippet_results):
    """r * (d_in + d_out) per adapted matrix: rank 8 on q and v of Llama 2 7B (32 layers of 4096 x 4096)."""
    out = run_ok(snippet_results, "lora/llama_counts.py")
    expected = 32 * 2 * 8 * (4096 + 4096)
    assert f"r=8  on q and v     : {expected:>11,} trainable" in out
    assert "Llama 2 7B: 6,738,415,616 parameters" in out  # the published 6.74B, from the config shapes


def test_weight_tying_saves_gpt2_head(snippet_results):
    """Both twins: tying saves vocab x width = 50257 x 768, and the tied total is GPT-2's 124,439,808."""
    for rel in ("weight-tying/gpt2_savings_numpy.py", "weight-tying/gpt2_savings_torch.py"):
        out = run_ok(snippet_results, rel)
        assert f"saved:  {50257 * 768:,}" in out
        assert "tied:   124,439,808" in out


def test_freezing_leaves_frozen_parameters_unchanged(snippet_results):
    out = run_ok(snippet_results, "freezing/requires_grad_torch.py")
    for line in out.splitlines():
        if line.startswith(("0.", "2.")):
            assert "grad None" in line and "changed: False" in line, line
        if line.startswith("4."):
            assert "changed: True" in line, line


def test_committed_corpus_is_what_the_script_writes():
    module = load_module(DATA / "make_corpus.py")
    for name, balanced in [("corpus.txt", False), ("corpus_balanced.txt", True)]:
        assert (DATA / name).read_text(encoding="utf-8") == "\n".join(module.sentences(balanced)) + "\n"


def test_balanced_corpus_differs_only_in_gendered_words():
    skewed = (DATA / "corpus.txt").read_text(encoding="utf-8").split()
    balanced = (DATA / "corpus_balanced.txt").read_text(encoding="utf-8").split()
    assert len(skewed) == len(balanced)
    gendered = {"he", "she", "his", "her", "man", "woman", "father", "mother"}
    assert all(a == b or {a, b} <= gendered for a, b in zip(skewed, balanced, strict=True))
    assert math.isclose(len(skewed), 20_000, rel_tol=0.2)  # small: trains in about a second
