"""The reader's experience in a real browser (headless Chromium): search, copy, hover definitions, colour
scheme, small screens, the 404 page, accessibility (axe) and no request to another host, on every page."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from tests.support import ROOT, page_assets, page_budget_kb, page_weight_kb, read_page
from tests.support.browser import (
    AXE_RUN_JS,
    CHROME,
    CHROME_PAGES,
    CODE_STYLES_JS,
    CODE_TOKENS,
    FLATTEN_CODE_TOKENS_JS,
    GOOD_LAYOUT_SHIFT,
    LAYOUT_SHIFT_RECORDER,
    NEW_READER_JS,
    NEXT_FRAME_JS,
    NO_MOTION_CSS,
    PAGES,
    PARSE_COLOUR_MEMO_JS,
    READ_LAYOUT_SHIFT_JS,
    SCHEMES,
    SEARCH_READY_JS,
    axe_script,
    axe_violations,
    without_search_documents,
)
from tools import urls


def test_the_page_list_matches_the_built_site(built_site):
    built = {u.lstrip("/") for u in urls.published(built_site)} | {"404.html"}
    assert built == set(PAGES)


def visit(page, url):
    """Load a page, recording every request it makes (including those made after load)."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="networkidle")
    return requests


def foreign(requests, site_url):
    host = urlsplit(site_url).netloc
    return [r for r in requests if urlsplit(r).scheme in ("http", "https", "ws", "wss") and urlsplit(r).netloc != host
            or urlsplit(r).scheme not in ("http", "https", "data", "blob", "about")]


def check_page(page_reports, site, site_url, path, scheme) -> list[str]:
    """One page as a reader sees it: the expected colour scheme, no request to another host, no sideways
    scroll, no content jumping as it loads, no axe violation. Returns the page's requests."""
    report = page_reports[path, scheme]
    if "error" in report:
        pytest.fail(f"{path} ({scheme}) could not be checked:\n{report['error']}")
    viewport, color_scheme, md_scheme = SCHEMES[scheme]
    assert report["md_scheme"] == md_scheme
    assert report["overflow"] <= 0, f"{path} scrolls sideways by {report['overflow']} px at {viewport['width']} px"
    requests = report["requests"]
    declared = {f for f in page_assets(site, html_file(site, path)) if f.suffix in (".css", ".js")}
    unrequested = declared - set(loaded_files(site, site_url, requests))
    assert not unrequested, f"{path}: not fetched, so served from a cache another page filled: {sorted(unrequested)}"
    assert not foreign(requests, site_url), f"{path} requested other hosts: {foreign(requests, site_url)}"
    shift = report["shift"]
    assert shift < GOOD_LAYOUT_SHIFT, f"{path}: content jumps while the page loads (layout shift {shift:.3f})"
    assert not report["violations"], f"{path} ({color_scheme}): " + "\n".join(report["violations"])
    return requests


def loaded_files(site, site_url, requests) -> list:
    """The built site's files behind a page's requests; the search index and its worker load in the
    background and are left out of the budget."""
    files = []
    for url in requests:
        if not url.startswith(site_url):
            continue  # data: and blob: URLs carry no extra bytes over the wire
        rel = urlsplit(url).path.lstrip("/")
        if rel.startswith(("search/", "assets/javascripts/workers/")):
            continue
        files.append(site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel))
    return files


def html_file(site, path):
    return site / (path if path.endswith(".html") else path + "index.html")


def assert_within_weight_budget(site, site_url, path, requests):
    budget = page_budget_kb(path)
    weight = page_weight_kb(site, html_file(site, path), loaded_files(site, site_url, requests))
    assert weight <= budget, f"{path or 'home'}: {weight:.0f} KB gzip > budget {budget} KB"


@pytest.fixture(scope="module")
def page_reports(built_site, page_loads) -> dict:
    """Every page that this session's tests judge, in each scheme they judge it (see tests/support/browser.py)."""
    return page_loads.result()


