"""What the browser tests share: axe and layout-shift measurements, and every page of the built site loaded in
headless Chromium as a reader would, for the page checks in tests/test_browser.py (the measurements they judge,
one report per page and colour scheme).

The loads cost about 180 CPU-seconds (170 loads in the headless shell), so they start in a background process at the
beginning of the session (the `page_loads` fixture in conftest.py), taking only the CPU that other tests leave idle,
and the tests that judge them run last (conftest.py orders them): the rest of the suite runs while the pages load.
The glossary's PDF (tools/pdf.py) prints in the same way (`printed_glossary`), for tests/test_pdf.py.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import re
import traceback
from pathlib import Path

from tests.support import ROOT
from tools.chromium import CHROMIUM, CHROMIUM_ARGS

# Axe reads colours as drawn at that instant, so a header title caught mid-fade fails the contrast rule. WCAG
# judges the resting state: stop every transition and animation before axe looks.
NO_MOTION_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
NEXT_FRAME_JS = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _violations(response: dict) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]} {v['nodes'][0]['failureSummary']}"
            for v in response["violations"]]


# Highlighted code's token <span>s are most of a page's elements, and axe's color-contrast rule is its slowest: the
# page checks leave them out of that one rule (every other rule still looks at them), because their colours are
# the same on every page and test_browser.py checks each token colour once, in both schemes, on the code background.
CODE_TOKENS = ".highlight code span"
SKIP_CONTRAST_JS = "tokens => axe.configure({rules: [{id: 'color-contrast', selector: `*:not(${tokens})`}]})"
AXE_RUN_JS = "([context, options]) => axe.run(context || document, options)"
# Resets axe's configuration (SKIP_CONTRAST_JS) where the document has axe already; true where it has none.
AXE_RESET_JS = "() => typeof axe === 'undefined' || (axe.reset(), false)"


# axe parses each colour it reads from a computed style into a colorjs.io object, again for every element: a third
# of its color-contrast rule, the slowest rule, on the glossary page (Chromium's profiler). A page holds a few dozen
# distinct colour strings, so axe's script is followed by this memo of Color.prototype.parseString, a pure function
# of the string: a string seen before sets the same four channels that parsing set. A string that fails to parse is
# not remembered, and fails as before. test_browser.py checks that axe reports the same with and without it. Axe's
# runs in the page checks took 26-28% less time with it: 53.3 -> 39.2 s over the 85 pages in dark-desktop, 49.7 -> 35.9 s
# in light-small-screen (each page judged with and without it in the same document, alternating which went first).
PARSE_COLOUR_MEMO_JS = """(() => {
  const Color = axe.commons.color.Color, parse = Color.prototype.parseString, parsed = new Map();
  Color.prototype.parseString = function (text) {
    const channels = parsed.get(text);
    if (channels === undefined) {
      parse.call(this, text);
      parsed.set(text, [this.r, this.g, this.b, this.alpha]);
    } else {
      [this.r, this.g, this.b, this.alpha] = channels;
    }
    return this;
  };
})();"""


def axe_script(memo: bool = True) -> str:
    """axe's script, followed by PARSE_COLOUR_MEMO_JS unless memo=False."""
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT + ";\n" + PARSE_COLOUR_MEMO_JS if memo else AXE_SCRIPT


def axe_violations(page, code_tokens: bool = True, within: str | dict | None = None) -> list[str]:
    """Axe's default rules plus WCAG 2.2's target-size (Lighthouse checks it; axe leaves it off by default);
    code_tokens=False leaves CODE_TOKENS out of the color-contrast rule. within: a selector for the part of the
    page that a test changed; the page checks (tests/test_browser.py) run axe on every page as it loads, so a
    test of a state that a reader reaches on one component judges only that component, not the page again."""
    page.add_style_tag(content=NO_MOTION_CSS)
    page.evaluate(NEXT_FRAME_JS)
    # axe's script (half a megabyte) once per document: a test that judges several states of one page resets it
    if page.evaluate(AXE_RESET_JS):
        page.evaluate(axe_script())
    if not code_tokens:
        page.evaluate(SKIP_CONTRAST_JS, CODE_TOKENS)
    if within is not None and page.locator(within).count() == 0:
        raise AssertionError(f"axe: nothing on the page matches {within!r}")
    return _violations(page.evaluate(AXE_RUN_JS, [within, AXE_OPTIONS]))


