"""The LoRA page: merging within tolerance, the merge identity, trainable counts for Llama 2 7B."""

from __future__ import annotations

import re

import pytest
from count_params import load_config

from tests.support import ROOT, snippet_globals
from tests.support import snippet_stdout as run_ok
from tests.support.widgets import check_accessibility, focus_ring, keyboard_to, node_call, summary

LORA_TOLERANCE = 1e-5  # float32 outputs of a 64 -> 64 layer, values of order 1


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


# ---------------------------------------------------------------- the interactive figure (docs/assets/lw-lora.js)

RANKS = [2**k for k in range(9)]  # the rank slider's steps, 1 to 256
GOLDEN = ROOT / "snippets" / "lora" / "llama_counts.out"


@pytest.fixture(scope="module")
def counts(tmp_path_factory):
    return snippet_globals("lora/llama_counts.py", tmp_path_factory.mktemp("lora"))


def test_the_widget_reads_the_programs_shapes_and_counts_as_it_does(counts):
    """lw-lora.js in Node reads the seven matrices, the layers and the total from the printed output, as the program
    defines them (the layers: Llama 2 7B's config), and counts every rank on every one of the 128 sets of matrices
    as lora_params() does."""
    out = GOLDEN.read_text(encoding="utf-8")
    model = node_call("lora", [("model", [out])])[0]
    layers = load_config("llama-2-7b")["num_hidden_layers"]
    assert model == {"total": counts["total"], "layers": layers,
                     "shapes": {name: list(shape) for name, shape in counts["linear"].items()}}
    names = list(counts["linear"])
    subsets = [[n for i, n in enumerate(names) if mask >> i & 1] for mask in range(2 ** len(names))]
    calls = [(r, s) for r in RANKS for s in subsets]
    shown = node_call("lora", [("trainable", [r, [model["shapes"][n] for n in s], model["layers"]]) for r, s in calls])
    for (r, s), js in zip(calls, shown, strict=True):
        assert js == counts["lora_params"](r, [counts["linear"][n] for n in s], layers), (r, s)


def test_the_widget_shows_the_programs_rows_reached_by_keyboard_and_is_accessible_in_both_schemes(
        browser, built_site, site_url):
    """In the page, with the keyboard alone: rank 8 and 64 on q and v, then on all seven matrices, give the
    program's printed rows (count and percentage); the live region says it. Then, in both schemes, a state reached
    by keyboard is accessible (check_accessibility(), which walks these rows on its desktop page)."""
    out = GOLDEN.read_text(encoding="utf-8")

    def walk(page):
        for matrices, label in (("q, v", "q and v"), ("q, k, v, o, gate, up, down", "all 7 linear")):
            if label == "all 7 linear":
                for name in ("k", "o", "gate", "up", "down"):
                    page.focus(f"#lw-lora-{name}")
                    page.keyboard.press("Space")
            for r in (8, 64):
                keyboard_to(page, "#lw-lora-r", r.bit_length() - 1)
                m = re.search(rf"^  r={r:<2} on {label:12}: +([\d,]+) trainable \(([\d.]+)% of the model\)$", out, re.M)
                assert summary(page, "lora") == (f"Rank {r} on {matrices}: {m[1]} trainable of 6,738,415,616, "
                                                  f"{m[2]}% of the model.")
        assert focus_ring(page, "#lw-lora-r").startswith("solid 3px")

    def act(page):
        keyboard_to(page, "#lw-lora-r", 8)
        page.focus("#lw-lora-down")
        page.keyboard.press("Space")

    check_accessibility(browser, built_site, site_url + "terms/lora/", "lora", act, walk)
