"""Shared fixtures: the warm snippet runner, the built site, and throwaway copies of the project."""

from __future__ import annotations

import contextlib
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
PROJECT_PARTS = ["mkdocs.yml", "requirements", "docs", "snippets", "hooks", "overrides", "data"]


def load_module(path: Path):
    """Import a program (a snippet, a tool, the corpus generator) as a module, to test its functions."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env={**MKDOCS_ENV, **env},
        capture_output=True,
        text=True,
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


@contextlib.contextmanager
def serve_directory(root: Path):
    """Serve a folder over HTTP on 127.0.0.1 (a random free port) until the block ends."""
    import functools
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def end_headers(self):
            # LinkChecker throttles to 10 requests a second per host unless the server says it may go faster.
            self.send_header("LinkChecker", "no rate limit needed on a local test server")
            super().end_headers()

        def send_error(self, code, message=None, explain=None):
            # Like GitHub Pages and Read the Docs: an unknown path gets the site's own 404 page.
            page = root / "404.html"
            if code != 404 or not page.exists():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


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


def axe_violations(page) -> list[str]:
    """Axe's default rules plus WCAG 2.2's target-size (Lighthouse checks it; axe leaves it off by default)."""
    from axe_playwright_python.sync_playwright import Axe

    page.add_style_tag(content=NO_MOTION_CSS)
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    result = Axe().run(page, options={"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]} {v['nodes'][0]['failureSummary']}"
            for v in result.response["violations"]]


# Cumulative Layout Shift as Chromium measures it (Core Web Vitals call under 0.1 "good"), from the buffered
# entries: how far visible content jumped while the page loaded and built itself.
GOOD_LAYOUT_SHIFT = 0.1
_LAYOUT_SHIFT = """wait => new Promise(done => {
  new PerformanceObserver(list => done(list.getEntries().filter(e => !e.hadRecentInput)
    .reduce((sum, e) => sum + e.value, 0))).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(0), wait);  // no entry at all: nothing moved
})"""


def layout_shift(page, wait_ms: int = 300) -> float:
    return page.evaluate(_LAYOUT_SHIFT, wait_ms)


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()
