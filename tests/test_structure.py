"""Pages keep their structure: every term page follows the skeleton, and every snippet section a file marks is
shown by a page (so the file a reader downloads is the file the page shows, markers and all, only where needed).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import ROOT
from tools import snippets as snippet_tools

TERM_PAGES = sorted((ROOT / "docs" / "terms").glob("*.md"))
DOC_PAGES = sorted((ROOT / "docs").rglob("*.md"))
# The README's "Add a term": these sections, in this order, on every term page. The title and See also are
# generated; sub-concepts are headings one level below the section they belong to.
SKELETON = ["Definition", "Intuition", "Example", "In practice", "Pitfalls", "References"]
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def headings(markdown: str) -> list[tuple[int, int, str]]:
    """(line index, level, text) of each Markdown heading outside code fences and front matter."""
    lines = markdown.split("\n")
    start = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    found, fenced = [], False
    for i in range(start, len(lines)):
        if FENCE.match(lines[i]):
            fenced = not fenced
        elif not fenced and (m := HEADING.match(lines[i])):
            found.append((i, len(m.group(1)), m.group(2)))
    return found


def skeleton_problems(markdown: str) -> list[str]:
    """What is wrong with a term page's structure, each problem naming the heading."""
    lines = markdown.split("\n")
    found = headings(markdown)
    problems = []
    sections = [text for _, level, text in found if level == 2]
    if sections != SKELETON:
        extra = [s for s in sections if s not in SKELETON]
        problems.append(f"sections are {sections}, expected {SKELETON} in that order"
                        + (f"; make {extra} sub-concepts (### under the section they belong to)" if extra else ""))
    for (i, level, text), nxt in zip(found, found[1:] + [(len(lines), 2, "")], strict=True):
        if level == 1:
            problems.append(f"'# {text}': the page title comes from the front matter; remove this heading")
        body = "\n".join(lines[i + 1 : nxt[0]]).strip()
        if not body and nxt[1] <= level:
            problems.append(f"'{'#' * level} {text}' is empty")
        if nxt[1] > level + 1:
            problems.append(f"'{'#' * nxt[1]} {nxt[2]}' is more than one level below '{'#' * level} {text}'")
    return problems


@pytest.mark.parametrize("page", TERM_PAGES, ids=lambda p: p.stem)
def test_term_page_follows_the_skeleton(page):
    problems = skeleton_problems(page.read_text(encoding="utf-8"))
    assert not problems, f"{page.relative_to(ROOT)}:\n" + "\n".join(problems)


GOOD_PAGE = """---
title: T
---

## Definition

Text.

## Intuition

Text.

## Example

Text.

### A sub-concept { #sub }

Text.

## In practice

```python
## not a heading
```

## Pitfalls

- Text.

## References

- Text.
"""


FIGURE = re.compile(r"!\[([^\]]*)\]\(\.\./assets/figures/([^/)]+)/([^)\s]+)\)")


@pytest.mark.parametrize("page", TERM_PAGES, ids=lambda p: p.stem)
def test_every_term_page_shows_a_figure_its_own_snippets_draw(page):
    """A figure under docs/assets/figures/<slug>/ is drawn by a snippet in snippets/<slug>/ (test_snippets checks
    that every committed figure is what its snippet draws now); each term page shows one of its own, with alt
    text."""
    shown = [(alt, folder, name) for alt, folder, name in FIGURE.findall(page.read_text(encoding="utf-8"))
             if folder == page.stem and (snippet_tools.FIGURES / folder / name).is_file()]
    assert shown, f"{page.relative_to(ROOT)} shows no figure from docs/assets/figures/{page.stem}/"
    assert all(len(alt.split()) >= 5 for alt, _, _ in shown), f"{page.relative_to(ROOT)}: a figure without alt text"


def test_a_good_page_passes():
    assert skeleton_problems(GOOD_PAGE) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("## Intuition", "## A sub-concept at the wrong level\n\nText.\n\n## Intuition"),
         "make ['A sub-concept at the wrong level'] sub-concepts"),
        (("## Pitfalls\n\n- Text.\n\n", ""), "expected ['Definition', 'Intuition', 'Example', 'In practice'"),
        (("## Intuition\n\nText.", "## Intuition"), "'## Intuition' is empty"),
        (("### A sub-concept { #sub }\n\nText.", "### A sub-concept { #sub }"), "'### A sub-concept' is empty"),
        (("### A sub-concept", "#### A sub-concept"), "'#### A sub-concept' is more than one level below"),
        (("## Definition", "# T\n\n## Definition"), "'# T': the page title comes from the front matter"),
    ],
    ids=["sub-concept-as-section", "missing-section", "empty-section", "empty-sub-concept", "skipped-level",
         "title-heading"],
)
def test_a_broken_skeleton_is_reported(change, message):
    old, new = change
    assert old in GOOD_PAGE
    problems = skeleton_problems(GOOD_PAGE.replace(old, new, 1))
    assert any(message in p for p in problems), problems