async def axe_violations_async(page, code_tokens: bool = True, within: dict | None = None) -> list[str]:
    """axe_violations() for Playwright's async API (pages checked in parallel); within: an axe context."""
    await page.add_style_tag(content=NO_MOTION_CSS)
    await page.evaluate(NEXT_FRAME_JS)
    await page.evaluate(axe_script())
    if not code_tokens:
        await page.evaluate(SKIP_CONTRAST_JS, CODE_TOKENS)
    return _violations(await page.evaluate(AXE_RUN_JS, [within, AXE_OPTIONS]))


# The site's chrome: header, tabs, navigation sidebar and footer, made by the theme from the same navigation on every
# page, where only texts, links and which item is the current one differ. The page checks judge it with axe on
# CHROME_PAGES, which between them hold every kind of element the chrome has on any page (test_browser.py checks
# this premise), and leave it out elsewhere: it was a quarter to a third of each page's axe time, repeated on every
# page (measured with axe.run's own time on five term pages, at both sizes).
CHROME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer")
CHROME_PAGES = ("", "terms/weight/", "calculator/")
WITHOUT_CHROME = {"exclude": [[selector] for selector in CHROME]}


# Cumulative Layout Shift as Chromium measures it (Core Web Vitals call under 0.1 "good"): how far visible content
# jumped while the page loaded and built itself (measured by LAYOUT_SHIFT_RECORDER, below).
GOOD_LAYOUT_SHIFT = 0.1


def without_search_documents(context, site: Path) -> None:
    """In this browser context, serve the search index with no documents (search_index_stub, below), for tests
    that never search: each page's search worker would otherwise build the whole index (1 MB) again."""
    stub = search_index_stub(site)
    context.route("**/search/search_index.json", lambda route: route.fulfill(body=stub, content_type="application/json"))


def instant_page(context, site_url):
    """A new page where Material navigates instantly. It does so only to pages in its sitemap, whose URLs name the
    published host (and port): the page gets the sitemap as if the site were published where the test serves it."""
    page = context.new_page()
    sitemap = page.request.get(site_url + "sitemap.xml").text()
    published = min(re.findall(r"<loc>(.*?)</loc>", sitemap), key=len)  # the home page: the published site_url
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=sitemap.replace(published, site_url),
                                                             content_type="application/xml"))
    return page


# ---------------------------------------------------------------- every page, loaded in the background

# A test marked judges_pages("<scheme>") judges its `path` in that scheme; marked without a scheme, it judges every
# page in its `scheme` parameter.
JUDGES_PAGES = "judges_pages"


def site_pages() -> list[str]:
    """Every page of the site, found from the sources (the built site's pages are checked to match)."""
    pages = ["", "glossary/", "tags/", "404.html"]
    for md in sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "docs").rglob("*.ipynb")):
        rel = md.relative_to(ROOT / "docs").with_suffix("").as_posix()
        if rel != "index":
            pages.append(rel.removesuffix("/index") + "/")
    return sorted(set(pages))


PAGES = site_pages()


# Each page in each scheme as a reader sees it: (viewport, prefers-color-scheme, Material's scheme that must follow).
SCHEMES = {
    "light-small-screen": ({"width": 375, "height": 740}, "light", "default"),
    "dark-desktop": ({"width": 1280, "height": 900}, "dark", "slate"),
}
# Each scheme has one browser context with one tab, which goes from page to page; the two schemes load at the same
# time (two loads at once, at idle priority beside the rest of the suite: the whole suite took 300 s with two, 316 s
# with one, one scheme after the other, measured once each on an idle two-core machine; the loads cost about 180
# CPU-seconds, two fifths of the suite's: axe a little over half of it, before PARSE_COLOUR_MEMO_JS). A tab reused
# for the next page of the same site keeps its renderer process, which halves the CPU of a load (a new context starts
# a new renderer). What a reused tab could carry over is ruled out: the context routes a request, which turns off the
# HTTP cache (each page must fetch its own files, which check_page verifies), and each document starts with empty
# storage (NEW_READER_JS).
# Loading is what is judged, not its speed: on a machine busy with other work, a page may take long to go quiet.
LOAD_TIMEOUT_MS = 120_000