@pytest.mark.browser
@pytest.mark.judges_pages("light-small-screen")
@pytest.mark.parametrize("path", PAGES)
def test_page_light_small_screen(page_reports, built_site, site_url, path):
    requests = check_page(page_reports, built_site, site_url, path, "light-small-screen")
    assert_within_weight_budget(built_site, site_url, path, requests)


@pytest.mark.browser
@pytest.mark.judges_pages("dark-desktop")
@pytest.mark.parametrize("path", PAGES)
def test_page_dark_desktop(page_reports, built_site, site_url, path):
    check_page(page_reports, built_site, site_url, path, "dark-desktop")


# ---------------------------------------------------------------- code colours, once for the whole site

PALETTE_PAGE = "terms/parameter/"
# One line per chain of token classes, nested as on the pages, in a code block of its own at the top of a page.
DRAW_PALETTE_JS = """chains => {
  const block = document.createElement("div"), pre = document.createElement("pre");
  const code = document.createElement("code");
  block.className = "highlight";
  block.id = "code-palette";
  for (const chain of chains) {
    let parent = code;
    for (const name of chain ? chain.split(" > ") : [])
      parent = parent.appendChild(Object.assign(document.createElement("span"), {className: name}));
    parent.append(chain || "plain code", "\\n");
  }
  pre.append(code);
  block.append(pre);
  document.querySelector("article").prepend(block);
}"""


def code_palette(page_reports, scheme) -> tuple[str, dict[str, str]]:
    """Every chain of token classes in the site's code, with the one way all pages draw it in this scheme; fails
    unless all code blocks share one background, no block has an inline style and no page draws a chain its own
    way (what lets the page checks leave code tokens out of their contrast check)."""
    drawn, backgrounds, problems = {}, {}, []
    for path in PAGES:
        report = page_reports[path, scheme]
        if "error" in report:
            problems.append(f"{path} could not be loaded")
            continue
        code = report["code"]
        problems += [f"{path}: inline style in a code block: {html}" for html in code["inline"]]
        for background in code["backgrounds"]:
            backgrounds.setdefault(background, path)
        for chain, styles in code["styles"].items():
            for style in styles:
                drawn.setdefault(chain, {}).setdefault(style, path)
    if len(backgrounds) != 1:
        problems.append(f"code blocks are not all on one background (first page with each): {backgrounds}")
    problems += [f"{chain!r} is drawn in more than one way (first page with each): {styles}"
                 for chain, styles in drawn.items() if len(styles) > 1]
    assert not problems, f"{scheme}:\n" + "\n".join(problems)
    return next(iter(backgrounds)), {chain: next(iter(styles)) for chain, styles in drawn.items()}


