"""What the tests share, in one place: the paths, building the site, serving it, reading its HTML and its links,
page weight, and a page's claims checked on its snippets' results. Browsers: tests/support/browser.py; generated
model configurations: tests/support/configs.py. Fixtures live in tests/conftest.py, and nothing imports that.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import subprocess
import sys
import threading
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
# Everything a build needs; tests copy these to inject bad input without touching the real tree.
PROJECT_PARTS = ["mkdocs.yml", "requirements", "docs", "snippets", "counter", "sitelib", "hooks", "overrides",
                 "data", "tools"]


def load_module(path: Path):
    """Import a program (a snippet, a tool, the corpus generator) as a module, to test its functions."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_project(dest: Path) -> Path:
    """A throwaway copy of everything a build reads (PROJECT_PARTS) at `dest`, for injecting input, with the
    highlight store that the last build of the tree left, if any: the copy's build reads it as a second build of
    the tree would (the same bytes: tests/test_build.py, test_two_builds_of_the_same_tree_are_byte_identical)."""
    import shutil

    from hooks.highlight_cache import CACHE_DIR  # imported here: importing it patches pymdownx's Highlight

    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    if (ROOT / CACHE_DIR).is_dir():
        shutil.copytree(ROOT / CACHE_DIR, dest / CACHE_DIR)
    return dest


# Moved pages that the redirect tests add to mkdocs.yml's extra.redirects (tests/test_published_urls.py); one
# build of a copy with only these added serves them and the reproducibility check (tests/test_build.py).
MOVED_PAGES = {"terms/old-name.md": "terms/parameter.md",
               "terms/old-section.md": "terms/parameter.md#parameters-vs-buffers",
               "terms/to-home.md": "index.md"}


# A notebook with the outputs notebooks commonly hold beyond ours: a PNG figure with its alternative text, and a
# pandas-style HTML table with a style sheet (tests/test_notebooks.py checks its page in a real strict build).
DEMO_NOTEBOOK = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
    {"cell_type": "markdown", "metadata": {}, "source": "# Demo\n\nA [parameter](../../terms/parameter/)."},
    {"cell_type": "code", "metadata": {"alt": "A one-pixel plot"}, "execution_count": 1, "source": "plot()",
     "outputs": [{"output_type": "display_data", "metadata": {}, "data": {
         "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
         "text/plain": "<Figure size 1x1>"}}]},
    {"cell_type": "code", "metadata": {}, "execution_count": 2, "source": "table()",
     "outputs": [{"output_type": "execute_result", "execution_count": 2, "metadata": {}, "data": {
         "text/html": '<div><style scoped>th { color: red; }</style><table border="1" class="dataframe">'
                      "<tr><th>weights</th><td>4096</td></tr></table></div>", "text/plain": "weights 4096"}}]},
]}


# Three links that MkDocs by default only mentions or reports as INFO, added to the end of docs/terms/parameter.md:
# mkdocs.yml's `validation:` and `strict:` must make each stop the build (tests/test_build.py). Link warnings stop a
# strict build only at its end, after every page is written, so the build that holds them still writes DEMO_NOTEBOOK's
# page and the redirect pages (the offline additions build, tests/conftest.py).
BAD_LINKS = ("See [a page](no-such-term.md), [an anchor](hyperparameter.md#no-such-anchor) "
             "and [home](/terms/hyperparameter/).")


def build_problems(stderr: str) -> list[str]:
    """The WARNING and ERROR lines of a build's log."""
    return [line for line in stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]


def with_redirects(project: Path, redirects: dict[str, str]) -> None:
    """Set extra.redirects in a copy's mkdocs.yml (it has none of its own)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  redirects: {}" in text
    lines = "".join(f"    {old}: {new}\n" for old, new in redirects.items())
    config.write_text(text.replace("  redirects: {}", "  redirects:\n" + lines), encoding="utf-8")


def start_mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.Popen:
    """A strict build of `project` into `site_dir`, running in the background; finished_build() waits for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env={**MKDOCS_ENV, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished_build(build: subprocess.Popen) -> subprocess.CompletedProcess:
    stdout, stderr = build.communicate()
    return subprocess.CompletedProcess(build.args, build.returncode, stdout, stderr)


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    return finished_build(start_mkdocs_build(project, site_dir, **env))


@contextlib.contextmanager
def serve_directory(root: Path):
    """Serve a folder over HTTP on 127.0.0.1 (a random free port) until the block ends."""
    import functools
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

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


# A fenced code block of a page's Markdown (any indentation, three or more backticks): its info string and body.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<ticks>`{3,})[ \t]*(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)(?P=ticks)[ \t]*$",
                   re.MULTILINE | re.DOTALL)


