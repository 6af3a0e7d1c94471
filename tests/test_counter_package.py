"""The counter as readers get it. `pip install` of counter/ in a fresh virtual environment gives a working
`count-params`; the site's one-file download, count-params.pyz, runs with Python alone; both print what the
package prints, and the download is the same bytes on every build.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import venv

import pytest
from count_params import load_config, main

from hooks import counter_zipapp as ZIPAPP
from tests.support import ROOT

PACKAGE = ROOT / ZIPAPP.PACKAGE
# What a reader runs: the table, a breakdown, JSON with memory options, the rules, and an error (exit status 2).
CASES = [
    [],
    ["llama-2-7b"],
    ["deepseek-v3", "--json", "--weights", "q4_k_m", "--context-length", "8192", "--training", "qlora"],
    ["--rules"],
    ["mamba"],
]


def run(command: list, cwd) -> tuple[int, str, str]:
    proc = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def package_prints(args: list) -> tuple[int, str, str]:
    """What the package in this environment prints (the reference): count-params is its main()."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@pytest.mark.slow
def test_pip_install_in_a_fresh_venv_gives_a_working_count_params(tmp_path):
    """The wheel is built from a copy of counter/ with this environment's setuptools (nothing downloaded), then
    installed alone into a new environment, whose `count-params` runs from an empty folder."""
    source = tmp_path / "counter"
    shutil.copytree(ROOT / "counter", source, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    wheels = tmp_path / "wheels"
    code, out, err = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                          "-w", wheels, source], tmp_path)
    assert code == 0, out + err
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    code, out, err = run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
                          *wheels.glob("*.whl")], tmp_path)
    assert code == 0, out + err
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in CASES:
        assert run([fresh / "bin" / "count-params", *args], empty) == package_prints(args), args
    code, out, err = run([python, "-c", "import count_params; print(count_params.__file__)"], empty)
    assert out.startswith(str(fresh)), f"count_params imported from {out or err}, not the new environment"


def test_the_zipapp_runs_with_python_alone_and_prints_what_the_package_prints(built_site, tmp_path):
    """The site's count-params.pyz is what the hook makes from counter/count_params/; run with `python -I -S`
    (no environment variables, no site-packages: nothing but the zipapp can provide count_params), from a folder
    that holds only it and a config of the reader's, it prints what the package prints."""
    pyz = tmp_path / "count-params.pyz"
    shutil.copyfile(built_site / "count-params.pyz", pyz)
    assert pyz.read_bytes() == ZIPAPP.zipapp_bytes(PACKAGE)
    config = tmp_path / "my-model.json"
    config.write_text(json.dumps({**load_config("llama-3-8b"), "num_hidden_layers": 40}), encoding="utf-8")
    for args in [*CASES, [config, "--json"], [config, "--gpu-gb", "80", "--training", "lora"]]:
        assert run([sys.executable, "-I", "-S", pyz, *args], tmp_path) == package_prints(args), args


def test_the_zipapp_is_the_same_bytes_whatever_the_files_dates_and_modes(tmp_path):
    """Two checkouts of the same files give the same zipapp: entry dates and modes are fixed, compiled files left
    out; a changed source file changes it."""
    first = ZIPAPP.zipapp_bytes(PACKAGE)
    copy = tmp_path / "count_params"
    shutil.copytree(PACKAGE, copy, copy_function=shutil.copyfile, ignore=shutil.ignore_patterns("__pycache__"))
    for i, path in enumerate(sorted(p for p in copy.rglob("*") if p.is_file())):
        os.utime(path, (1_000_000_000 + i, 1_000_000_000 + i))
        path.chmod(0o755 if i % 2 else 0o600)
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "cli.cpython-311.pyc").write_bytes(b"not part of the download")
    assert ZIPAPP.zipapp_bytes(copy) == first
    (copy / "errors.py").write_text((copy / "errors.py").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert ZIPAPP.zipapp_bytes(copy) != first
