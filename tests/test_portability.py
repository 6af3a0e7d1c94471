"""Outputs are the same on a reader's CPU: snippets that train or draw print their goldens and draw their
committed figures byte for byte when torch and numpy take the float paths of another CPU.

Goldens are written on one machine; a loss printed next to a rounding boundary, or a figure whose SVG clip ids
hash coordinates at full precision, then differs on a CPU whose kernels sum in another order. The runner here
imports torch and numpy under ``OTHER_CPU_ENV`` (other SIMD dispatch in ATen, oneDNN, MKL, OpenBLAS, numpy) with
one thread, so such a snippet fails here rather than on a reader's machine. Only the snippets that amplify
last-digit differences run (``amplifies_float_paths``), to keep this check to seconds.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, snippet_tools

AT_RISK = [p for p in snippet_tools.all_snippets() if snippet_tools.amplifies_float_paths(p)]


@pytest.fixture(scope="module")
def other_cpu_runner():
    with snippet_tools.WarmRunner(threads=1, env=snippet_tools.OTHER_CPU_ENV) as r:
        yield r


def test_the_other_cpu_takes_other_kernels(other_cpu_runner, tmp_path):
    """The variables reach torch and numpy (a typo or a version that ignores them would make this check idle)."""
    probe = tmp_path / "probe" / "dispatch.py"
    probe.parent.mkdir()
    probe.write_text(
        "import torch\nfrom numpy._core._multiarray_umath import __cpu_features__ as f\n"
        "print(torch.backends.cpu.get_cpu_capability(), f.get('AVX512_SKX', False))\n"
    )
    result = other_cpu_runner.run(probe)
    assert result.ok, result.problem()
    assert result.stdout == "DEFAULT False\n"


def test_the_rule_picks_the_snippets_that_train_or_draw():
    ids = {snippet_tools.snippet_id(p) for p in AT_RISK}
    assert {"next-token-prediction/transformer_not_pairs_torch", "embedding/train_embeddings_torch",
            "quantization/quantize_model_torch", "fairness-bias/association_test_torch"} <= ids
    assert "parameter/count_numpy" not in ids
    assert len(AT_RISK) < len(snippet_tools.all_snippets()) / 2, "the rule no longer keeps this check short"


@pytest.mark.parametrize("path", AT_RISK, ids=snippet_tools.snippet_id)
def test_output_and_figures_are_the_same_on_another_cpu(path, other_cpu_runner):
    result = other_cpu_runner.run(path)
    assert result.ok, result.problem()
    differences = snippet_tools.differences(result)
    assert not differences, f"with {snippet_tools.OTHER_CPU_ENV} and one thread:\n" + "\n".join(differences)


def test_the_other_cpu_changes_the_last_digits(runner, other_cpu_runner, tmp_path):
    """The check can fail: printed to six decimals, a training loss differs between this CPU and the other."""
    original = ROOT / "snippets" / "next-token-prediction" / "transformer_not_pairs_torch.py"
    code = original.read_text(encoding="utf-8")
    assert "loss {loss.item():.1f}" in code
    unstable = tmp_path / "next-token-prediction" / original.name
    unstable.parent.mkdir()
    unstable.write_text(code.replace("loss {loss.item():.1f}", "loss {loss.item():.6f}"), encoding="utf-8")
    here, there = (r.run(unstable) for r in (runner, other_cpu_runner))
    assert here.ok and there.ok
    assert here.stdout.splitlines()[0] != there.stdout.splitlines()[0]