def draw_palette(browser, site, site_url, scheme, chains, css="") -> tuple[dict, dict]:
    """Draw the chains in a code block of a real page in this scheme; returns how they are drawn and axe's
    color-contrast result for them."""
    viewport, color_scheme, md_scheme = SCHEMES[scheme]
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    without_search_documents(context, site)
    try:
        page = context.new_page()
        page.goto(site_url + PALETTE_PAGE, wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == md_scheme
        page.add_style_tag(content=NO_MOTION_CSS + css)
        page.evaluate(DRAW_PALETTE_JS, chains)
        page.evaluate(NEXT_FRAME_JS)
        drawn = page.evaluate(CODE_STYLES_JS, "#code-palette")
        page.evaluate(axe_script())
        result = page.evaluate(AXE_RUN_JS, ["#code-palette", {"runOnly": ["color-contrast"]}])
        return drawn, result
    finally:
        context.close()


def contrast_failures(result, chains) -> list[str]:
    """Each chain's text must pass: a violation, or a node axe could not judge, fails; so does a chain axe
    did not look at."""
    failures = [f"{kind}: {node['html']} {node['failureSummary'] or ''}"
                for kind in ("violations", "incomplete") for rule in result[kind] for node in rule["nodes"]]
    passed = sum(len(rule["nodes"]) for rule in result["passes"])
    if passed + len(failures) != len(chains):
        failures.append(f"axe judged {passed + len(failures)} elements, not the {len(chains)} chains")
    return failures


@pytest.mark.judges_pages
@pytest.mark.parametrize("scheme", SCHEMES)
def test_code_colours_meet_contrast(page_reports, browser, built_site, site_url, scheme):
    """Each token colour the site's code uses, once, on the code background, in both schemes."""
    background, palette = code_palette(page_reports, scheme)
    drawn, result = draw_palette(browser, built_site, site_url, scheme, sorted(palette))
    assert drawn["backgrounds"] == [background] and not drawn["inline"]
    unlike = {chain: (style, drawn["styles"].get(chain)) for chain, style in palette.items()
              if drawn["styles"].get(chain) != [style]}
    assert not unlike, f"the palette is not drawn as the pages draw these (pages, palette): {unlike}"
    failures = contrast_failures(result, palette)
    assert not failures, f"{scheme}: code colours below WCAG AA contrast:\n" + "\n".join(failures)


class ChromeKinds(HTMLParser):
    """Every kind of element inside a page's chrome (CHROME): its tag, classes and attribute names. Not the values:
    texts, links and labels differ from page to page, and axe judges an element by its kind and its styles."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.roots = {selector.removeprefix(".") for selector in CHROME}
        self.depth, self.regions, self.kinds = 0, 0, set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = frozenset((a.get("class") or "").split())
        if self.depth == 0 and classes & self.roots:
            self.depth, self.regions = 1 if tag not in self.VOID else 0, self.regions + 1
        elif self.depth and tag not in self.VOID:
            self.depth += 1
        if self.depth or classes & self.roots:
            self.kinds.add((tag, classes, frozenset(a)))

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1


def test_the_pages_that_judge_the_chrome_hold_every_kind_of_element_it_has(built_site):
    """The page checks run axe on the chrome only on CHROME_PAGES: between them, these must show every kind of
    element that the chrome of any page has, so that nothing in it goes unjudged."""
    def kinds(path):
        page = ChromeKinds(html_file(built_site, path).read_text(encoding="utf-8"))
        assert page.regions >= 3, f"{path}: the chrome ({CHROME}) was not found"
        return page.kinds

    judged = set().union(*(kinds(path) for path in CHROME_PAGES))
    for path in PAGES:
        unjudged = kinds(path) - judged
        assert not unjudged, f"{path}: its chrome has elements no page in CHROME_PAGES has: {sorted(map(str, unjudged))[:5]}"
    # and the premise is a real one: an element of a kind only one page has is seen
    assert ChromeKinds('<footer class="md-footer"><a class="md-footer__link--new" href="x">new</a></footer>').kinds - judged


def test_the_code_palette_needs_one_background_and_one_look_per_token():
    """The premise that lets the page checks skip code tokens: a page with its own code background, an inline
    style or its own colour for a token fails it."""
    def reports(**odd):
        code = {"styles": {"k": ["blue on grey"]}, "backgrounds": ["grey"], "inline": []}
        return {(path, "dark-desktop"): {"code": code | (odd if path == "tags/" else {})} for path in PAGES}

    assert code_palette(reports(), "dark-desktop") == ("grey", {"k": "blue on grey"})
    for odd in ({"backgrounds": ["white"]}, {"inline": ['<span style="color: red">']},
                {"styles": {"k": ["red on grey"]}}):
        with pytest.raises(AssertionError, match="tags/"):
            code_palette(reports(**odd), "dark-desktop")


def test_the_code_colour_check_fails_on_a_pale_token(browser, built_site, site_url):
    chains = ["", "k", "hll > k", "n"]
    drawn, result = draw_palette(browser, built_site, site_url, "light-small-screen", chains,
                             css=".highlight .k { color: #e0e0e0 !important }")
    assert drawn["styles"]["k"] == ["rgb(224, 224, 224) on rgb(245, 245, 245), normal text, opacity 1"]
    assert drawn["styles"]["hll > k"][0].endswith(" over rgb(245, 245, 245), normal text, opacity 1")
    failures = contrast_failures(result, chains)
    assert len(failures) == 2 and all('class="k"' in f for f in failures), failures


def test_the_page_checks_leave_only_code_tokens_out_of_contrast(page, site_url):
    """A pale paragraph fails the page checks' axe run; a pale token there does not (the test above judges it).
    Axe looks only at the paragraph and the token's code block (the page checks judge the rest of the page)."""
    page.goto(site_url + PALETTE_PAGE, wait_until="load")
    page.add_style_tag(content="#pale-text, #pale-token { color: #e0e0e0 !important }")
    page.evaluate("""() => {
      document.querySelector("article").prepend(Object.assign(document.createElement("p"),
                                                              {id: "pale-text", textContent: "pale words"}));
      const token = document.querySelector("article .highlight code span");
      token.id = "pale-token";
      token.closest(".highlight").id = "pale-token-block";
    }""")
    assert CODE_TOKENS == ".highlight code span"
    changed = "#pale-text, #pale-token-block"
    everything = "\n".join(axe_violations(page, within=changed))
    assert "#pale-text" in everything and "#pale-token" in everything, everything
    page_check = "\n".join(axe_violations(page, code_tokens=False, within=changed))
    assert "#pale-text" in page_check and "#pale-token" not in page_check, page_check


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_reports_the_same_with_the_colour_memo(browser, built_site, site_url, scheme):
    """PARSE_COLOUR_MEMO_JS only saves time: on the home page (the chrome's colours and the content's), with a
    paragraph in nearly the page's background colour added so that a violation is judged too, axe's colour rules
    report the same nodes, the same way (colours and ratios included), without it and then with it."""
    viewport, color_scheme, _ = SCHEMES[scheme]
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    without_search_documents(context, built_site)
    try:
        page = context.new_page()
        page.goto(site_url, wait_until="load")
        page.add_style_tag(content=NO_MOTION_CSS + "#pale-text { color: var(--md-default-fg-color--lightest) }")
        page.evaluate("""() => document.querySelector("article").prepend(
          Object.assign(document.createElement("p"), {id: "pale-text", textContent: "pale words"}))""")
        page.evaluate(NEXT_FRAME_JS)
        page.evaluate(axe_script(memo=False))
        reports = []
        for memo in (False, True):
            if memo:
                page.evaluate(PARSE_COLOUR_MEMO_JS)
            reports.append(page.evaluate(AXE_RUN_JS, [None, {"runOnly": ["color-contrast", "link-in-text-block"]}]))
        plain, memoized = ({kind: [(rule["id"], [(n["target"], n["any"], n["all"], n["none"]) for n in rule["nodes"]])
                                   for rule in report[kind]] for kind in ("passes", "violations", "incomplete")}
                           for report in reports)
        judged = sum(len(nodes) for _, nodes in plain["passes"])
        assert judged > 100 and "#pale-text" in str(plain["violations"]), (judged, plain["violations"])
        assert memoized == plain
    finally:
        context.close()


def test_the_page_checks_flatten_only_bare_code_tokens(browser):
    """Before axe, the page checks drop the token spans of a code block only where each is a bare
    <span class>, which no rule but colour contrast looks at; a span with another attribute keeps its block as it
    is, so axe still sees it (here: a span with a role that does not exist, which axe reports)."""
    page = browser.new_page()  # not the `page` fixture: no site needed
    try:
        page.set_content('<main><div class="highlight"><pre><code><span class="k">def</span> <span class="nf">f</span>'
                         '</code></pre></div><div class="highlight"><pre><code><span class="k">x</span>'
                         '<span class="n" role="tokenn">y</span></code></pre></div></main>')
        assert page.evaluate(FLATTEN_CODE_TOKENS_JS) == 2
        blocks = page.eval_on_selector_all(".highlight code", "els => els.map(e => e.innerHTML)")
        assert blocks == ["def f", '<span class="k">x</span><span class="n" role="tokenn">y</span>']
        assert any(v.startswith("aria-roles") for v in axe_violations(page, code_tokens=False))
    finally:
        page.close()


def test_the_weight_budget_counts_what_scripts_load(page, built_site, site_url):
    """The calculator's script and stylesheet are added by an inline script, so no static scan of the HTML
    sees them; the budget counts them because it is measured on the requests."""
    names = {f.name for f in loaded_files(built_site, site_url, visit(page, site_url + "calculator/"))}
    assert {"calculator.js", "calculator.css"} <= names, names


def test_the_layout_shift_recorder_sees_content_jump_and_a_still_page(browser):
    """The page checks read layout shift without waiting; a block pushed in above the text must still count."""
    context = browser.new_context()
    try:
        context.add_init_script(LAYOUT_SHIFT_RECORDER)
        # The block comes in once the text has been painted (a shift before the first paint is none): on a busy
        # machine a fixed delay could fire before it, and the test would fail with a working recorder.
        context.route("http://layout-shift.test/*", lambda route: route.fulfill(content_type="text/html", body=(
            "<p>" + "words " * 2000 + "</p><script>if (location.pathname === '/jump') new PerformanceObserver("
            "(list, observer) => { observer.disconnect(); requestAnimationFrame(() => requestAnimationFrame(() => "
            "document.body.prepend(Object.assign(document.createElement('div'), {style: 'height: 300px'})))); })"
            ".observe({type: 'paint', buffered: true})</script>")))
        page = context.new_page()
        page.goto("http://layout-shift.test/still")
        page.evaluate(NEXT_FRAME_JS)
        assert page.evaluate(READ_LAYOUT_SHIFT_JS) == 0
        page.goto("http://layout-shift.test/jump")
        page.wait_for_function("document.body.firstElementChild.tagName === 'DIV'")
        page.evaluate(NEXT_FRAME_JS)
        assert page.evaluate(READ_LAYOUT_SHIFT_JS) > GOOD_LAYOUT_SHIFT
    finally:
        context.close()


PALETTE_STORED_JS = "() => Object.keys(localStorage).some(key => key.endsWith('__palette'))"


def test_a_reused_tab_starts_each_page_as_a_new_reader(browser, built_site, site_url):
    """The page checks load page after page in one tab per scheme: what a page stored (here Material's remembered
    dark scheme) must not reach the next, whose scheme must still follow the reader's light setting."""
    def scheme_after_a_page_stored(stored: dict, init_script: str) -> str:
        context = browser.new_context(color_scheme="light")
        without_search_documents(context, built_site)
        try:
            if init_script:
                context.add_init_script(init_script)
            page = context.new_page()
            page.goto(site_url + PALETTE_PAGE, wait_until="load")
            page.wait_for_function(PALETTE_STORED_JS)  # Material has stored its own choice: ours replaces it
            page.evaluate("stored => { for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v); }", stored)
            page.goto(site_url + "glossary/", wait_until="load")
            return page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        finally:
            context.close()

    dark = browser.new_context(color_scheme="dark")
    without_search_documents(dark, built_site)
    try:
        page = dark.new_page()
        page.goto(site_url + PALETTE_PAGE, wait_until="load")
        page.wait_for_function(PALETTE_STORED_JS)
        stored = page.evaluate("Object.fromEntries(Object.entries(localStorage))")
    finally:
        dark.close()
    assert scheme_after_a_page_stored(stored, "") == "slate"  # without it, the stored scheme wins
    assert scheme_after_a_page_stored(stored, NEW_READER_JS) == "default"


def test_every_figure_has_alt_text(built_site):
    missing = []
    for html_file in built_site.rglob("*.html"):
        for tag, a in read_page(html_file).tags:
            if tag == "img" and len(a.get("alt", "").split()) < 3:
                missing.append(f"{html_file.relative_to(built_site)}: <img src={a.get('src', '')[:80]!r} alt={a.get('alt')!r}>")
    assert not missing, "images without alt text that says what they show:\n" + "\n".join(missing)


# ---------------------------------------------------------------- features


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """The home page with its search worker ready, shared by the search tests: the worker builds the index (1 MB)
    once, not once per query."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.wait_for_function(SEARCH_READY_JS)  # the search worker has its index
    page.keyboard.press("/")  # Material's shortcut to focus the search box
    yield page
    context.close()


def search(page, query) -> list[str]:
    """The links of the results for a query typed into the search box (after clearing the last query's)."""
    # The whole query at once, then a key released: Material searches on each keyup, so typing the query would show
    # the results for its first letters for a moment, and the test could read those.
    page.fill(".md-search__input", "")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", state="detached", timeout=10_000)
    page.fill(".md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("query, slug", [("hyperparameter", "hyperparameter"), ("trainable parameter", "parameter"),
                                         ("training setting", "hyperparameter"),
                                         ("nucleus sampling", "generation-parameters"), ("GQA", "attention"),
                                         ("GGUF", "quantization-formats"), ("safetensors", "checkpoint"),
                                         ("prompt tuning", "peft")])
def test_search_finds_terms_by_title_and_alias(search_page, query, slug):
    hrefs = search(search_page, query)
    assert any(urlsplit(h).path.rstrip("/").endswith(f"terms/{slug}") for h in hrefs), hrefs


def test_search_shows_the_results_of_the_query_typed_last(search_page):
    """The shared search page clears one query's results before the next: a query's results are its own."""
    assert not any("terms/hyperparameter" in h for h in search(search_page, "GGUF"))
    assert any("terms/hyperparameter" in h for h in search(search_page, "hyperparameter"))


def test_copy_button_copies_exactly_the_snippet_file(browser, built_site, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    without_search_documents(context, built_site)
    page = context.new_page()
    try:
        page.goto(site_url + "terms/parameter/", wait_until="load")
        path = "snippets/parameter/buffers_torch.py"
        block = page.locator(f'.highlight:has(.filename:text-is("{path}"))')
        block.hover()
        block.locator("button.md-code__button[data-md-type='copy'], button.md-clipboard").first.click()
        copied = page.evaluate("navigator.clipboard.readText()")
        # Material copies the block's text without the file's final newline; nothing else may differ.
        assert copied + "\n" == (ROOT / path).read_text(encoding="utf-8")
    finally:
        context.close()


def tooltip_text(page) -> str:
    page.wait_for_selector(".md-tooltip2--active", timeout=5_000)
    return page.inner_text(".md-tooltip2--active")


def test_hover_shows_the_definition(page, site_url):
    from sitelib.glossary import load_terms

    summary = load_terms(ROOT / "docs")["hyperparameter"].summary
    page.goto(site_url + "terms/parameter/", wait_until="load")
    page.locator('article a[data-term="hyperparameter"]').first.hover()
    assert tooltip_text(page).strip() == summary


def test_keyboard_focus_shows_the_definition(page, site_url):
    page.goto(site_url + "terms/parameter/", wait_until="load")
    link = page.locator('article a[data-term="hyperparameter"]').first
    link.focus()
    tip = tooltip_text(page)
    assert "learning rate" in tip
    assert link.get_attribute("aria-describedby"), "the definition is not tied to the link for screen readers"


def test_colour_scheme_toggle_works_and_persists(page, site_url):
    page.goto(site_url + "terms/parameter/", wait_until="load")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    before = scheme()
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = scheme()
    assert {before, after} == {"default", "slate"}
    page.goto(site_url + "glossary/", wait_until="load")
    assert scheme() == after, "the chosen scheme did not persist to the next page"


def test_404_page_helps_the_reader_back(page, site_url):
    response = page.goto(site_url + "terms/no-such-term/", wait_until="load")
    assert response.status == 404
    assert page.inner_text("h1") == "Page not found"
    links = page.eval_on_selector_all("article a", "els => els.map(e => e.href)")
    assert {"/", "/glossary/", "/tags/"} <= {urlsplit(h).path for h in links}
    page.get_by_role("link", name="Browse every term, A to Z").click()
    assert page.url.endswith("/glossary/")
