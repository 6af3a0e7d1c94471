"""A hover (and keyboard focus) definition on every link to a term: the term's summary as the link's title,
which Material shows as a tooltip. The same definitions, for other sites' links to our terms, go to
embed-terms.js, which docs/embed.js loads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sitelib.glossary import Term, escape, terms

TERM_BY_URL: dict[str, Term] = {}


def on_config(config, **kwargs):
    TERM_BY_URL.clear()
    TERM_BY_URL.update({t.url: t for t in terms(config).values()})
    return config


_LINK = re.compile(r'<a (?P<attrs>[^>]*?)href="(?P<href>[^"#]*)(?P<frag>#[^"]*)?"(?P<rest>[^>]*)>')


def on_page_content(html_text: str, page, config, files, **kwargs):
    """Give every link to a term page a hover/focus definition (Material turns title into a tooltip)."""
    if page.file.src_uri == "glossary.md":
        return html_text  # the A-Z page already shows each summary next to its link

    def add_summary(m: re.Match) -> str:
        if "title=" in m.group("attrs") + m.group("rest") or not m.group("href"):
            return m.group(0)
        target = urlsplit(urljoin("/" + page.url, m.group("href"))).path.lstrip("/")
        term = TERM_BY_URL.get(target)
        if term is None or term.src == f"docs/{page.file.src_uri}":  # not on its own page
            return m.group(0)
        return m.group(0)[:-1] + f' title="{escape(term.summary)}" data-term="{term.slug}">'

    return _LINK.sub(add_summary, html_text)


EMBED_DATA = "embed-terms.js"
EMBED_EVENT = "llm-glossary-terms"


def on_post_build(config, **kwargs):
    """The definitions for docs/embed.js: a script, not JSON, so another origin loads it without CORS; it hands
    them to embed.js as an event on its own <script> element, so that no global variable is needed."""
    data = {"base": config["site_url"] or "/", "terms": {url: [t.title, t.summary] for url, t in TERM_BY_URL.items()}}
    detail = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    script = f'document.currentScript.dispatchEvent(new CustomEvent("{EMBED_EVENT}",{{detail:{detail}}}));\n'
    (Path(config["site_dir"]) / EMBED_DATA).write_text(script, encoding="utf-8")
