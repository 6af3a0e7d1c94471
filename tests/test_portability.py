"""Outputs are the same on a reader's CPU: every snippet prints its golden and draws its committed figures byte
for byte when torch and numpy take the float paths of another CPU, with one thread.

Goldens are written on one machine with two torch threads (tests/test_snippets.py runs each snippet so, once); a
loss printed next to a rounding boundary, a sum that a second thread splits in another order, or a figure whose
SVG clip ids hash coordinates at full precision, then differs elsewhere. The `other_cpu_runner` imports torch and
numpy under ``OTHER_CPU_ENV`` (other SIMD dispatch in ATen, oneDNN, MKL, OpenBLAS, numpy) and runs each snippet
with one thread: this second run of every snippet covers both the thread count and the CPU, so such a snippet
fails here rather than on a reader's machine. The runs go on in the background from the start of the session
(conftest.py: other_cpu_results).
"""

from __future__ import annotations

import pytest

from tests.support import ROOT
from tools import snippets as snippet_tools

SNIPPETS = snippet_tools.all_snippets()


def test_the_other_cpu_takes_other_kernels_with_one_thread(other_cpu_runner, tmp_path):
    """The variables reach torch and numpy, and the thread count is one (a typo, or a version that ignores them,
    would make this check idle)."""
    probe = tmp_path / "probe" / "dispatch.py"
    probe.parent.mkdir()
    probe.write_text(
        "import torch\nfrom numpy._core._multiarray_umath import __cpu_features__ as f\n"
        "print(torch.backends.cpu.get_cpu_capability(), f.get('AVX512_SKX', False), torch.get_num_threads())\n"
    )
    result = other_cpu_runner.run(probe)
    assert result.ok, result.problem()
    assert result.stdout == "DEFAULT False 1\n"


@pytest.mark.parametrize("path", SNIPPETS, ids=snippet_tools.snippet_id)
def test_output_and_figures_are_the_same_on_another_cpu_with_one_thread(path, other_cpu_results):
    result = other_cpu_results[path]
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
