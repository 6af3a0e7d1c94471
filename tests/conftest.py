"""Shared fixtures: the warm snippet runner, the built site, and throwaway copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import snippets as snippet_tools  # noqa: E402

MKDOCS_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
# Everything a build needs; tests copy these to inject bad input without touching the real tree.
PROJECT_PARTS = ["mkdocs.yml", "docs", "snippets", "hooks", "overrides", "data"]


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=MKDOCS_ENV,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def runner():
    with snippet_tools.WarmRunner() as r:
        yield r


class SnippetResults:
    """Each snippet runs once per session, however many tests look at its result."""

    def __init__(self, runner):
        self.runner = runner
        self.cache: dict[Path, snippet_tools.Result] = {}

    def __getitem__(self, path: Path) -> snippet_tools.Result:
        if path not in self.cache:
            self.cache[path] = self.runner.run(path)
        return self.cache[path]


@pytest.fixture(scope="session")
def snippet_results(runner):
    return SnippetResults(runner)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict; a failing build fails every test that needs it."""
    site = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(ROOT, site)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stderr}", pytrace=False)
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of everything a build reads, for injecting bad input."""
    dest = tmp_path / "project"
    dest.mkdir()
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest
