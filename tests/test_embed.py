"""embed.js on another site: a host page on a second origin includes it with one <script> tag; its links to our
terms get the hover and focus definitions, for screen readers too, and nothing else on the host page changes."""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

import pytest
from sitelib.glossary import load_terms

from tests.support import ROOT, serve_directory
from tests.support.browser import axe_violations

CANONICAL = "https://llm-parameter-glossary.github.io/"
TERMS = load_terms(ROOT / "docs")
EMBED_BUDGET_GZIP_BYTES = 3000  # "a few KB": the script; the definitions load from embed-terms.js

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host documentation</title>
<style>body {{ font: 17px/1.6 Georgia, serif; margin: 2em; max-width: 40em; color: #222 }}
div {{ padding: 3px; border: 1px solid #999 }} a {{ color: #0645ad }} b {{ color: #a00 }}</style>
<script>var hostGlobal = "the host's own";</script></head>
<body><main><h1>Host documentation</h1>
<div><p>Each <a id="weights" href="{canonical}terms/parameter/">parameter</a> is a number, and
<a id="anchor" href="{canonical}terms/quantization/#per-channel" aria-describedby="host-note">per-channel scales</a>
keep int8 weights close (<b id="host-note">see our note</b>). The <a id="local" href="{site}terms/hyperparameter/">learning
rate</a> is not one. <a id="other" href="https://example.org/terms/parameter/">Elsewhere</a>,
<a id="own-path" href="/terms/parameter/">this host's own page</a>.</p></div>
</main>
{embed}</body></html>
"""

# The host page as a list of its elements' tags, attributes and boxes, and its globals: compared with and without
# embed.js, less what embed.js is allowed to add (its element, its script tag, the links' aria-describedby).
SNAPSHOT_JS = """() => {
  const ours = el => el.matches('script[src$="embed.js"]') || (el.shadowRoot && el.parentElement === document.body
    && el === document.body.lastElementChild && el.style.display === "contents");
  const els = [...document.querySelectorAll("*")].filter(el => !ours(el) && !el.closest('[style="display: contents;"]'));
  return {
    elements: els.map(el => {
      const r = el.getBoundingClientRect();
      const attrs = [...el.attributes].map(a => a.name === "aria-describedby"
        ? [a.name, a.value.split(" ").filter(id => !id.startsWith("llm-glossary-")).join(" ")] : [a.name, a.value])
        .filter(([n, v]) => !(n === "aria-describedby" && v === ""));
      return [el.tagName, JSON.stringify(attrs), r.x, r.y, r.width, r.height, getComputedStyle(el).cssText
        || [...getComputedStyle(el)].map(p => getComputedStyle(el).getPropertyValue(p)).join(";")];
    }),
    globals: Object.keys(window).sort(),
    sheets: document.styleSheets.length + document.adoptedStyleSheets.length,
    scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
  };
}"""


@pytest.fixture(scope="module")
def host_url(site_url, tmp_path_factory):
    """A host page on a second origin (another port), with and without embed.js, linking to terms."""
    root = tmp_path_factory.mktemp("host")
    tag = f'<script src="{site_url}embed.js" async></script>'
    for name, embed in (("with.html", tag), ("without.html", "")):
        (root / name).write_text(HOST_PAGE.format(canonical=CANONICAL, site=site_url, embed=embed), encoding="utf-8")
    with serve_directory(root) as url:
        assert urlsplit(url).netloc != urlsplit(site_url).netloc
        yield url


def load_host(page, host_url, name="with.html"):
    page.set_default_timeout(5_000)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(host_url + name, wait_until="networkidle")
    if name == "with.html":
        page.wait_for_function("document.getElementById('weights').hasAttribute('aria-describedby')")
    return requests


# embed.js shows a definition in its mouseover listener on the document's capture phase; the same event reaches
# this listener on the window's bubble phase after it. {seen}: a promise, resolved once the pointer is over the
# element (wrapped, or evaluate_handle would wait for it).
HOVERED_JS = """selector => ({seen: new Promise(done => addEventListener("mouseover", function seen(e) {
  if (e.target.closest(selector)) { removeEventListener("mouseover", seen); done(); }
}))})"""


def hovered(page, selector):
    """Hover `selector`, returning once embed.js has seen the pointer come over it (no sleep: HOVERED_JS)."""
    watch = page.evaluate_handle(HOVERED_JS, selector)
    page.hover(selector)
    page.evaluate("watch => watch.seen", watch)


def tooltip(page):
    return page.locator("body > div[style] .box")  # Playwright's CSS selectors reach into open shadow roots


def test_the_script_is_small(built_site):
    size = len(gzip.compress((built_site / "embed.js").read_bytes(), 9))
    assert size <= EMBED_BUDGET_GZIP_BYTES, f"embed.js is {size} bytes gzip"


def test_links_to_terms_get_the_definition_from_the_other_origin(page, host_url, site_url):
    requests = load_host(page, host_url)
    hosts = {urlsplit(u).netloc for u in requests}
    assert hosts == {urlsplit(host_url).netloc, urlsplit(site_url).netloc}, requests
    assert {urlsplit(u).path for u in requests if u.startswith(site_url)} == {"/embed.js", "/embed-terms.js"}
    tip = tooltip(page)
    page.hover("#weights")
    tip.wait_for(state="visible")
    assert tip.inner_text().split("\n") == [TERMS["parameter"].title, TERMS["parameter"].summary]
    page.hover("#anchor")  # a link to an anchor of a term page: that term's definition
    assert tip.locator("b").inner_text() == TERMS["quantization"].title
    page.hover("#local")  # a link to the site where the script is served from
    assert tip.locator("b").inner_text() == TERMS["hyperparameter"].title
    page.hover("h1")
    tip.wait_for(state="hidden")
    for other in ("#other", "#own-path"):  # same path, another site: not ours
        hovered(page, other)
        assert not tip.is_visible(), other
        assert page.get_attribute(other, "aria-describedby") is None


def test_keyboard_focus_shows_it_escape_hides_it_and_screen_readers_get_it(page, host_url):
    load_host(page, host_url)
    tip = tooltip(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "weights"
    tip.wait_for(state="visible")
    assert TERMS["parameter"].summary in tip.inner_text()
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "anchor"
    tip.wait_for(state="visible")
    assert TERMS["quantization"].title in tip.inner_text()
    link = page.locator("#weights")
    from playwright.sync_api import expect

    expect(link).to_have_accessible_description(f"{TERMS['parameter'].title}: {TERMS['parameter'].summary}")
    # The host's own description is kept, and ours added after it.
    assert page.get_attribute("#anchor", "aria-describedby").split()[0] == "host-note"
    expect(page.locator("#anchor")).to_have_accessible_description(
        f"see our note {TERMS['quantization'].title}: {TERMS['quantization'].summary}")
    assert not axe_violations(page), "axe, with the definition shown"


def test_nothing_else_on_the_host_page_changes(browser, host_url):
    snapshots = {}
    for name in ("without.html", "with.html"):
        context = browser.new_context(viewport={"width": 800, "height": 600})
        page = context.new_page()
        load_host(page, host_url, name)
        page.hover("#weights")  # with the tooltip shown, too
        if name == "with.html":
            tooltip(page).wait_for(state="visible")
        snapshots[name] = page.evaluate(SNAPSHOT_JS)
        context.close()
    without, with_embed = snapshots["without.html"], snapshots["with.html"]
    assert with_embed["globals"] == without["globals"], "embed.js defined or removed a global"
    assert with_embed["sheets"] == without["sheets"], "embed.js added a stylesheet to the host page"
    assert with_embed["scroll"] == without["scroll"]
    assert len(with_embed["elements"]) == len(without["elements"])
    for a, b in zip(without["elements"], with_embed["elements"], strict=True):
        assert a == b, f"{a[:2]} changed: {b[:6]}"
