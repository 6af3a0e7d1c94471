"""The glossary for LLM tools, at the site's root (the llms.txt proposal, https://llmstxt.org/):

- llms.txt: an index of the terms, one line each (title, URL, summary), from the front matter;
- llms-full.txt: every term page as plain Markdown, its `--8<--` includes (snippets and their outputs)
  resolved by the same pymdownx.snippets settings that build the site, links made absolute, and the line that
  offers a snippet's data files (hooks/snippet_files.py) with their published URLs.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

import markdown as python_markdown
from mkdocs.utils.meta import get_data
from sitelib.glossary import Term, terms
from sitelib.pins import pinned_versions, with_pinned_versions
from sitelib.snippet_data import DATA_DIR, data_by_snippet, with_data_links

LLMS_TXT, LLMS_FULL_TXT = "llms.txt", "llms-full.txt"
# Material's blocks: content tabs (=== "numpy"), admonitions (!!! note "..."), collapsed details (??? example "...").
BLOCK = re.compile(r'^(?P<indent> *)(?:===|!!!|\?\?\?\+?)(?: +[\w-]+)*(?: +"(?P<title>[^"]*)")?\s*$')
MD_LINK = re.compile(r"(\]\()(?P<target>[^)\s#?]+\.(?:md|svg|png|py|pyz))(?P<rest>[?#][^)\s]*)?\)(?:\{ *download *\})?")
HEADING_ATTRS = re.compile(r"^(#{1,6} .*?)\s*\{[^}]*\}\s*$", re.MULTILINE)


def snippet_preprocessor(config):
    """pymdownx.snippets with this site's settings (mkdocs.yml), its paths taken from the project's root."""
    root = Path(config["config_file_path"]).parent
    settings = dict(config["mdx_configs"].get("pymdownx.snippets", {}))
    settings["base_path"] = [str(root / p) for p in settings.get("base_path", ["."])]
    md = python_markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings})
    return md.preprocessors["snippet"]


def plain_blocks(text: str) -> str:
    """Material's tabs, admonitions and details become a bold title followed by their content, dedented."""
    out, inside = [], []  # inside: the indents of the blocks the line may belong to
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(" "))
        while inside and line.strip() and depth <= inside[-1]:
            inside.pop()
        m = BLOCK.match(line)
        shift = 4 * len(inside)
        if m:
            out.append(m.group("indent")[shift:] + (f"**{m.group('title')}**" if m.group("title") else ""))
            inside.append(depth)
        else:
            out.append(line[shift:] if line[:shift].strip() == "" else line)
    return "\n".join(out)


def absolute_links(text: str, page_url: str, base: str) -> str:
    """Links between pages (term.md, ../calculator.md#x), to figures and to downloads (snippets, the counter's
    count-params.pyz) become the published URLs."""

    def url(m: re.Match) -> str:
        path = PurePosixPath(m.group("target"))
        if path.suffix == ".md":
            path = path.parent if path.stem == "index" else path.with_suffix("")
            target = path.as_posix() + "/"
        else:
            target = path.as_posix()
        return m.group(1) + urljoin(urljoin(base, page_url + "../"), target) + (m.group("rest") or "") + ")"

    return MD_LINK.sub(url, text)


def term_markdown(term: Term, config, preprocessor, versions: dict[str, str], data: dict[str, list[str]]) -> str:
    """One term page as plain Markdown: title, URL, front-matter facts, then the page with includes inlined."""
    root = Path(config["config_file_path"]).parent
    body, _ = get_data((root / term.src).read_text(encoding="utf-8"))
    base = config["site_url"] or "/"
    body = with_data_links(body, term.src, data, lambda name: urljoin(base, f"{DATA_DIR}/{name}"), download="")
    body = "\n".join(preprocessor.run(body.split("\n")))
    body = with_pinned_versions(body, term.src, versions)
    body = absolute_links(plain_blocks(body), term.url, base)
    body = HEADING_ATTRS.sub(r"\1", body)
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    head = [f"# {term.title}", "", f"URL: {urljoin(config['site_url'] or '/', term.url)}"]
    if term.aliases:
        head.append("Also called: " + ", ".join(term.aliases))
    if term.tags:
        head.append("Tags: " + ", ".join(term.tags))
    return "\n".join(head) + "\n\n" + body.strip() + "\n"


def llms_txt(config, all_terms: list[Term]) -> str:
    base = config["site_url"] or "/"
    lines = [
        f"# {config['site_name']}",
        "",
        f"> {config['site_description']}",
        "",
        "One page per term; each page's code is a whole program whose printed output is checked by the test suite."
        f" Every term page in one file, snippets and outputs inlined: {urljoin(base, LLMS_FULL_TXT)}",
        "",
        "## Terms",
        "",
    ]
    lines += [f"- [{t.title}]({urljoin(base, t.url)}): {t.summary}" for t in all_terms]
    lines += [
        "",
        "## Optional",
        "",
        f"- [terms.json]({urljoin(base, 'terms.json')}): every term's slug, title, summary, aliases, tags and URL",
        f"- [objects.inv]({urljoin(base, 'objects.inv')}): the terms as a Sphinx inventory (intersphinx)",
    ]
    return "\n".join(lines) + "\n"


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    all_terms = sorted(terms(config).values(), key=lambda t: t.slug)
    (site / LLMS_TXT).write_text(llms_txt(config, all_terms), encoding="utf-8")
    preprocessor, versions = snippet_preprocessor(config), pinned_versions(config)
    data = {snippet: list(files) for snippet, files in data_by_snippet(Path(config["config_file_path"]).parent).items()}
    pages = [term_markdown(t, config, preprocessor, versions, data) for t in all_terms]
    (site / LLMS_FULL_TXT).write_text("\n\n".join(pages), encoding="utf-8")
