"""Every "try it in the calculator" link of the memory pages (issue 17), opened in the real calculator of the built
site as a reader's click opens it: no error about the address or a field, and the figures shown are the tool's
memory() for the link's preset and options. The calculator and the tool are the single source of the parameter
names and values; this test keeps no copy of them."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from count_params import load_config, memory

from tests.conftest import without_search_documents
from tests.test_calculator import open_calculator, read_result, shown_memory

MEMORY_PAGES = ["memory-footprint", "quantization", "quantization-formats", "lora", "qlora", "kv-cache",
                "optimizer-state"]
HREF = re.compile(r'href="([^"]*calculator/\?[^"]*)"')
# The memory rows of the page (data-memory) and where the tool's memory() holds the same figure.
ROWS = {
    "weights": ("weights", "bytes"),
    "kv": ("kv_cache", "bytes"),
    "kv-decompressed": ("kv_cache", "decompressed_bytes"),
    "train-weights": ("training", "weights"),
    "train-gradients": ("training", "gradients"),
    "train-optimizer": ("training", "optimizer_states"),
    "train-activations": ("training", "activations"),
    "train-total": ("training", "total"),
}


def calculator_links(built_site) -> dict[str, str]:
    """Each distinct calculator address the memory pages link to, resolved as the browser resolves it, with the
    first page that links it."""
    links: dict[str, str] = {}
    for slug in MEMORY_PAGES:
        text = (built_site / "terms" / slug / "index.html").read_text(encoding="utf-8")
        hrefs = [html.unescape(h) for h in HREF.findall(text)]
        assert hrefs, f"docs/terms/{slug}.md: no link to the calculator preloaded with an example"
        for href in hrefs:
            links.setdefault(urlsplit(urljoin(f"/terms/{slug}/", href)).query, slug)
    return links


def expected_rows(query: str) -> tuple[dict, object]:
    """The tool's figures for a link: the page's memory rows and the tokens that fit on the card."""
    options = dict(parse_qsl(query))
    config = load_config(options.pop("preset"))
    m = memory(config, options)
    rows = {row: m[part][key] for row, (part, key) in ROWS.items() if m[part] is not None}
    rows = {row: value for row, value in rows.items() if value is not None}
    rows["free"] = max(m["fit"]["free_after_weights"], 0)
    return rows, m["fit"]["tokens"]


def test_every_memory_page_calculator_link_opens_without_error_and_shows_the_tools_figures(browser, built_site,
                                                                                         site_url):
    links = calculator_links(built_site)
    assert len(links) >= 20, f"fewer calculator links than the memory pages have: {links}"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    without_search_documents(context, built_site)
    page = context.new_page()
    js_errors: list[str] = []
    page.on("pageerror", lambda exc: js_errors.append(str(exc)))
    try:
        for query, slug in links.items():
            label = f"docs/terms/{slug}.md links calculator/?{query}"
            open_calculator(page, f"{site_url}calculator/?{query}")
            assert page.is_hidden("#calc-url-error"), f"{label}: {page.inner_text('#calc-url-error')}"
            field_errors = [t for t in page.locator(".calc-error").all_inner_texts() if t.strip()]
            assert not field_errors, f"{label}: field errors {field_errors}"
            assert read_result(page)["total"] is not None, f"{label}: no count shown"
            rows, tokens = expected_rows(query)
            shown = shown_memory(page)
            assert {row: shown.get(row) for row in rows} == rows, f"{label}: the page and the tool's memory() differ"
            assert page.get_attribute("#calc-status", "data-fit-tokens") == ("" if tokens is None else str(tokens)), label
    finally:
        context.close()
    assert not js_errors, f"JavaScript errors on the calculator page: {js_errors}"


def test_the_check_sees_a_broken_link(browser, site_url):
    """An address the calculator refuses shows the error this test looks for."""
    context = browser.new_context()
    page = context.new_page()
    try:
        open_calculator(page, f"{site_url}calculator/?preset=llama-3-8b&weights=q4_k_s")
        assert page.is_visible("#calc-url-error")
    finally:
        context.close()
    with pytest.raises(Exception, match="q4_k_s"):
        expected_rows("preset=llama-3-8b&weights=q4_k_s")
