"""Drop the indentation and blank lines that the theme's templates leave in every page (about 0.6 KB gzip a
page, toward the page weight budget in tests/support/__init__.py).

Only whitespace at the start of a line goes, never inside <pre>, <textarea>, <script> or <style>; a line break
still separates what it separated, so the page renders the same.
"""

from __future__ import annotations

import re

KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def compact(html: str) -> str:
    parts = KEEP.split(html)
    # split() yields the kept block and its tag name after each stretch of free text
    out = []
    for i in range(0, len(parts), 3):
        out.append(INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def on_post_page(output: str, page, config, **kwargs) -> str:
    return compact(output)
