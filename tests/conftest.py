"""The fixtures that tests share, and the pytest hooks (tiers, order). Only fixtures and hooks: shared code lives
in tests/support/, and no module imports this one."""

from __future__ import annotations

import concurrent.futures
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.support import (
    BAD_LINKS,
    DEMO_NOTEBOOK,
    MOVED_PAGES,
    ROOT,
    SharedRunner,
    SnippetResults,
    copy_project,
    finished_build,
    mkdocs_build,
    serve_directory,
    start_mkdocs_build,
    with_redirects,
)
from tests.support.browser import (
    JUDGES_PAGES,
    InBackground,
    load_pages,
    pages_to_load,
    print_glossary,
    search_index_stub,
    without_search_documents,
)
from tools import notebooks as notebook_tools
from tools import snippets as snippet_tools
from tools.chromium import CHROMIUM, CHROMIUM_ARGS

# Idle OpenMP threads sleep instead of spinning, as in the snippet runner: torch in this process (the page tests)
# and in the notebook kernels shares two cores with the work in the background, and spinning threads took about 10
# CPU-seconds from it. Read when torch is first imported, which is after this module.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


@pytest.fixture(scope="session")
def runner():
    """Snippets run with two torch threads (as on a two-core laptop): the goldens are written so."""
    with snippet_tools.WarmRunner(threads=2, wait=False) as r:
        yield SharedRunner(r)


@pytest.fixture(scope="session")
def other_cpu_runner():
    """Snippets run as on another reader's CPU: other float kernels (OTHER_CPU_ENV) and one thread."""
    with snippet_tools.WarmRunner(threads=1, env=snippet_tools.OTHER_CPU_ENV, wait=False) as r:
        yield SharedRunner(r)


@pytest.fixture(scope="session")
def snippet_results(runner):
    """Each snippet's run with `runner`, once per session, however many tests look at its result."""
    return SnippetResults(runner)


@pytest.fixture(scope="session")
def other_cpu_results(other_cpu_runner):
    """Each snippet's run with `other_cpu_runner`, once per session."""
    return SnippetResults(other_cpu_runner)


@pytest.fixture(scope="session")
def notebook_runs():
    """Each notebook, executed once from scratch in a fresh kernel (tools/notebooks.py): path -> a future of
    (notebook with outputs, wall s, CPU s). Each kernel trains with one thread."""
    with concurrent.futures.ThreadPoolExecutor(len(notebook_tools.all_notebooks())) as pool:
        yield {path: pool.submit(notebook_tools.execute, path) for path in notebook_tools.all_notebooks()}


# Work that runs in the background from the start of the session, on the CPU that the tests leave idle, when a
# selected test needs it: (fixture, what starts it). The tests that use it wait for what they need.
BACKGROUND = {
    "snippet_results": lambda results: results.start(snippet_tools.all_snippets()),
    "other_cpu_results": lambda results: results.start(snippet_tools.all_snippets()),
    "notebook_runs": lambda runs: None,  # the fixture starts them
    "printed_glossary": lambda printing: None,  # the fixture starts it
}


@pytest.fixture(scope="session", autouse=True)
def background_work(request):
    """Start the snippets' runs and the notebooks' that this session's tests need, before the first test."""
    used = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    for name, start in BACKGROUND.items():
        if name in used:
            start(request.getfixturevalue(name))


# The real site starts building when the session starts, while pytest collects the tests: collection takes about
# 6 s of one core (it imports torch, transformers and peft), which left the other core idle, and nearly every run
# needs the site. A run that does not need it stops the build when it ends.
EARLY_BUILD = pytest.StashKey[tuple[Path, subprocess.Popen]]()


def pytest_sessionstart(session):
    folder = Path(tempfile.mkdtemp(prefix="built-site-"))
    build = start_mkdocs_build(ROOT, folder / "site")
    session.config.stash[EARLY_BUILD] = folder / "site", build

    def stop_and_remove():
        if build.poll() is None:
            build.kill()
        build.communicate()
        shutil.rmtree(folder, ignore_errors=True)

    session.config.add_cleanup(stop_and_remove)  # after every fixture's teardown (the server, the page loads)


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The real site, built once with --strict (started with the session); a failing build fails every test that
    needs it."""
    site, build = request.config.stash[EARLY_BUILD]
    proc = finished_build(build)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stderr}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """The offline copy that the README's command makes: OFFLINE=true mkdocs build."""
    site = tmp_path_factory.mktemp("offline")
    proc = mkdocs_build(ROOT, site, OFFLINE="true")
    assert proc.returncode == 0, proc.stderr
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of everything a build reads, for injecting bad input."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def moved_pages_site(built_site, tmp_path_factory):
    """A copy of the project that differs only by MOVED_PAGES in extra.redirects, built once with --strict in
    another folder, after built_site and with the highlight store that build left (copy_project; as a second
    build on a fresh clone reads it): the redirect tests read its redirect pages, the reproducibility test compares
    every other file with built_site's."""
    project = copy_project(tmp_path_factory.mktemp("moved-pages") / "project")
    with_redirects(project, MOVED_PAGES)
    proc = mkdocs_build(project, project.parent / "site")
    assert proc.returncode == 0, proc.stderr
    return project.parent / "site"