# Each load is judged once it is ready, with no fixed wait (networkidle waits 500 ms after the last request):
# the load event, Material's search worker past "Initializing search" (it has fetched the index), then no
# request in flight at an animation frame.
SEARCH_READY_JS = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return !meta || !/Initializing/.test(meta.textContent);
}"""
# Layout shifts are summed from the first moment of the document (an observer added before the page's own
# scripts run), and read without waiting: takeRecords() hands over entries not yet delivered.
# Each document in a page-check tab starts as a new reader's, with empty storage: Material remembers the scheme it
# chose, and the next page must choose it again from the reader's setting. Cleared as the document starts, before
# its own scripts run, so that nothing the previous page stored, however late, reaches it.
NEW_READER_JS = "localStorage.clear(); sessionStorage.clear();"
LAYOUT_SHIFT_RECORDER = """window.__layoutShift = {sum: 0, observer: new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__layoutShift.sum += e.value;
})};
window.__layoutShift.observer.observe({type: "layout-shift", buffered: true});"""
READ_LAYOUT_SHIFT_JS = """() => {
  for (const e of window.__layoutShift.observer.takeRecords()) if (!e.hadRecentInput) window.__layoutShift.sum += e.value;
  return window.__layoutShift.sum;
}"""


# How highlighted code is drawn in a part of a page (a CSS selector): for each chain of token classes inside a
# <code> (a token alone, or one inside a highlighted line), its colour, the background it is drawn on and its size
# as WCAG's contrast thresholds see it (large: 18 pt, or 14 pt bold; code in an admonition is smaller but still
# "normal"); the background of each code block; and any inline style, which could give a block its own colours.
CODE_STYLES_JS = """scope => {
  const root = document.querySelector(scope);
  const drawnOn = el => {  // the backgrounds behind an element, down to the first opaque one
    const layers = [];
    for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg === "rgba(0, 0, 0, 0)") continue;
      layers.push(bg);
      if (!bg.startsWith("rgba")) break;
    }
    return layers.join(" over ") || "none";
  };
  const styles = {}, backgrounds = new Set(), inline = [];
  for (const block of [...(root.matches(".highlight") ? [root] : []), ...root.querySelectorAll(".highlight")]) {
    for (const el of [block, ...block.querySelectorAll("[style]")])
      if (el.hasAttribute("style")) inline.push(el.outerHTML.slice(0, 120));
    for (const code of block.querySelectorAll("code")) {
      backgrounds.add(drawnOn(code));
      for (const el of [code, ...code.querySelectorAll("span")]) {
        const chain = [];
        for (let e = el; e !== code; e = e.parentElement) chain.unshift(e.className);
        const s = getComputedStyle(el);
        const px = parseFloat(s.fontSize), large = px >= 24 || (px >= 18.66 && s.fontWeight >= 700);
        (styles[chain.join(" > ")] ??= new Set()).add(
          `${s.color} on ${drawnOn(el)}, ${large ? "large" : "normal"} text, opacity ${s.opacity}`);
      }
    }
  }
  return {styles: Object.fromEntries(Object.entries(styles).map(([k, v]) => [k, [...v]])),
          backgrounds: [...backgrounds], inline};
}"""


def search_index_stub(site) -> str:
    """The search index's own configuration with no documents. Every page's search worker builds a lunr index
    from search_index.json (1 MB: half a second of CPU per load), yet no page check looks at search results; the
    page checks serve this stub at the same URL, so the worker still starts and fetches it (and its language
    files, from the same config), and the search tests use the real index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return json.dumps({"config": index["config"], "docs": []})


async def _load_until_ready(page, url) -> list[str]:
    """Load a page and return every request it made once it is ready (see SEARCH_READY_JS)."""
    requests, pending = [], set()
    listeners = {"request": lambda r: (requests.append(r.url), pending.add(r)),
                 "requestfinished": lambda r: pending.discard(r), "requestfailed": lambda r: pending.discard(r)}
    for event, listener in listeners.items():
        page.on(event, listener)
    try:
        await page.goto(url, wait_until="load")
        await page.wait_for_function(SEARCH_READY_JS)
        deadline = asyncio.get_running_loop().time() + LOAD_TIMEOUT_MS / 1000
        while pending:
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"{url}: requests still in flight: {[r.url for r in pending]}")
            await page.evaluate(NEXT_FRAME_JS)
    finally:
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    return requests


