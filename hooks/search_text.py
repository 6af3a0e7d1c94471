"""Let the search plugin read less HTML, for the same index.

Material's search plugin reads each page's HTML with Python's html.parser, tag by tag. Syntax-highlighted
code is mostly pygments' ``<span class="...">`` tags (over half of the site's HTML), and inside ``<pre>`` the
plugin keeps only their text. So, just before the plugin indexes a page, this hook hands it the page with those
spans removed (the same text, so the same index, in a fifth of the parsing time) and puts the full page back
right after.
"""

from __future__ import annotations

import re

from mkdocs.plugins import CombinedEvent, event_priority

_PRE = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.DOTALL)
_SPAN = re.compile(r"</?span\b[^>]*>")
_FULL_CONTENT = "_full_content"  # where the page's own HTML waits while search reads the short one


def text_for_search(html: str) -> str:
    return _PRE.sub(lambda m: m.group(1) + _SPAN.sub("", m.group(2)) + m.group(3), html)


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