# ---------------------------------------------------------------- snippet sections

MARKER = re.compile(r"^\s*# --8<-- \[(start|end):([\w-]+)\]\s*$", re.MULTILINE)
SECTION_INCLUDE = re.compile(r"""--8<--\s+["'](snippets/[^"':]+):([\w-]+)["']""")


def marked_sections() -> dict[str, set[str]]:
    """snippet path -> the section names its start markers open."""
    return {
        path.relative_to(ROOT).as_posix(): {name for kind, name in MARKER.findall(text) if kind == "start"}
        for path in snippet_tools.all_snippets()
        if (text := path.read_text(encoding="utf-8"))
    }


def included_sections() -> dict[tuple[str, str], list[str]]:
    """(snippet path, section) -> the pages that include that section."""
    found: dict[tuple[str, str], list[str]] = {}
    for page in DOC_PAGES:
        for path, name in SECTION_INCLUDE.findall(page.read_text(encoding="utf-8")):
            found.setdefault((path, name), []).append(page.relative_to(ROOT).as_posix())
    return found


def test_every_marked_section_is_shown_by_a_page():
    included = included_sections()
    unused = [f"{path}:{name}" for path, names in marked_sections().items() for name in sorted(names)
              if (path, name) not in included]
    assert not unused, f"no page includes these sections; remove their markers: {unused}"


def test_every_included_section_is_marked_in_its_snippet():
    marked = marked_sections()
    missing = [f"{path}:{name} (on {pages})" for (path, name), pages in included_sections().items()
               if name not in marked.get(path, set())]
    assert not missing, f"pages include sections that their snippet does not mark: {missing}"


def test_markers_come_in_pairs():
    unpaired = []
    for path in snippet_tools.all_snippets():
        found = MARKER.findall(path.read_text(encoding="utf-8"))
        starts = [n for kind, n in found if kind == "start"]
        ends = [n for kind, n in found if kind == "end"]
        if sorted(starts) != sorted(ends) or len(set(starts)) != len(starts):
            unpaired.append(f"{path.relative_to(ROOT)}: start {starts}, end {ends}")
    assert not unpaired, "\n".join(unpaired)


# ---------------------------------------------------------------- a page's tests are found by its slug

PAGE_TESTS = ROOT / "tests" / "pages"


def page_of_test_module(module: Path) -> Path | None:
    """The page whose tests a module of tests/pages/ holds, from its name: test_<slug>.py, the slug's hyphens
    written as underscores, is docs/terms/<slug>.md or, for another page, docs/<slug>.md; None if neither exists."""
    slug = module.stem.removeprefix("test_").replace("_", "-")
    for page in (ROOT / "docs" / "terms" / f"{slug}.md", ROOT / "docs" / f"{slug}.md"):
        if page.is_file():
            return page
    return None


def test_every_page_test_module_is_named_after_its_page():
    modules = sorted(PAGE_TESTS.glob("test_*.py"))
    assert len(modules) > 30
    stray = [m.name for m in modules if page_of_test_module(m) is None]
    assert not stray, f"tests/pages/ modules that name no page (docs/terms/<slug>.md or docs/<slug>.md): {stray}"
    others = [p.name for p in PAGE_TESTS.iterdir() if p.suffix == ".py" and p.name != "__init__.py"
              and not p.name.startswith("test_")]
    assert not others, f"tests/pages/ holds only test_<slug>.py (shared code goes in tests/support/): {others}"


def test_the_tests_of_one_page_are_in_tests_pages():
    """A module at the top of tests/ is about the whole site; one named after a page belongs in tests/pages/."""
    misplaced = [m.name for m in sorted((ROOT / "tests").glob("test_*.py")) if page_of_test_module(m)]
    assert not misplaced, f"move these to tests/pages/ (they are named after a page): {misplaced}"


def test_a_module_named_after_no_page_is_found(tmp_path):
    """The check can fail: a module for a page that does not exist (or was renamed) names no page."""
    assert page_of_test_module(tmp_path / "test_no_such_term.py") is None
    assert page_of_test_module(tmp_path / "test_kv_cache.py") == ROOT / "docs" / "terms" / "kv-cache.md"
    assert page_of_test_module(tmp_path / "test_calculator.py") == ROOT / "docs" / "calculator.md"
