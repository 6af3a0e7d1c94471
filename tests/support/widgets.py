"""What the tests of the interactive figures share (docs/assets/widgets.js and lw-<name>.js; ARCHITECTURE.md).

Numbers: a widget's file exports its arithmetic under Node (module.exports), and node_call() runs one of its
functions on many inputs at once, for the page's test to compare with the page's snippet. Wiring: open_widget()
loads a page in Chromium and waits for its widget; keyboard_to() moves a slider with the keys a reader would press;
the page checks (tests/test_browser.py) judge each page as it loads, and the page tests judge the states reached by
the keyboard.
"""

from __future__ import annotations

import json
import shutil
import subprocess

from tests.support import ROOT
from tests.support.browser import NO_MOTION_CSS, SCHEMES, axe_violations, without_search_documents

ASSETS = ROOT / "docs" / "assets"

# Calls exports[name](...args) for each args in a list read from stdin; prints the results as JSON.
NODE_CALL = """
const exports = require(process.argv[1]);
const calls = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(calls.map(([name, args]) => exports[name](...args))));
"""


def node_call(widget: str, calls: list[tuple[str, list]]) -> list:
    """[exports[name](*args) for name, args in calls], computed by docs/assets/lw-<widget>.js in Node."""
    assert shutil.which("node"), "this test needs Node.js 20 or later (`apt-get install nodejs`)"
    proc = subprocess.run(["node", "-e", NODE_CALL, str(ASSETS / f"lw-{widget}.js")], input=json.dumps(calls),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def mount(page, name: str) -> None:
    """Scroll to the widget, as a reader does (its scripts load only when it comes near the screen), and wait
    until it has mounted."""
    page.locator(f'[data-lw="{name}"]').scroll_into_view_if_needed()
    page.wait_for_selector(f'[data-lw="{name}"][data-lw-mounted] [aria-live]', state="attached")


def open_widget(page, url: str, name: str) -> None:
    """Load a page and wait until its widget has mounted (it has content), failing on any script error."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="domcontentloaded")
    mount(page, name)
    assert not errors, f"script errors on {url}: {errors}"


def keyboard_to(page, selector: str, target: int) -> None:
    """Move a range input to `target` with the keyboard alone: focus it by Tab from the element before it, then
    the arrow keys from where it is, or Home and ArrowRight where that takes fewer presses, as a reader would (each
    press re-renders the widget: a walk through several settings pressed Home and every step from the lowest)."""
    page.focus(selector)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("s => document.activeElement.matches(s)", selector), f"Tab did not reach {selector}"
    low = int(page.get_attribute(selector, "min"))
    now = int(page.eval_on_selector(selector, "e => e.value"))
    if target - low < abs(target - now):
        page.keyboard.press("Home")
        now = low
    for _ in range(abs(target - now)):
        page.keyboard.press("ArrowRight" if target > now else "ArrowLeft")
    assert int(page.eval_on_selector(selector, "e => e.value")) == target


def summary(page, name: str) -> str:
    return page.text_content(f'[data-lw="{name}"] [aria-live="polite"]')


def focus_ring(page, selector: str) -> str:
    """The outline a focused control shows, as drawn (after a key press, so :focus-visible applies)."""
    return page.eval_on_selector(selector,
                                 "e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth; }")


# The scheme in which check_accessibility() walks a widget's states first (`walk`): desktop size, as a reader
# reading the program's rows would; the numbers do not depend on the scheme.
WALK_SCHEME = "dark-desktop"


def check_accessibility(browser, site, url: str, name: str, act, walk=None) -> None:
    """In both colour schemes, at each scheme's size (375 px light, desktop dark): the widget mounted, `act(page)`
    done with the keyboard, axe finds nothing, nothing scrolls sideways, and every control has a label. `walk(page)`,
    if given, runs first on the page in WALK_SCHEME: a page test's walk through the widget's states, which then
    needs no page load of its own. No test here searches: the search worker gets an empty index."""
    for scheme, (viewport, color_scheme, md_scheme) in SCHEMES.items():
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
        context.set_default_timeout(15_000)
        without_search_documents(context, site)
        try:
            page = context.new_page()
            open_widget(page, url, name)
            assert page.get_attribute("body", "data-md-color-scheme") == md_scheme
            if walk and scheme == WALK_SCHEME:
                walk(page)
            page.add_style_tag(content=NO_MOTION_CSS)
            act(page)
            unlabelled = page.eval_on_selector_all(f'[data-lw="{name}"] input',
                                                   "es => es.filter(e => !e.labels.length).map(e => e.id)")
            assert not unlabelled, f"{scheme}: inputs without a label: {unlabelled}"
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{scheme}: the page scrolls sideways by {overflow} px"
            wide = page.eval_on_selector_all(f'[data-lw="{name}"], [data-lw="{name}"] table',
                                             "es => es.map(e => e.scrollWidth - e.clientWidth)")
            assert max(wide) <= 0, f"{scheme}: the widget or its table scrolls sideways: {wide} px"
            violations = axe_violations(page, within=f'[data-lw="{name}"]')
            assert not violations, f"{scheme}: " + "\n".join(violations)
        finally:
            context.close()
