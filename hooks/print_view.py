"""The print view, /print/: every term page in one page, A to Z, for printing and for the PDF (tools/pdf.py).

It is made after the build from the built term pages (their <article>, as readers see it), in the shell of the
A-Z page, which sits at the same depth. Each term's ids get the term's slug as a prefix, so that the pages'
shared ids (#definition, tab and footnote ids) stay unique, and links between terms become links within the
page. Not in the navigation: the home page links to the PDF. Not in the offline copy either (its pages are
files, not folders). Material's print styles and site.css's @media print rules lay it out; the view is not a
page of the site's own (tools/urls.py: GENERATED_VIEWS).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sitelib.glossary import Term, sort_key, terms

PRINT_DIR = "print"
SHELL = "glossary/index.html"  # a page at the same depth as print/, so its asset URLs work unchanged
ARTICLE_START, ARTICLE_END = '<article class="md-content__inner md-typeset">', "</article>"
# The attributes that hold an id (id, for, name), ids (aria-*) or a URL (href, src), in one pattern: one pass over
# an article, not one per kind (the matches cannot overlap: a value holds no quote). Attributes follow
# whitespace: matching that whitespace, not a word boundary, is several times faster.
ID_ATTRS, IDREF_ATTRS = {"id", "for", "name"}, {"aria-labelledby", "aria-describedby", "aria-controls"}
ATTRS = re.compile(r'(\s)(id|for|name|aria-(?:labelledby|describedby|controls)|href|src)="([^"]*)"')


def _article_span(html: str, where: str) -> tuple[int, int]:
    """Where a built page's article content starts and ends (str.find: a lazy regex over a whole page, for each
    term, was most of this hook's time)."""
    start = html.find(ARTICLE_START)
    end = html.find(ARTICLE_END, start)
    if start < 0 or end < 0:
        raise ValueError(f"{where}: no {ARTICLE_START} to print")
    return start + len(ARTICLE_START), end


def printable(article: str, term: Term, slugs: set[str]) -> str:
    """One term's article, with its ids prefixed and its links pointing within the print view."""
    prefix = f"{term.slug}--"  # slugs never contain "--", so a prefixed id cannot clash with a term's id
    page = f"/{term.url}"

    def attribute(m: re.Match) -> str:
        space, attr, value = m.groups()
        if attr in ID_ATTRS:
            return f'{space}{attr}="{prefix}{value}"' if value else m.group(0)
        if attr in IDREF_ATTRS:
            return f'{space}{attr}="' + " ".join(prefix + i for i in value.split()) + '"' if value else m.group(0)
        if value.startswith("#"):
            return f'{space}{attr}="#{prefix}{value[1:]}"' if len(value) > 1 else m.group(0)
        if not value or urlsplit(value).scheme or value.startswith("//"):
            return m.group(0)
        target = urlsplit(urljoin(page, value))
        parts = target.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "terms" and parts[1] in slugs:
            anchor = f"{parts[1]}--{target.fragment}" if target.fragment else parts[1]
            return f'{space}{attr}="#{anchor}"'
        return f'{space}{attr}="..{target.path}' + (f"#{target.fragment}" if target.fragment else "") + '"'

    article = ATTRS.sub(attribute, article)
    article = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", article)  # printed open
    return f'<section class="print-term" id="{term.slug}">{article}</section>'


def print_view(site: Path, config) -> str:
    all_terms = sorted(terms(config).values(), key=lambda t: sort_key(t.title))
    slugs = {t.slug for t in all_terms}
    shell = (site / SHELL).read_text(encoding="utf-8")
    # The shell's table of contents lists the A-Z page's sections: the print view has its own contents.
    toc_start, content_start = shell.find('<div class="md-sidebar md-sidebar--secondary"'), shell.find('<div class="md-content"')
    if 0 <= toc_start < content_start:
        shell = shell[:toc_start] + shell[content_start:]
    cover = [
        f'<section class="print-cover"><h1 id="print">{escape(config["site_name"])}</h1>',
        f"<p>{escape(config['site_description'])} Every term, A to Z, as published at"
        f' <a href="{escape(config["site_url"] or "/")}">{escape(config["site_url"] or "/")}</a>.</p>',
        '<nav aria-label="Terms"><ol class="print-contents">',
        *[f'<li><a href="#{t.slug}">{escape(t.title)}</a></li>' for t in all_terms],
        "</ol></nav></section>",
    ]
    body = "\n".join(cover)
    for t in all_terms:
        source = site / t.url / "index.html"
        html = source.read_text(encoding="utf-8")
        start, end = _article_span(html, str(source))
        body += "\n" + printable(html[start:end], t, slugs)
    # The A-Z page's own sections, which the shell's navigation links to, are not here: those links go to the top.
    ids = set(re.findall(r'\sid="([^"]+)"', body))
    shell = re.sub(r'href="#([^"]+)"', lambda m: m.group(0) if m.group(1) in ids else 'href="#print"', shell)
    start, end = _article_span(shell, SHELL)
    page = shell[:start] + body + shell[end:]
    page = re.sub(r"<title>.*?</title>", f"<title>Every term - {escape(config['site_name'])}</title>", page, count=1)
    canonical = urljoin(config["site_url"] or "/", f"{PRINT_DIR}/")
    return re.sub(r'(<link rel="canonical" href=")[^"]*', lambda m: m.group(1) + canonical, page, count=1)


def on_post_build(config, **kwargs):
    if not config["use_directory_urls"]:
        return  # the offline copy (pages as files, not folders) has no print view: the PDF is its print version
    site = Path(config["site_dir"])
    (site / PRINT_DIR).mkdir(exist_ok=True)
    (site / PRINT_DIR / "index.html").write_text(print_view(site, config), encoding="utf-8")
