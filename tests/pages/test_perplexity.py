"""The perplexity page's claims against its programs: the context a strided sliding window gives each scored token,
checked against the loop of Hugging Face's guide with its labels and the model's shift, and the one-token example's
numbers, read from the golden output the page shows."""

from __future__ import annotations

import re

import pytest
import torch

from tests.support import ROOT, snippet_globals

PAGE = " ".join((ROOT / "docs" / "terms" / "perplexity.md").read_text(encoding="utf-8").split())


def guide_contexts(seq_len: int, max_length: int, stride: int) -> dict[int, int]:
    """Hugging Face's "Perplexity of fixed-length models" loop: labels before the last trg_len of a window are
    -100, and a causal LM predicts label i from tokens 0..i-1 of its window (the shift inside the model)."""
    ids = torch.arange(seq_len)[None]
    scored, prev_end_loc = {}, 0
    for begin_loc in range(0, seq_len, stride):
        end_loc = min(begin_loc + max_length, seq_len)
        trg_len = end_loc - prev_end_loc
        target_ids = ids[:, begin_loc:end_loc].clone()
        target_ids[:, :-trg_len] = -100
        shift_labels = target_ids[:, 1:]  # what logits[:, :-1] are scored against
        for i, label in enumerate(shift_labels[0].tolist(), start=1):
            if label != -100:
                scored[label] = i  # tokens of the window before it
        prev_end_loc = end_loc
        if end_loc == seq_len:
            break
    return scored


@pytest.fixture(scope="module")
def window(tmp_path_factory):
    return snippet_globals("perplexity/sliding_window.py", tmp_path_factory.mktemp("ppl"))


@pytest.mark.parametrize("seq_len, max_length, stride", [(20, 8, 8), (20, 8, 4), (20, 8, 2), (37, 10, 3), (50, 16, 5)])
def test_sliding_window_snippet_is_the_guides_loop(window, seq_len, max_length, stride):
    window["contexts"].__globals__.update(n_tokens=seq_len, max_length=max_length)
    context, _ = window["contexts"](stride)
    assert context == guide_contexts(seq_len, max_length, stride)


@pytest.mark.parametrize("seq_len, max_length, stride", [(20, 8, 4), (20, 8, 2), (37, 10, 3), (50, 16, 5), (64, 16, 1)])
def test_strided_window_gives_at_least_max_length_minus_stride(seq_len, max_length, stride):
    """The page's wording: at least max_length - stride tokens of context past the first window, not a full one."""
    scored = guide_contexts(seq_len, max_length, stride)
    past_first = [c for t, c in scored.items() if t >= max_length]
    assert min(past_first) == max_length - stride
    assert max(past_first) == max_length - 1
    assert "at least `max_length − stride` tokens of context" in PAGE


def test_one_token_example_matches_the_output():
    """The worst token's loss and the other three's together, as printed, and the comparison the page draws."""
    out = (ROOT / "snippets" / "perplexity" / "perplexity_numpy.out").read_text(encoding="utf-8")
    losses = [float(x) for x in re.search(r"^loss per token \(nats\):\s+(.+)$", out, re.M).group(1).split()]
    printed = re.search(r"last token's loss ([\d.]+) nats, the other three's together ([\d.]+)", out)
    worst, rest = float(printed.group(1)), float(printed.group(2))
    assert worst == losses[-1] and abs(rest - sum(losses[:-1])) <= 0.002  # the sum of the rounded values
    stated = re.search(r"That one token costs ([\d.]+) nats, (more|less) than the other three together \(([\d.]+)\)",
                       PAGE)
    assert stated, "the page should compare the worst token's loss with the other three's"
    assert (float(stated.group(1)), float(stated.group(3))) == (worst, rest)
    assert stated.group(2) == ("more" if worst > rest else "less")