# ---------------------------------------------------------------- reading built HTML (one parser: html.parser)

# Attributes that make a browser follow a link or load a file (srcset and a refresh's url are read apart).
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                   ("iframe", "src"), ("area", "href"), ("embed", "src"), ("object", "data"), ("video", "src"),
                   ("video", "poster"), ("audio", "src"), ("track", "src"), ("form", "action")}
REFRESH_URL = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


class Page(HTMLParser):
    """A built page, read once: its ids (anchors), its links and loaded files, and each tag's attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, URL) for every link or loaded file
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for t, attr in LINK_ATTRIBUTES:
            if tag == t and a.get(attr):
                self.links.append((tag, a[attr]))
        if a.get("srcset") and tag in ("img", "source"):
            self.links += [(tag, candidate.split()[0]) for candidate in a["srcset"].split(",") if candidate.strip()]
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh" and (m := REFRESH_URL.match(a.get("content", ""))):
            self.links.append((tag, m.group(1)))


@cache
def read_page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def broken_links(site: Path, page: Path) -> list[str]:
    """Every link or loaded file of a built page (an HTML page, or a stylesheet's url()s) that does not resolve to
    a file of the site, and every anchor that the target page lacks; other hosts are not checked (the tests run
    offline)."""
    page_url = "/" + page.relative_to(site).as_posix()
    if page.suffix == ".css":
        links = [("url()", m.group(2)) for m in CSS_URL.finditer(page.read_text(encoding="utf-8"))]
    else:
        links = read_page(page).links
    problems = []
    for tag, href in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # another host, mailto:, data: or javascript:
        if problem := target_problem(site, urljoin(page_url, href)):
            problems.append(f"{tag if tag == 'url()' else f'<{tag}>'} {href}: {problem}")
    return problems


def target_problem(site: Path, url: str) -> str | None:
    """Why a site-root-relative URL ("/terms/x/#anchor") does not land on a file of the site and, for a page, an
    anchor of it; None if it does."""
    target = urlsplit(url)
    path = unquote(target.path)
    file = site / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    if not file.is_file():
        return f"no file {file.relative_to(site)}"
    if target.fragment and file.suffix == ".html" and unquote(target.fragment) not in read_page(file).ids:
        return f"{file.relative_to(site)} has no anchor #{target.fragment}"
    return None


def load_inventory(site: Path) -> dict:
    """The built objects.inv as Sphinx reads it: {"std:term": {name: item}, "std:label": {...}}, site-relative URIs."""
    from sphinx.util.inventory import InventoryFile

    with open(site / "objects.inv", "rb") as f:
        return InventoryFile.load(f, "", lambda base, uri: uri)


def broken_links_in_site(site: Path) -> list[str]:
    """broken_links() over every HTML page and stylesheet of a built site, each problem prefixed with its file."""
    files = sorted(site.rglob("*.html")) + sorted(site.rglob("*.css"))
    return [f"{file.relative_to(site)}: {problem}" for file in files for problem in broken_links(site, file)]


# ---------------------------------------------------------------- a page's claims, checked on its snippets' results

EXACT = 1e-12  # hand-written float64 code against torch float64: rounding differences only
FINITE_DIFFERENCES = 1e-8  # central differences with h = 1e-6 in float64


def snippet_globals(relative: str, tmp_path) -> dict:
    """Run a snippet as a program (output swallowed, figures written in tmp_path) and return its global
    variables, for tests that check the values it computed."""
    import io
    import runpy

    import matplotlib

    matplotlib.use("Agg")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return runpy.run_path(str(ROOT / "snippets" / relative), run_name="__main__")
    finally:
        os.chdir(cwd)


def as_numpy(value):
    import numpy as np
    import torch

    return value.detach().numpy() if isinstance(value, torch.Tensor) else np.asarray(value)


class SharedRunner:
    """A snippet runner (tools/snippets.py: WarmRunner) that several threads may use: one run at a time."""

    def __init__(self, runner):
        self.runner = runner
        self._lock = threading.Lock()

    def run(self, path: Path):
        with self._lock:
            return self.runner.run(path)


class SnippetResults:
    """Each snippet's result from one runner, run once per session however many tests look at it.

    ``start(paths)`` runs those snippets in a background thread, in order, while the tests go on (the runner's
    children do the work, on the CPU the tests leave idle); a test that asks for a snippet not yet run moves it to
    the front of the queue and waits for it. A snippet that is not queued runs when it is asked for."""

    def __init__(self, runner: SharedRunner):
        self.runner = runner
        self._results: dict[Path, object] = {}
        self._queue: list[Path] = []
        self._now: Path | None = None  # the snippet the background thread is running
        self._ready = threading.Condition()
        self._thread: threading.Thread | None = None

    def start(self, paths) -> None:
        with self._ready:
            self._queue += [p for p in paths if p not in self._results and p not in self._queue and p != self._now]
            if self._thread is None and self._queue:
                self._thread = threading.Thread(target=self._run_queue, name="snippet-results", daemon=True)
                self._thread.start()

    def _run_queue(self) -> None:
        while True:
            with self._ready:
                if not self._queue:
                    self._thread = None
                    return
                self._now = self._queue.pop(0)
            result = self._run(self._now)
            with self._ready:
                self._results[self._now], self._now = result, None
                self._ready.notify_all()

    def _run(self, path: Path):
        try:
            return self.runner.run(path)
        except Exception as exc:  # the runner broke: the tests of this snippet report it
            return exc

    def __getitem__(self, path: Path):
        with self._ready:
            if path in self._queue:  # next, please
                self._queue.remove(path)
                self._queue.insert(0, path)
            while path not in self._results and (path in self._queue or path == self._now):
                self._ready.wait()
            result = self._results.get(path)
        if result is None:
            result = self._run(path)
            with self._ready:
                result = self._results.setdefault(path, result)
        if isinstance(result, Exception):
            raise result
        return result


def snippet_stdout(snippet_results, rel: str) -> str:
    """A snippet's output, from its one run of the session (shared with its golden's test)."""
    result = snippet_results[ROOT / "snippets" / rel]
    assert result.ok, result.problem()
    return result.stdout


# ---------------------------------------------------------------- page weight

# gzip: HTML + CSS + JS + fonts + images, search index excluded. Checked in test_browser.py, on what each page
# really loads (scripts that load scripts included): the one check of page weight.
TERM_PAGE_BUDGET_KB = 80  # every term page and every other page (issue 15)
# A notebook page is a term page's theme (about 60 KB) and the notebook's HTML with its figures inlined, kept under
# 60 KB (mkdocs-jupyter's default page is over 100 KB of HTML alone).
NOTEBOOK_PAGE_BUDGET_KB = 120
# The calculator is an app, not a term page: on top of a page's ~60 KB of theme it loads its evaluator, the
# count rules and its own script and stylesheet. At 30 families that was 103 KB in all (budget 110); at 50
# families 115 KB (budget 120); at 63 families with towers and 75 presets, 128 KB, then 131.1 KB (budget 131).
# Then the presets' configs, all but the default's, left count-rules.js for count-presets.js, which the page loads
# only when one is needed (hooks/count_rules.py): a plain visit weighs 125.4 KB (count-rules.js 28.8 -> 22.1 KB,
# calculator.js 13.2 -> 14.2 KB); one that names a preset 133.6 KB. Measured on a built site in Chromium, as the
# page check in tests/test_browser.py does: gzip of the page and of every file it requested on a plain visit. The
# budget is that, rounded up, with 3 KB to spare. A way further back: each rule's expression as prefix text instead
# of JSON trees (1.7 KB, measured at 128 KB). Fit and speed already load only when asked for.
APP_PAGE_BUDGET_KB = 129
APP_PAGES = ("calculator/",)


def page_budget_kb(path: str) -> int:
    """The weight budget of a page, by its site path ("terms/bias/", "notebooks/...", "calculator/")."""
    if path.startswith("notebooks/"):
        return NOTEBOOK_PAGE_BUDGET_KB
    if path in APP_PAGES:
        return APP_PAGE_BUDGET_KB
    return TERM_PAGE_BUDGET_KB


def page_assets(site: Path, html_path: Path) -> list[Path]:
    """The local files a page loads when it is opened (search index and search worker excluded)."""
    refs = []
    for tag, a in read_page(html_path).tags:
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") or tag in ("script", "img"):
            refs.append(a.get("href") if tag == "link" else a.get("src"))
    files = []
    for ref in filter(None, refs):
        ref = ref.split("#")[0].split("?")[0]
        if ref.startswith(("data:", "http:", "https:", "//")):
            continue
        files.append((html_path.parent / ref).resolve() if not ref.startswith("/") else site / ref.lstrip("/"))
    return files


def gzip_kb(data: bytes) -> float:
    return len(gzip.compress(data, 9, mtime=0)) / 1024


def page_weight_kb(site: Path, html_path: Path, loaded: list[Path] = ()) -> float:
    """gzip size of a page's HTML and of every file it declares or, measured in a browser, `loaded` loads."""
    files = set(page_assets(site, html_path)) | set(loaded)
    total = gzip_kb(html_path.read_bytes())
    for f in sorted(files - {html_path}):
        assert f.is_file(), f"{html_path.relative_to(site)} loads {f}, which is not in the site"
        total += gzip_kb(f.read_bytes())
    return total
