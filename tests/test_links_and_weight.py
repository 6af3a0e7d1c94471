"""Whole-site checks on the built output: every link and anchor, an independent crawl, page weight, offline copy
(the weight budgets themselves are checked per page in test_browser.py, on what each page really loads)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import (
    ROOT,
    TERM_PAGE_BUDGET_KB,
    broken_links,
    broken_links_in_site,
    mkdocs_build,
    page_assets,
    page_weight_kb,
    serve_directory,
)


def run_linkchecker(url: str) -> str:
    """LinkChecker's report on a crawl of the served site from `url`: every link and loaded file must answer.
    Anchors are checked by broken_links() instead: LinkChecker's anchor check fetches a page again for every
    link with an anchor, 200 s per crawl of this site, against 9 s without it."""
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("linkchecker")), "-f", str(ROOT / "tests" / "linkcheckerrc"),
         "--no-status", "-o", "text", url],
        capture_output=True, text=True, timeout=600,
    )
    report = proc.stdout
    assert "0 warnings found" in report and "0 errors found" in report, report[-6000:]
    checked = int(re.search(r"(\d+) links? in \d+ URLs checked", report).group(1))
    assert checked > 50, f"LinkChecker checked only {checked} links: did it crawl the site?"
    return report


def test_linkchecker_finds_no_broken_link(site_url):
    """LinkChecker (not MkDocs) crawls the served site over HTTP, notebook pages included."""
    run_linkchecker(site_url)


def test_every_link_and_anchor_resolves(built_site):
    """Every link, stylesheet, script and image of every built page, and every anchor a link points to."""
    problems = broken_links_in_site(built_site)
    assert not problems, "\n".join(problems[:40])


def test_the_link_check_reports_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">bad anchor</a><a href="../b/">missing page</a>'
        '<a href="../a/#here">ok</a><a href="https://example.org/">external</a><img src="pic.svg">'
        '<a href="../../../b/">above the root, as a browser reads it: /b/</a>', encoding="utf-8")
    assert broken_links(tmp_path, tmp_path / "a" / "index.html") == [
        "<a> #gone: a/index.html has no anchor #gone",
        "<a> ../b/: no file b/index.html",
        "<img> pic.svg: no file a/pic.svg",
        "<a> ../../../b/: no file b/index.html",
    ]


def test_page_weight_counts_what_a_page_loads(built_site):
    page = built_site / "terms" / "parameter" / "index.html"
    names = {f.name for f in page_assets(built_site, page)}
    assert any(n.startswith("bundle.") and n.endswith(".js") for n in names)
    assert any(n.startswith("main.") and n.endswith(".css") for n in names) and "site.css" in names
    assert 30 < page_weight_kb(built_site, page) < TERM_PAGE_BUDGET_KB


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """The offline copy that the README's command makes: OFFLINE=true mkdocs build."""
    site = tmp_path_factory.mktemp("offline")
    proc = mkdocs_build(ROOT, site, OFFLINE="true")
    assert proc.returncode == 0, proc.stderr
    return site


def test_offline_copy_works_from_disk_with_search(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto((offline_site / "index.html").as_uri(), wait_until="networkidle")
        page.keyboard.press("/")
        page.keyboard.type("trainable parameter")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        assert any(urlsplit(h).path.endswith("terms/parameter.html") for h in hrefs), hrefs
        page.goto((offline_site / "terms" / "parameter.html").as_uri(), wait_until="networkidle")
        # A link in the page's text: the navigation's copy may be scrolled out of view.
        page.locator("article").get_by_role("link", name="hyperparameter").first.click()
        assert page.url.endswith("terms/hyperparameter.html")
        leaving = [r for r in requests if not r.startswith(("file://", "data:", "blob:", "about:"))]
        assert not leaving, f"the offline copy requested: {leaving}"
    finally:
        context.close()


def test_offline_copy_has_no_broken_link(offline_site):
    """The offline copy's links and anchors, as files (what a reader opens from disk), and LinkChecker's crawl
    of it (served, since LinkChecker drops root's rights to read temp folders; the copy uses .html file URLs, so
    what resolves here resolves from disk), notebook pages included. The 404 page is for servers only."""
    problems = [p for p in broken_links_in_site(offline_site) if not p.startswith("404.html:")]
    assert not problems, "\n".join(problems[:40])
    with serve_directory(offline_site) as url:
        run_linkchecker(url + "index.html")


def test_notebook_links_become_links_to_sources_that_mkdocs_checks():
    """Notebook links are written for the rendered page (for the notebook's own reader); the page made from the
    notebook links to the sources, so MkDocs validates them (strict) and rewrites them for the offline copy."""
    from hooks.notebooks import source_link

    sources = {"terms/parameter.md", "notebooks/build.ipynb", "notebooks/shrink.ipynb", "index.md", "notebooks/data.txt"}
    page_dir = "notebooks/build/"
    assert source_link("../../terms/parameter/", page_dir, sources) == "../terms/parameter.md"
    assert source_link("../../terms/parameter/#parameters-vs-buffers", page_dir, sources) == (
        "../terms/parameter.md#parameters-vs-buffers")
    assert source_link("../../", page_dir, sources) == "../index.md"
    assert source_link("../shrink/", page_dir, sources) == "shrink.ipynb"
    assert source_link("build.ipynb", page_dir, sources) == "build/build.ipynb"  # the download, next to the page
    assert source_link("../data.txt", page_dir, sources) == "data.txt"
    assert source_link("../../terms/gone/", page_dir, sources) == "../terms/gone.md"  # MkDocs reports it
    assert source_link("https://example.org/", page_dir, sources) == "https://example.org/"
    assert source_link("#section", page_dir, sources) == "#section"


def test_a_notebook_output_the_page_cannot_show_stops_the_build_naming_the_notebook():
    from mkdocs.exceptions import PluginError

    from hooks.notebooks import to_markdown

    notebook = {"cells": [{"cell_type": "code", "source": "1 / 0", "outputs": [
        {"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero", "traceback": []}]}]}
    with pytest.raises(PluginError, match=r"docs/notebooks/demo\.ipynb: .*error \(ZeroDivisionError\)"):
        to_markdown(notebook, "notebooks/demo/", set(), "docs/notebooks/demo.ipynb")
