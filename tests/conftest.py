"""Shared fixtures: the warm snippet runner, the built site, and throwaway copies of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import (  # noqa: F401  (re-exported: test modules import these from here)
    MKDOCS_ENV,
    PROJECT_PARTS,
    ROOT,
    load_module,
    mkdocs_build,
    serve_directory,
    snippet_tools,
)


@pytest.fixture(scope="session")
def runner():
    """Snippets run with two torch threads (as on a two-core laptop); see also one_thread_runner."""
    with snippet_tools.WarmRunner(threads=2) as r:
        yield r


@pytest.fixture(scope="session")
def one_thread_runner():
    with snippet_tools.WarmRunner(threads=1) as r:
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


# ---------------------------------------------------------------- a browser against the served site

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served on 127.0.0.1, stopped after the session."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


# Axe reads colours as drawn at that instant, so a header title caught mid-fade fails the contrast rule. WCAG
# judges the resting state: stop every transition and animation before axe looks.
NO_MOTION_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
NEXT_FRAME_JS = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _violations(response: dict) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]} {v['nodes'][0]['failureSummary']}"
            for v in response["violations"]]


def axe_violations(page) -> list[str]:
    """Axe's default rules plus WCAG 2.2's target-size (Lighthouse checks it; axe leaves it off by default)."""
    from axe_playwright_python.sync_playwright import Axe

    page.add_style_tag(content=NO_MOTION_CSS)
    page.evaluate(NEXT_FRAME_JS)
    return _violations(Axe().run(page, options=AXE_OPTIONS).response)


async def axe_violations_async(page) -> list[str]:
    """axe_violations() for Playwright's async API (pages checked in parallel)."""
    from axe_playwright_python.async_playwright import Axe

    await page.add_style_tag(content=NO_MOTION_CSS)
    await page.evaluate(NEXT_FRAME_JS)
    return _violations((await Axe().run(page, options=AXE_OPTIONS)).response)


# Cumulative Layout Shift as Chromium measures it (Core Web Vitals call under 0.1 "good"), from the buffered
# entries: how far visible content jumped while the page loaded and built itself.
GOOD_LAYOUT_SHIFT = 0.1
LAYOUT_SHIFT_JS = """wait => new Promise(done => {
  new PerformanceObserver(list => done(list.getEntries().filter(e => !e.hadRecentInput)
    .reduce((sum, e) => sum + e.value, 0))).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(0), wait);  // no entry at all: nothing moved
})"""


def layout_shift(page, wait_ms: int = 300) -> float:
    return page.evaluate(LAYOUT_SHIFT_JS, wait_ms)


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


# ---------------------------------------------------------------- tiers

# `nox -s quick` runs the tests marked "quick": what a writer needs after editing a page or a snippet (the build,
# the goldens, the pages' structure, numbers in prose, the glossary, the code blocks in pages), in about a minute.
# `nox -s tests` runs every test, quick or not. In these files a test is quick unless it is marked "slow" (another
# build, another interpreter, every snippet again with one thread) or drives the browser.
QUICK_FILES = {"test_build.py", "test_snippets.py", "test_structure.py", "test_prose.py", "test_glossary.py",
               "test_fences.py", "test_published_urls.py", "test_versions.py", "test_notebook_streams.py",
               "test_llms_txt.py"}
BROWSER_FIXTURES = {"browser", "page"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        # A parametrized argument that happens to be named "page" is not the browser fixture.
        params = item.callspec.params if hasattr(item, "callspec") else {}
        if BROWSER_FIXTURES & (set(getattr(item, "fixturenames", ())) - set(params)):
            item.add_marker(pytest.mark.browser)
        in_quick_file = item.path.name in QUICK_FILES or (item.path.suffix == ".md" and ROOT / "docs" in item.path.parents)
        if in_quick_file and not item.get_closest_marker("slow") and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.quick)
