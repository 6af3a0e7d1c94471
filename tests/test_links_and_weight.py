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


def test_a_notebook_page_shows_png_figures_and_html_tables_and_refuses_scripts():
    """The outputs notebooks commonly hold: a PNG (alternative text from the cell's metadata), a pandas table
    (kept as HTML, without its style sheet), and an SVG whose cell overrides its title."""
    from mkdocs.exceptions import PluginError

    from hooks.notebooks import to_markdown

    table = ('<div>\n<style scoped>\n  .dataframe tbody tr th { vertical-align: top; }\n</style>\n'
             '<table border="1" class="dataframe">\n\n<tr><th>layer</th><td>4096</td></tr>\n</table>\n</div>')

    def page(outputs, metadata=None):
        cell = {"cell_type": "code", "source": "x", "metadata": metadata or {}, "outputs": outputs}
        return to_markdown({"cells": [cell]}, "notebooks/demo/", set(), "docs/notebooks/demo.ipynb")

    png = page([{"output_type": "display_data", "data": {"image/png": "iVBORw0K\nGgo=\n", "text/plain": "<Figure>"}}],
               {"alt": "Loss falls from 4.2 to 1.9"})
    assert '<img alt="Loss falls from 4.2 to 1.9" src="data:image/png;base64,iVBORw0KGgo=">' in png
    assert "<Figure>" not in png
    html = page([{"output_type": "execute_result", "data": {"text/html": table, "text/plain": "   layer"}}])
    assert '<div class="notebook-html">' in html and "<table><tr><th>layer</th><td>4096</td></tr>" in html.replace(
        "\n", "")
    assert "<style" not in html and "dataframe" not in html and "\n\n<tr>" not in html
    svg = '<svg><metadata><dc:title>From the SVG</dc:title></metadata></svg>'
    assert 'alt="From the cell"' in page([{"output_type": "display_data", "data": {"image/svg+xml": svg}}],
                                          {"alt": "From the cell"})
    with pytest.raises(PluginError, match=r"docs/notebooks/demo\.ipynb: a figure has no alternative text"):
        page([{"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo="}}])
    with pytest.raises(PluginError, match=r"docs/notebooks/demo\.ipynb: an HTML output holds a script"):
        page([{"output_type": "display_data", "data": {"text/html": "<div><script>alert(1)</script></div>"}}])


@pytest.mark.slow
def test_a_notebook_with_a_png_and_a_table_builds_strict(project_copy, tmp_path):
    """The same outputs through a real strict build: the page has the figure with its text and the table."""
    import json

    from tests.conftest import mkdocs_build

    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
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
    (project_copy / "docs" / "notebooks" / "demo.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    site = tmp_path / "site"
    proc = mkdocs_build(project_copy, site)
    assert proc.returncode == 0, proc.stderr
    html = (site / "notebooks" / "demo" / "index.html").read_text(encoding="utf-8")
    assert 'alt="A one-pixel plot" src="data:image/png;base64,iVBORw0KGgo' in html
    assert "<th>weights</th><td>4096</td>" in html and "color: red" not in html
