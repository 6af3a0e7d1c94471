"""Each term page, completed from its front matter: the heading, the alias and tag line, See also (before the
References), the meta description, the versions its snippets are verified with, and the "link to this term" box."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from sitelib.glossary import Term, tag_anchor, term_of, terms
from sitelib.pins import pinned_versions

TERMS: dict[str, Term] = {}


def on_config(config, **kwargs):
    TERMS.clear()
    TERMS.update(terms(config))
    return config


def _insert_before_references(markdown: str, block: str) -> str:
    m = re.search(r"^## References\b.*$", markdown, re.MULTILINE)
    if m:
        return markdown[: m.start()] + block + "\n\n" + markdown[m.start():]
    return markdown.rstrip() + "\n\n" + block + "\n"


def on_page_markdown(markdown: str, page, config, files, **kwargs):
    term = term_of(page, TERMS)
    if term is None:
        return markdown
    page.meta["description"] = term.summary
    if re.match(r"\s*# ", markdown):
        raise PluginError(f"{term.src}: the page heading comes from the 'title' field; remove the '# ' heading")
    lines = [f"# {term.title}", ""]
    facts = []
    if term.aliases:
        facts.append("**Also called:** " + ", ".join(f"*{a}*" for a in term.aliases))
    if term.tags:
        facts.append("**Tags:** " + " ".join(f"[{tag}](../tags.md#{tag_anchor(tag)}){{ .tag }}" for tag in term.tags))
    if facts:
        lines += ['<p class="term-facts" markdown>' + " · ".join(facts) + "</p>", ""]
    markdown = "\n".join(lines) + markdown
    if term.see_also:
        see = ["## See also { #see-also }", ""]
        see += [f"- [{TERMS[s].title}]({s}.md): {TERMS[s].summary}" for s in term.see_also]
        markdown = _insert_before_references(markdown, "\n".join(see))
    url = urljoin(config["site_url"] or "/", term.url)
    versions = pinned_versions(config)
    markdown += "\n\n" + "\n".join(
        [
            f'<p class="verified" markdown>Every snippet on this page is run by the test suite with torch'
            f' {versions["torch"]} and numpy {versions["numpy"]}, and its output compared with what is shown.</p>',
            "",
            '??? link "Link to this term"',
            "",
            f"    Permanent URL: <{url}>",
            "",
            "    Markdown:",
            "",
            "    ```text",
            f"    [{term.title}]({url})",
            "    ```",
            "",
            "    Sphinx, with this site in `intersphinx_mapping` as `llmglossary`"
            " ([how](../index.md#linking-to-terms)):",
            "",
            "    ```text",
            f"    :term:`llmglossary:{term.title.lower()}`",
            "    ```",
            "",
            "    MkDocs, with this site's inventory in mkdocstrings"
            " ([how](../index.md#linking-to-terms)):",
            "",
            "    ```text",
            f"    [{term.title}][]",
            "    ```",
            "",
        ]
    )
    return markdown