# Highlighted code as plain text, for axe once everything else is measured: a code block whose tokens are all bare
# <span class="...">s (no other attribute, nothing else inside) keeps its text in its <code>, without the spans.
# No axe rule but colour contrast looks at such a span (the others need a role, an aria-* or other attribute, a
# link, a form field, a heading, an image...), and the page checks leave token colours to the palette check
# (CODE_TOKENS); a page's axe run then takes a sixth less CPU (the tokens are most of a page's elements). A block
# with anything else inside is left as it is. Returns the number of spans dropped.
FLATTEN_CODE_TOKENS_JS = """() => {
  let dropped = 0;
  for (const code of document.querySelectorAll(".highlight code")) {
    const inner = [...code.querySelectorAll("*")];
    if (inner.length && inner.every(e => e.tagName === "SPAN" && e.attributes.length === 1 && e.hasAttribute("class"))) {
      dropped += inner.length;
      code.textContent = code.textContent;
    }
  }
  return dropped;
}"""


async def _load_and_measure(page, url, path) -> dict:
    """Load one page as a reader would and measure what the page checks judge (test_browser.py: check_page)."""
    requests = await _load_until_ready(page, url)
    report = {
        "md_scheme": await page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
        "overflow": await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
        "shift": await page.evaluate(READ_LAYOUT_SHIFT_JS),
        "code": await page.evaluate(CODE_STYLES_JS, "body"),
        "requests": requests,
    }
    await page.evaluate(FLATTEN_CODE_TOKENS_JS)  # last: the measurements above see the page as it loaded
    report["violations"] = await axe_violations_async(
        page, code_tokens=False, within=None if path in CHROME_PAGES else WITHOUT_CHROME)
    return report


async def _load_all(site_url, keys, search_index, stop) -> dict:
    from playwright.async_api import async_playwright

    tests = os.getppid()  # a killed test run cannot set `stop`: the loads also end when it is gone

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        search_route = lambda route: route.fulfill(body=search_index, content_type="application/json")  # noqa: E731

        async def new_tab(scheme):
            viewport, color_scheme, _ = SCHEMES[scheme]
            context = await browser.new_context(viewport=viewport, color_scheme=color_scheme)
            context.set_default_timeout(LOAD_TIMEOUT_MS)
            await context.add_init_script(NEW_READER_JS + LAYOUT_SHIFT_RECORDER)
            await context.route("**/search/search_index.json", search_route)
            return await context.new_page()

        async def one_scheme(scheme) -> dict:
            tab, reports = None, {}
            for path in [path for path, s in keys if s == scheme]:
                if stop.is_set() or os.getppid() != tests:
                    break
                for attempt in (1, 2):  # a load that raises (a timeout on a busy machine) gets a second chance
                    tab = tab or await new_tab(scheme)
                    try:
                        reports[path, scheme] = await _load_and_measure(tab, site_url + path, path)
                        break
                    except Exception:  # reported by that page's test, not by all of them
                        reports[path, scheme] = {"error": f"attempt {attempt}: {traceback.format_exc()}"}
                        await tab.context.close()  # what the failed load left behind goes with its context
                        tab = None
            if tab:
                await tab.context.close()
            return reports

        reports = {}
        schemes = dict.fromkeys(scheme for _, scheme in keys)
        for part in await asyncio.gather(*(one_scheme(scheme) for scheme in schemes)):
            reports |= part
        await browser.close()
    return reports


def pages_to_load(items) -> list[tuple[str, str]]:
    """(path, scheme) for every page that these test items judge (all of them, unless -k chose some)."""
    keys = []
    for item in items:
        mark = item.get_closest_marker(JUDGES_PAGES)
        if mark is None:
            continue
        params = item.callspec.params if hasattr(item, "callspec") else {}
        scheme = mark.args[0] if mark.args else params["scheme"]
        keys += [(path, scheme) for path in ([params["path"]] if "path" in params else PAGES)]
    return list(dict.fromkeys(keys))


