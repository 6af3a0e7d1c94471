"""Numbers in prose are backed: a figure with four or more significant digits that a page states in its text
(outside code and output blocks) must be printed by one of the snippets the page includes, or carry a
citation in the same paragraph. Units too: a number the page labels GB must be GB in the snippet's output, not
GiB (convention: GB = 10^9 bytes, GiB = 2^30 bytes; the same for MB/MiB, KB/KiB, TB/TiB).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks.includes import included_paths
from tests.support import FENCE, ROOT

NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]*\d)|(?<![\w.,])\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.]*\d)")
UNIT = r"(?:[KMGTP]i?B)\b"
NUMBER_WITH_UNIT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?(" + UNIT + ")")
CITATION = re.compile(r"\]\(https?://|<https?://|\[\^[^\]]+\]|\bet al\.")
PAGES = sorted((ROOT / "docs").rglob("*.md"))


def significant_digits(number: str) -> int:
    digits = number.replace(",", "").split("e")[0].split("E")[0]
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0"))
    return len(digits.lstrip("0").rstrip("0"))


def is_year(number: str) -> bool:
    return re.fullmatch(r"(19|20)\d\d", number) is not None


def prose_blocks(markdown: str) -> list[str]:
    """The page's paragraphs, list items and table rows, without front matter, code, math-free of URLs."""
    markdown = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    markdown = FENCE.sub("", markdown)
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.DOTALL)
    markdown = re.sub(r"`[^`\n]+`", "", markdown)  # inline code is code, not prose
    markdown = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", "", markdown, flags=re.MULTILINE)  # link definitions
    blocks = []
    for block in re.split(r"\n\s*\n", markdown):
        # Keep the citation evidence, but take URLs and anchors out of the text that numbers are read from.
        blocks.extend(re.split(r"\n(?=\s*(?:[-*+]|\d+\.|\|)\s)", block))
    return [b for b in blocks if b.strip()]


def strip_urls(text: str) -> str:
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<https?://[^>]+>", "", text)
    return re.sub(r'(?:href|src|id)="[^"]*"', "", text)


def normalise(number: str) -> str:
    return number.replace(",", "")


def outputs_of(markdown: str, root: Path = ROOT) -> str:
    texts = []
    for path in included_paths(markdown):
        if path.endswith(".out") and (root / path).is_file():
            texts.append((root / path).read_text(encoding="utf-8"))
    return "\n".join(texts)


def in_outputs(number: str, outputs: str) -> bool:
    n = re.escape(normalise(number))
    return re.search(rf"(?<![\d.]){n}(?![\d])", outputs.replace(",", "")) is not None


def unbacked_numbers(markdown: str, outputs: str) -> list[str]:
    problems = []
    for block in prose_blocks(markdown):
        cited = CITATION.search(block) is not None
        text = strip_urls(block)
        for m in NUMBER.finditer(text):
            number = m.group(0)
            if significant_digits(number) < 4 or is_year(number) or cited or in_outputs(number, outputs):
                continue
            problems.append(f"{number!r} in: {block.strip()[:100]!r}")
        for m in NUMBER_WITH_UNIT.finditer(text):
            number, unit = m.groups()
            n = re.escape(normalise(number))
            printed = re.findall(rf"(?<![\d.]){n}\s?({UNIT})", outputs.replace(",", ""))
            if printed and unit not in printed:
                problems.append(f"'{number} {unit}' but the snippet prints it as {sorted(set(printed))}")
    return problems


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_numbers_in_prose_are_printed_or_cited(page):
    markdown = page.read_text(encoding="utf-8")
    problems = unbacked_numbers(markdown, outputs_of(markdown))
    assert not problems, (
        f"{page.relative_to(ROOT)}: numbers with 4+ significant digits that no included snippet prints "
        "and no citation backs (or a unit that disagrees with the output):\n" + "\n".join(problems)
    )


def test_the_check_finds_unbacked_numbers_and_wrong_units():
    page = (
        "The model has 124,439,808 parameters.\n\n"
        "It needs 13.48 GB of memory.\n\n"
        "The paper reports 1.4 trillion tokens and 70,000,000,000 parameters, tiny 0.5 and 42.\n\n"
        "Chinchilla used 1,400 tokens per step ([Hoffmann et al.](https://arxiv.org/abs/2203.15556)).\n\n"
        "Typed by hand: 3.14159, and in code `12345` it is fine. Published in 2022.\n"
    )
    outputs = "total: 124439808\nweights: 13.48 GiB\n"
    problems = unbacked_numbers(page, outputs)
    assert problems == [
        "'13.48 GB' but the snippet prints it as ['GiB']",
        "'3.14159' in: 'Typed by hand: 3.14159, and in code  it is fine. Published in 2022.'",
    ], problems
