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


# latex2mathml writes \min and \max as operators (<mo>), which browsers space like a relation, and puts no
# space after \ln or \log ("lnp"). TeX sets them as upright names with a thin space before an argument.
_FUNCTION_OPERATOR = re.compile(r"<mo>(min|max|arg\s?min|arg\s?max)</mo>")
_FUNCTION_BEFORE_ARGUMENT = re.compile(r"(<mi>(?:ln|log|exp|min|max|sin|cos|tanh|det)</mi>)(?=<mi>|<mn>|<mrow><mi>)")
# \hat's accent is an ASCII caret, drawn as a raised text glyph; U+02C6 is the circumflex accent itself.
_HAT = '<mo>&#x0005E;</mo></mover>'


def tidy_functions(mathml: str) -> str:
    mathml = _FUNCTION_OPERATOR.sub(r"<mi>\1</mi>", mathml)
    mathml = _FUNCTION_BEFORE_ARGUMENT.sub(r'\1<mspace width="0.1667em"></mspace>', mathml)
    return mathml.replace(_HAT, '<mo>&#x002C6;</mo></mover>')


def to_mathml(tex: str, display: str) -> str:
    mathml = tidy_functions(convert(html.unescape(tex).strip(), display=display))
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