def load_pages(stop, site_url, keys, search_index) -> dict:
    """{(path, scheme): report} for these pages (see pages_to_load), in a process of its own (InBackground); a page
    that could not be loaded has {"error": ...}."""
    return asyncio.run(_load_all(site_url, keys, search_index, stop))


# What the printed glossary shows, measured in print media after printing (tests/test_pdf.py judges it): every
# figure loaded and drawn, every formula, code block and output with a box, every collapsed block open, and no id
# used twice.
PRINT_INSPECT_JS = """() => {
  const drawn = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const all = sel => [...document.querySelectorAll("article " + sel)];
  const seen = new Set(), twice = new Set();
  document.querySelectorAll("[id]").forEach(e => seen.has(e.id) ? twice.add(e.id) : seen.add(e.id));
  return {
    figures: all("img").length, figures_not_drawn: all("img").filter(i => !i.naturalWidth || !drawn(i)).map(i => i.src),
    math: all("math").length, math_not_drawn: all("math").filter(m => !drawn(m)).length,
    code: all(".highlight").length,
    code_not_drawn: all(".highlight").filter(c => !drawn(c) && !c.closest("details.link")).length,  // link box: hidden
    closed: all("details:not([open])").length,
    duplicate_ids: [...twice],
  };
}"""


def print_glossary(stop, print_url, out) -> dict:
    """The print view at `print_url` printed to the PDF `out` by tools/pdf.py, in a process of its own (InBackground):
    one page 700 A4 pages long, about 18 CPU-seconds of one core. Returns what PRINT_INSPECT_JS saw."""
    from tools.pdf import print_pdf

    return print_pdf(print_url, Path(out), inspect=lambda page: page.evaluate(PRINT_INSPECT_JS))


def _run_at_idle_priority(function, stop, send, args) -> None:
    """In a process of its own: the work takes the CPU that the rest of the suite leaves idle. This process, and so
    the Playwright driver and the Chromium it starts (children inherit the scheduling policy), runs under
    SCHED_IDLE. Not a nice value: Chromium sets its own processes' nice values. Not a thread of the tests' process:
    a thread that waits for the CPU while holding the GIL would stall the tests."""
    if hasattr(os, "SCHED_IDLE"):  # Linux; elsewhere the work runs at the tests' priority
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    try:
        send.send(("done", function(stop, *args)))
    except Exception:  # Chromium would not start, say: every test that waits for the result reports it
        send.send(("failed", traceback.format_exc()))
    send.close()


STOP_WAIT_S = 10  # the page loads check `stop` between pages; printing cannot stop


class InBackground:
    """`function(stop, *args)` running in a background process from now on (_run_at_idle_priority); result() waits
    for what it returns. `stop` (an Event) is set when the session no longer needs the result."""

    def __init__(self, function, *args):
        spawn = multiprocessing.get_context("spawn")  # not fork: the tests' process has threads
        self._name = function.__name__
        self._stop = spawn.Event()
        self._receive, send = spawn.Pipe(duplex=False)
        self._process = spawn.Process(target=_run_at_idle_priority, name=self._name, daemon=True,
                                      args=(function, self._stop, send, args))
        self._process.start()
        send.close()
        self._outcome = None

    def result(self):
        if self._outcome is None:
            try:
                self._outcome = self._receive.recv()
            except EOFError:
                self._process.join()
                self._outcome = ("failed", f"the process ended without a result (exit code {self._process.exitcode})")
        status, value = self._outcome
        if status == "failed":
            raise RuntimeError(f"{self._name} failed in the background:\n{value}")
        return value

    def close(self):
        self._stop.set()  # a session that ends early (-x, Ctrl-C) does not wait for work it no longer needs
        if self._outcome is None and self._process.is_alive():
            if self._receive.poll(STOP_WAIT_S):  # what it sends must be read before the process can end
                try:
                    self._receive.recv()
                except EOFError:
                    pass
            else:  # work that cannot stop midway (a print) is ended
                self._process.terminate()
        self._process.join()
