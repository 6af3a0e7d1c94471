"""Let the search plugin read less HTML, for the same index.

Material's search plugin reads each page's HTML with Python's html.parser, tag by tag. Syntax-highlighted
code is mostly pygments' ``<span class="...">`` tags (over half of the site's HTML), and inside ``<pre>`` the
plugin keeps only their text; of math rendered to MathML (a tag per symbol) it keeps only the text too. So,
just before the plugin indexes a page, this hook hands it the page with those spans and MathML tags removed
(the same text, so the same index, in a fifth of the parsing time) and puts the full page back right after.
"""

from __future__ import annotations

import re
from html import unescape

from mkdocs.plugins import CombinedEvent, event_priority

_PRE = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.DOTALL)
_SPAN = re.compile(r"</?span\b[^>]*>")
_MATH = re.compile(r"(<math\b[^>]*>)(.*?)(</math>)", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_FULL_CONTENT = "_full_content"  # where the page's own HTML waits while search reads the short one


def text_for_search(html: str) -> str:
    html = _PRE.sub(lambda m: m.group(1) + _SPAN.sub("", m.group(2)) + m.group(3), html)
    return _MATH.sub(lambda m: m.group(1) + _math_text(m.group(2)) + m.group(3), html)


def _math_text(mathml: str) -> str:
    """A formula's text without its tags. The plugin turns a text that is only whitespace (a no-break space
    between symbols) into one collapsible space, so such a text keeps a tag of its own."""
    return "".join(f"<mi>{text}</mi>" if unescape(text).isspace() else text for text in _TAG.split(mathml))


@event_priority(100)  # before the search plugin (priority 0)
def _shorten(context, page, **kwargs):
    # The plugin also strips data-search-* attributes from the page; leave such a page whole, so nothing is lost.
    if page.content and "data-search-" not in page.content:
        setattr(page, _FULL_CONTENT, page.content)
        page.content = text_for_search(page.content)
    return context


@event_priority(-100)  # after it
def _restore(context, page, **kwargs):
    full = page.__dict__.pop(_FULL_CONTENT, None)
    if full is not None:
        page.content = full
    return context


on_page_context = CombinedEvent(_shorten, _restore)
