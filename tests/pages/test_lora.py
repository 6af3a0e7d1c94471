"""The LoRA page: merging within tolerance, the merge identity, trainable counts for Llama 2 7B."""

from __future__ import annotations

import re

from tests.support import snippet_stdout as run_ok

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
