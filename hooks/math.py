"""Render math to MathML at build time, so pages need no math engine and fetch nothing.

pymdownx.arithmatex (generic mode) wraps TeX in ``<span class="arithmatex">\\(...\\)</span>`` (inline) or
``<div class="arithmatex">\\[...\\]</div>`` (display); this hook replaces each with MathML, which browsers
render natively. TeX that latex2mathml cannot read stops the build with the page and the formula.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL,
)


def to_mathml(tex: str, display: str) -> str:
    mathml = convert(html.unescape(tex).strip(), display=display)
    if display == "block":
        # A wide formula scrolls sideways on a phone; keyboard users must be able to reach it (axe:
        # scrollable-region-focusable), so display math is focusable.
        mathml = mathml.replace("<math ", '<math tabindex="0" ', 1)
    return mathml


def on_page_content(html_text: str, page, **kwargs) -> str:
    def replace(m: re.Match) -> str:
        inline = m.group("inline") is not None
        tex = m.group("inline") if inline else m.group("block")
        try:
            return to_mathml(tex, "inline" if inline else "block")
        except Exception as exc:  # latex2mathml raises several exception types
            raise PluginError(f"{page.file.src_uri}: cannot render math {tex!r}: {exc}") from exc

    return _MATH.sub(replace, html_text)
