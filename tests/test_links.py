"""Links on the built output: every link, loaded file and anchor of every page resolves, in the site and in the
offline copy, notebook pages included; the offline copy works from disk.

MkDocs' strict validation (the `built_site` build) checks the links a page's Markdown writes; this independent
check reads the HTML that MkDocs, Material and the hooks wrote, every page of it, with the theme's links, the
stylesheets' url()s and the generated pages (A-Z, tags, notebooks, redirects). It is the one check over the built
output: LinkChecker's crawl of the served site was dropped as a weaker duplicate (it checked no anchor, and found
nothing this check misses).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.support import broken_links, broken_links_in_site
from tools.notebooks import all_notebooks


def test_every_link_and_anchor_resolves(built_site):
    """Every link, stylesheet, script and image of every built page (notebook pages included), every url() of the
    site's stylesheets, and every anchor a link points to."""
    notebook_pages = {f"notebooks/{p.stem}/index.html" for p in all_notebooks()}
    checked = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert notebook_pages <= checked, f"notebook pages not built: {notebook_pages - checked}"
    problems = broken_links_in_site(built_site)
    assert not problems, "\n".join(problems[:40])


def test_the_link_check_reports_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">bad anchor</a><a href="../b/">missing page</a>'
        '<a href="../a/#here">ok</a><a href="https://example.org/">external</a><img src="pic.svg">'
        '<a href="../../../b/">above the root, as a browser reads it: /b/</a>'
        '<img src="data:image/png;base64,AA==" srcset="small.png 1x, ../a/#here 2x">'
        '<meta http-equiv="refresh" content="0; url=../moved/">', encoding="utf-8")
    (tmp_path / "a" / "style.css").write_text(
        '.x { background: url("data:image/svg+xml,<svg/>") } .y { background: url(../img/dot.svg) }'
        ".z { background: url('index.html#here') }", encoding="utf-8")
    assert broken_links(tmp_path, tmp_path / "a" / "index.html") == [
        "<a> #gone: a/index.html has no anchor #gone",
        "<a> ../b/: no file b/index.html",
        "<img> pic.svg: no file a/pic.svg",
        "<a> ../../../b/: no file b/index.html",
        "<img> small.png: no file a/small.png",
        "<meta> ../moved/: no file moved/index.html",
    ]
    assert broken_links_in_site(tmp_path) == [
        *(f"a/index.html: {p}" for p in broken_links(tmp_path, tmp_path / "a" / "index.html")),
        "a/style.css: url() ../img/dot.svg: no file img/dot.svg",
    ]


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
    """The offline copy's links and anchors, as files (what a reader opens from disk: the copy uses .html file
    URLs), notebook pages included. The 404 page is for servers only."""
    problems = [p for p in broken_links_in_site(offline_site) if not p.startswith("404.html:")]
    assert not problems, "\n".join(problems[:40])