@pytest.fixture(scope="session")
def offline_additions_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """One strict offline build (OFFLINE=true) of a project copy with three independent additions, each judged by
    its own test: MOVED_PAGES (the offline redirect test), DEMO_NOTEBOOK (the demo notebook's test) and BAD_LINKS in
    docs/terms/parameter.md (the validation test: they fail the build, but only after every page is written).
    Returns the site folder and the finished build."""
    project = copy_project(tmp_path_factory.mktemp("offline-additions") / "project")
    with_redirects(project, MOVED_PAGES)
    (project / "docs" / "notebooks" / "demo.ipynb").write_text(json.dumps(DEMO_NOTEBOOK), encoding="utf-8")
    page = project / "docs" / "terms" / "parameter.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + BAD_LINKS + "\n", encoding="utf-8")
    site = project.parent / "site"
    return site, mkdocs_build(project, site, OFFLINE="true")


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


@pytest.fixture(scope="session", autouse=True)
def page_loads(request):
    """The pages that the selected page checks judge, loading in the background from the first test on (see
    tests/support/browser.py); None when no page check is selected, or when the site does not build (then every
    test that needs the site fails on built_site)."""
    keys = pages_to_load(request.session.items)
    try:
        site = request.getfixturevalue("built_site") if keys else None
    except pytest.fail.Exception:
        site = None
    if site is None:
        yield None
        return
    loads = InBackground(load_pages, request.getfixturevalue("site_url"), keys, search_index_stub(site))
    yield loads
    loads.close()


@pytest.fixture(scope="session")
def printed_glossary(built_site, site_url, tmp_path_factory):
    """The glossary printed to PDF (tools/pdf.py) in the background from the first test on, like the page loads: a
    long print on one core, which would otherwise hold the suite's end. (path of the PDF, InBackground of what the
    printed page shows)."""
    out = tmp_path_factory.mktemp("pdf") / "glossary.pdf"
    printing = InBackground(print_glossary, site_url + "print/", str(out))
    yield out, printing
    printing.close()


@pytest.fixture
def page(browser, built_site):
    """A new reader's tab, whose search worker gets an empty index (without_search_documents): no test with this
    page searches (the search tests have their own), and each page load would otherwise build the whole index."""
    context = browser.new_context()
    without_search_documents(context, built_site)
    pg = context.new_page()
    yield pg
    context.close()


# ---------------------------------------------------------------- tiers

# `nox -s quick` runs the tests marked "quick": what a writer needs after editing a page or a snippet (the build,
# the goldens, the pages' structure, numbers in prose, the glossary, the code blocks in pages), in under a minute.
# `nox -s tests` runs every test, quick or not. In these files of tests/ a test is quick unless it is marked "slow"
# (another build or interpreter) or drives the browser; the tests of one page (tests/pages/) and the other whole-site
# checks (every snippet again on another CPU, the browser, the notebooks, the oracles) are not quick.
QUICK_FILES = {"test_build.py", "test_snippets.py", "test_structure.py", "test_prose.py", "test_glossary.py",
               "test_fences.py", "test_published_urls.py", "test_versions.py", "test_notebook_streams.py",
               "test_llms_txt.py"}
BROWSER_FIXTURES = {"browser", "page", "printed_glossary"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        # A parametrized argument that happens to be named "page" is not the browser fixture.
        params = item.callspec.params if hasattr(item, "callspec") else {}
        if BROWSER_FIXTURES & (set(getattr(item, "fixturenames", ())) - set(params)):
            item.add_marker(pytest.mark.browser)
        in_quick_file = (item.path.parent == ROOT / "tests" and item.path.name in QUICK_FILES
                         or item.path.suffix == ".md" and ROOT / "docs" in item.path.parents)
        if in_quick_file and not item.get_closest_marker("slow") and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.quick)
    # The pages that the page checks judge load in the background from the first test on, on the CPU that other tests
    # leave idle, and the glossary prints to PDF there too (tests/support/browser.py). The tests that judge the pages
    # go last, after those of the PDF; before them, the other browser tests, which keep both cores busy themselves;
    # first, the rest, which mostly leave one core to the background.
    items.sort(key=lambda item: (item.get_closest_marker(JUDGES_PAGES) is not None,
                                 "printed_glossary" in getattr(item, "fixturenames", ()),
                                 item.get_closest_marker("browser") is not None))
