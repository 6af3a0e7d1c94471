"""The interactive figures as a page reaches them (docs/assets/widgets.js; each page's numbers are its own test's):
mounted once after Material's instant navigation, working from the offline copy's files, and with JavaScript off
the page keeps its static figure and printed numbers."""

from __future__ import annotations

from tests.support.browser import instant_page, without_search_documents
from tests.support.widgets import mount, open_widget

# page -> the widget it holds
WIDGET_PAGES = {"terms/generation-parameters/": "sampling", "terms/kv-cache/": "kv", "terms/lora/": "lora"}


def go_instantly(page, site_url, path):
    """Click a link to `path` placed in the article (Material's instant navigation takes any internal link in its
    sitemap), and wait until the page shows it: Material changes the address before it replaces the content."""
    page.evaluate("""url => {
      const a = Object.assign(document.createElement("a"), {href: url, id: "go-instantly", textContent: "go"});
      document.querySelector("article").setAttribute("data-left-behind", "");
      document.querySelector("article").prepend(a);
    }""", site_url + path)
    page.click("#go-instantly")
    page.wait_for_function(f"location.pathname.endsWith('/{path}') && !document.querySelector('article[data-left-behind]')")


def test_instant_navigation_mounts_each_widget_once(browser, built_site, site_url):
    """From the home page to each widget page and between them, with no page load: each widget mounts, once."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    without_search_documents(context, built_site)  # no test here searches
    page = instant_page(context, site_url)
    try:
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        for path, name in [*WIDGET_PAGES.items(), ("terms/generation-parameters/", "sampling")]:
            go_instantly(page, site_url, path)
            mount(page, name)
            assert page.locator(f'[data-lw="{name}"] input[type=range]').count() >= 1
            assert page.locator(f'[data-lw="{name}"] [aria-live]').count() == 1, f"{path}: mounted twice"
            assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
            assert page.evaluate("performance.getEntriesByType('navigation')[0].name") == site_url, "a page load happened"
    finally:
        context.close()


def test_each_widget_works_from_the_offline_site_with_no_request(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        for path, name in WIDGET_PAGES.items():
            open_widget(page, (offline_site / (path.rstrip("/") + ".html")).as_uri(), name)
            assert page.locator(f'[data-lw="{name}"] [aria-live]').text_content()
        leaving = [u for u in requests if not u.startswith(("file:", "data:"))]
        assert not leaving, f"requests from the offline copy: {leaving}"
    finally:
        context.close()


def test_a_widget_loads_its_scripts_only_when_the_reader_comes_near_it(browser, built_site, site_url):
    """Opening a page costs its weight budget (tests/test_browser.py measures what loads at the top); the widget's
    two scripts come when the reader scrolls near it, as its page's loader asks."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    without_search_documents(context, built_site)
    try:
        for path, name in WIDGET_PAGES.items():
            page, scripts = context.new_page(), []
            page.on("request", lambda r, scripts=scripts: scripts.append(r.url.rsplit("/", 1)[-1]))
            page.goto(site_url + path, wait_until="networkidle")
            wanted = {"widgets.js", f"lw-{name}.js"}
            assert not wanted & set(scripts), f"{path}: widget scripts loaded before the reader came near"
            mount(page, name)
            assert wanted <= set(scripts), f"{path}: loaded {scripts}"
            page.close()
    finally:
        context.close()


def test_without_javascript_the_static_figure_and_numbers_remain(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for path, name in WIDGET_PAGES.items():
            page.goto(site_url + path)
            assert page.locator(f'[data-lw="{name}"]').inner_html() == "", "a widget shows something without JavaScript"
            figure = page.locator("article img[src*='assets/figures/']").first
            assert figure.is_visible() and figure.get_attribute("alt")
            assert page.locator("article .highlight .filename", has_text="Output").count() >= 1
    finally:
        context.close()
