"""llms.txt and llms-full.txt (hooks/llms_txt.py): every term is indexed, and every term page is there as plain
Markdown with its snippets and their golden outputs inlined."""

from __future__ import annotations

import re
import textwrap
from urllib.parse import urljoin

import pytest
from sitelib.glossary import load_terms

from hooks.includes import INCLUDE
from tests.support import ROOT

SITE_URL = "https://llm-parameter-glossary.github.io/"
TERMS = load_terms(ROOT / "docs")


def included_text(path: str, section: str | None) -> str:
    """What an include should put on the page: the whole file without its section markers, or one section,
    dedented (mkdocs.yml: dedent_subsections)."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    if section:
        start, end = lines.index(f"# --8<-- [start:{section}]"), lines.index(f"# --8<-- [end:{section}]")
        return textwrap.dedent("\n".join(lines[start + 1:end]))
    return "\n".join(ln for ln in lines if "--8<-- [" not in ln)


def appears(text: str, page: str) -> bool:
    """The text is on the page as consecutive lines, at one indentation (a list item's code block is indented)."""
    lines = text.strip("\n").split("\n")
    return any("\n".join((indent + ln).rstrip() for ln in lines) in page for indent in ("", "  ", "    ", "      "))


def pages_of(full_text: str) -> dict[str, str]:
    """llms-full.txt split into its term pages, by each page's URL line."""
    parts = re.split(r"^(?=# .+\n\nURL: )", full_text, flags=re.MULTILINE)
    pages = {}
    for part in filter(None, parts):
        url = re.search(r"^URL: (\S+)$", part, re.MULTILINE).group(1)
        pages[url] = part
    return pages


@pytest.fixture(scope="module")
def llms_full(built_site) -> str:
    return (built_site / "llms-full.txt").read_text(encoding="utf-8")


def test_llms_txt_lists_every_term_with_its_summary(built_site):
    text = (built_site / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# LLM Parameter Glossary\n\n> "), "llms.txt starts with an H1 and a blockquote"
    listed = re.findall(r"^- \[(.+?)\]\((\S+?)\): (.+)$", text, re.MULTILINE)
    expected = {(t.title, urljoin(SITE_URL, t.url), t.summary) for t in TERMS.values()}
    assert expected <= set(listed), expected - set(listed)
    assert urljoin(SITE_URL, "llms-full.txt") in text


def test_llms_full_has_every_term_page_once(llms_full):
    pages = pages_of(llms_full)
    assert sorted(pages) == sorted(urljoin(SITE_URL, t.url) for t in TERMS.values())
    for t in TERMS.values():
        assert pages[urljoin(SITE_URL, t.url)].startswith(f"# {t.title}\n"), t.slug


def test_llms_full_inlines_every_include_and_output(llms_full):
    pages = pages_of(llms_full)
    missing = []
    for t in TERMS.values():
        page = pages[urljoin(SITE_URL, t.url)]
        source = (ROOT / t.src).read_text(encoding="utf-8")
        includes = list(INCLUDE.finditer(source))
        for m in includes:
            expected = included_text(m.group("path"), m.group("section"))
            if not appears(expected, page):
                missing.append(f"{t.src}: {m.group(0).strip()}")
        outputs = [m.group("path") for m in includes if m.group("path").endswith(".out")]
        for out in outputs:  # the golden, as a whole block of text, exactly
            assert "```text" in page and appears((ROOT / out).read_text(encoding="utf-8"), page), out
    assert not missing, "includes not inlined:\n" + "\n".join(missing)
    assert not re.search(r"^\s*--8<--", llms_full, re.MULTILINE), "a raw --8<-- include is left"
    assert "{{" not in llms_full and "](../" not in llms_full and ".md)" not in llms_full


def test_plain_blocks_turn_tabs_and_details_into_titled_text():
    from hooks.llms_txt import plain_blocks

    text = '=== "numpy"\n\n    ```python\n    x = 1\n    ```\n\n??? example "Whole program"\n\n    y\n\nafter'
    assert plain_blocks(text) == "**numpy**\n\n```python\nx = 1\n```\n\n**Whole program**\n\ny\n\nafter"
