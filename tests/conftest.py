"""Shared fixtures: the warm snippet runner, the built site, and throwaway copies of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import (  # noqa: F401  (re-exported: test modules import these from here)
    CHROMIUM,
    CHROMIUM_ARGS,
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


# Highlighted code's token <span>s are most of a page's elements, and axe's color-contrast rule is its slowest: the
# page checks leave them out of that one rule (every other rule still looks at them), because their colours are
# the same on every page and test_browser.py checks each token colour once, in both schemes, on the code background.
CODE_TOKENS = ".highlight code span"
SKIP_CONTRAST_JS = "tokens => axe.configure({rules: [{id: 'color-contrast', selector: `*:not(${tokens})`}]})"
AXE_RUN_JS = "([context, options]) => axe.run(context || document, options)"


def axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def axe_violations(page, code_tokens: bool = True) -> list[str]:
    """Axe's default rules plus WCAG 2.2's target-size (Lighthouse checks it; axe leaves it off by default);
    code_tokens=False leaves CODE_TOKENS out of the color-contrast rule."""
    page.add_style_tag(content=NO_MOTION_CSS)
    page.evaluate(NEXT_FRAME_JS)
    page.evaluate(axe_script())
    if not code_tokens:
        page.evaluate(SKIP_CONTRAST_JS, CODE_TOKENS)
    return _violations(page.evaluate(AXE_RUN_JS, [None, AXE_OPTIONS]))


async def axe_violations_async(page, code_tokens: bool = True) -> list[str]:
    """axe_violations() for Playwright's async API (pages checked in parallel)."""
    await page.add_style_tag(content=NO_MOTION_CSS)
    await page.evaluate(NEXT_FRAME_JS)
    await page.evaluate(axe_script())
    if not code_tokens:
        await page.evaluate(SKIP_CONTRAST_JS, CODE_TOKENS)
    return _violations(await page.evaluate(AXE_RUN_JS, [None, AXE_OPTIONS]))


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


@pytest.fixture(scope="session", autouse=True)
def page_loads(request):
    """The pages that the selected page checks judge, loading in the background from the first test on (see
    tests/page_loads.py); None when no page check is selected, or when the site does not build (then every test
    that needs the site fails on built_site)."""
    from tests.page_loads import PageLoads, pages_to_load  # it imports from this module

    keys = pages_to_load(request.session.items)
    try:
        site = request.getfixturevalue("built_site") if keys else None
    except pytest.fail.Exception:
        site = None
    if site is None:
        yield None
        return
    loads = PageLoads(site, request.getfixturevalue("site_url"), keys)
    yield loads
    loads.close()


def without_search_documents(context, site: Path) -> None:
    """In this browser context, serve the search index with no documents (tests/page_loads.py: search_index_stub),
    for tests that never search: each page's search worker would otherwise build the whole index (1 MB) again."""
    from tests.page_loads import search_index_stub  # it imports from this module

    stub = search_index_stub(site)
    context.route("**/search/search_index.json", lambda route: route.fulfill(body=stub, content_type="application/json"))


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
    from tests.page_loads import JUDGES_PAGES

    for item in items:
        # A parametrized argument that happens to be named "page" is not the browser fixture.
        params = item.callspec.params if hasattr(item, "callspec") else {}
        if BROWSER_FIXTURES & (set(getattr(item, "fixturenames", ())) - set(params)):
            item.add_marker(pytest.mark.browser)
        in_quick_file = item.path.name in QUICK_FILES or (item.path.suffix == ".md" and ROOT / "docs" in item.path.parents)
        if in_quick_file and not item.get_closest_marker("slow") and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.quick)
    # The pages that the page checks judge load in the background from the first test on, on the CPU that other tests
    # leave idle (tests/page_loads.py). The tests that judge them go last; before them, the other browser tests, which
    # keep both cores busy themselves; first, the rest, which mostly leave one core to the loads.
    items.sort(key=lambda item: (item.get_closest_marker(JUDGES_PAGES) is not None,
                                 item.get_closest_marker("browser") is not None))
