"""The glossary engine: each term page's front matter is the single source of truth about the term.

From ``docs/terms/<slug>.md`` front matter (title, summary, aliases, tags, see_also) this hook makes:
the A-Z page (/glossary/) and the tag index (/tags/), each term page's heading, alias line, See also section,
"link to this term" box and meta description, hover definitions on every link to a term, and the published
inventory (objects.inv with std:term and std:label entries, and terms.json). Bad front matter stops the build
with the page and the field named.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import asdict, dataclass, field
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

TERMS_DIR = "terms"
KNOWN_FIELDS = {"title", "summary", "aliases", "tags", "see_also"}
# An explicit heading anchor: "## Per-channel quantization { #per-channel }"
EXPLICIT_ANCHOR = re.compile(r"^#{2,6}\s.*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.MULTILINE)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Term:
    slug: str
    title: str
    summary: str
    aliases: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    anchors: list[tuple[str, str]] = field(default_factory=list)  # (anchor id, heading text)

    @property
    def src(self) -> str:
        return f"docs/{TERMS_DIR}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{TERMS_DIR}/{self.slug}/"


def _fail(src: str, fieldname: str, problem: str):
    raise PluginError(f"{src}: front matter field '{fieldname}': {problem}")


def _string_list(src: str, meta: dict, name: str) -> list[str]:
    value = meta.get(name, [])
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _fail(src, name, f"must be a list of non-empty strings, got {value!r}")
    return [v.strip() for v in value]


def load_terms(docs_dir: Path) -> dict[str, Term]:
    """Read and validate every term page's front matter."""
    terms: dict[str, Term] = {}
    for path in sorted((docs_dir / TERMS_DIR).glob("*.md")):
        slug = path.stem
        src = f"docs/{TERMS_DIR}/{path.name}"
        if not SLUG.match(slug):
            raise PluginError(f"{src}: the file name is the term's slug and must be lowercase-with-hyphens")
        text = path.read_text(encoding="utf-8")
        markdown, meta = get_data(text)
        if not meta:
            raise PluginError(f"{src}: a term page needs YAML front matter (title, summary, ...)")
        unknown = set(meta) - KNOWN_FIELDS
        if unknown:
            _fail(src, sorted(unknown)[0], f"unknown field; allowed: {', '.join(sorted(KNOWN_FIELDS))}")
        for name in ("title", "summary"):
            if not isinstance(meta.get(name), str) or not meta[name].strip():
                _fail(src, name, "is missing or empty")
        anchors = []
        for m in EXPLICIT_ANCHOR.finditer(markdown):
            heading = re.sub(r"\{[^}]*\}\s*$", "", m.group(0)).lstrip("#").strip()
            anchors.append((m.group(1), heading))
        terms[slug] = Term(
            slug=slug,
            title=meta["title"].strip(),
            summary=" ".join(meta["summary"].split()),
            aliases=_string_list(src, meta, "aliases"),
            tags=_string_list(src, meta, "tags"),
            see_also=_string_list(src, meta, "see_also"),
            anchors=anchors,
        )
    # Names must be unique across the glossary, case-insensitively: a slug, a title or an alias names one term.
    owner: dict[str, tuple[str, str]] = {}
    for term in terms.values():
        names = [("slug", term.slug), ("title", term.title)] + [("aliases", a) for a in term.aliases]
        for fieldname, name in names:
            key = name.casefold().replace("-", " ")
            prev = owner.get(key)
            if prev and prev[0] != term.slug:
                _fail(term.src, fieldname, f"{name!r} is already used by docs/{TERMS_DIR}/{prev[0]}.md ({prev[1]})")
            if prev is None:
                owner[key] = (term.slug, fieldname)
        for target in term.see_also:
            if target not in terms:
                _fail(term.src, "see_also", f"{target!r} is not a term (no docs/{TERMS_DIR}/{target}.md)")
            if target == term.slug:
                _fail(term.src, "see_also", "a term cannot list itself")
    return terms


# ---------------------------------------------------------------- state shared between events

TERMS: dict[str, Term] = {}
TERM_BY_URL: dict[str, Term] = {}


def pinned_versions(config) -> dict[str, str]:
    """Package -> pinned version, from requirements/test.txt: what the snippets are verified with."""
    path = Path(config["config_file_path"]).parent / "requirements" / "test.txt"
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([^\s#]+)", path.read_text(encoding="utf-8"), re.MULTILINE))
    missing = [name for name in ("torch", "numpy") if name not in pins]
    if missing:
        raise PluginError(f"requirements/test.txt: no '==' pin for {', '.join(missing)}")
    return pins


VERSIONS: dict[str, str] = {}


def on_config(config, **kwargs):
    VERSIONS.clear()
    VERSIONS.update(pinned_versions(config))
    TERMS.clear()
    TERMS.update(load_terms(Path(config["docs_dir"])))
    TERM_BY_URL.clear()
    TERM_BY_URL.update({t.url: t for t in TERMS.values()})
    return config


def _sort_key(name: str) -> str:
    return name.casefold().lstrip("*_ ")


def letter_of(name: str) -> str:
    """The A-Z section a name is listed under: its first letter, "0–9" for a digit, "#" else."""
    first = _sort_key(name)[:1].upper()
    if first.isalpha():
        return first
    return "0–9" if first.isdigit() else "#"


def letter_anchor(letter: str) -> str:
    """The section's id, plain ASCII so that the URL needs no escaping."""
    return "letter-" + {"0–9": "0-9", "#": "symbols"}.get(letter, letter.lower())


def glossary_markdown() -> str:
    """The A-Z page: every term and alias, in order, with letter jump links."""
    entries = []
    for t in TERMS.values():
        tags = " ".join(f"[{tag}](tags.md#{tag_anchor(tag)}){{ .tag }}" for tag in t.tags)
        entries.append((t.title, f"[**{t.title}**]({TERMS_DIR}/{t.slug}.md){{ .glossary-term }}: {t.summary} {tags}"))
        for alias in t.aliases:
            entries.append((alias, f"*{alias}* → [{t.title}]({TERMS_DIR}/{t.slug}.md)"))
    entries.sort(key=lambda e: _sort_key(e[0]))
    letters: dict[str, list[str]] = {}
    for name, line in entries:
        letters.setdefault(letter_of(name), []).append(line)
    jump = " · ".join(f"[{letter}](#{letter_anchor(letter)})" for letter in letters)
    out = [
        "---",
        "description: Every term of the LLM Parameter Glossary, A to Z, with a one-line definition.",
        "---",
        "# Glossary A–Z",
        "",
        f"{len(TERMS)} terms. Aliases point to the term that explains them. Browse by topic in the [tag index](tags.md).",
        "",
        f'<nav class="az-jump" aria-label="Jump to letter" markdown>{jump}</nav>',
        "",
    ]
    for letter, lines in letters.items():
        out += [f"## {letter} {{ #{letter_anchor(letter)} }}", ""]
        out += [f"- {line}" for line in lines] + [""]
    return "\n".join(out)


def tag_anchor(tag: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tag.casefold()).strip("-")


def tags_markdown() -> str:
    by_tag: dict[str, list[Term]] = {}
    for t in TERMS.values():
        for tag in t.tags:
            by_tag.setdefault(tag, []).append(t)
    out = [
        "---",
        "description: The glossary's terms grouped by topic.",
        "---",
        "# Terms by topic",
        "",
        "Every tag used on a term page, with its terms. The [A–Z glossary](glossary.md) lists them all.",
        "",
    ]
    for tag in sorted(by_tag, key=str.casefold):
        out += [f"## {tag} {{ #{tag_anchor(tag)} }}", ""]
        terms = sorted(by_tag[tag], key=lambda t: _sort_key(t.title))
        out += [f"- [{t.title}]({TERMS_DIR}/{t.slug}.md): {t.summary}" for t in terms]
        out.append("")
    return "\n".join(out)


def on_files(files, config, **kwargs):
    for src_uri, content in (("glossary.md", glossary_markdown()), ("tags.md", tags_markdown())):
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} is generated from the terms' front matter; remove the file")
        files.append(File.generated(config, src_uri, content=content))
    return files


# The reader's order for the top of the navigation; anything not listed keeps its place after these.
NAV_ORDER = ["index.md", "glossary.md", "tags.md", "misconceptions.md", "calculator.md", "Notebooks", "Terms"]


def on_nav(nav, config, files, **kwargs):
    def key(item):
        name = item.file.src_uri if getattr(item, "file", None) else item.title
        return NAV_ORDER.index(name) if name in NAV_ORDER else len(NAV_ORDER)

    nav.items.sort(key=key)
    # MkDocs linked each page to its previous and next before this hook ran; link them in the new order, so
    # that the footer's "Previous" and "Next" follow the sidebar.
    pages = []

    def collect(items):
        for item in items:
            if item.is_page:
                pages.append(item)
            elif item.children:
                collect(item.children)

    collect(nav.items)
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    return nav


def _term_of(page) -> Term | None:
    src = PurePosixPath(page.file.src_uri)
    if src.parent.as_posix() == TERMS_DIR:
        return TERMS.get(src.stem)
    return None


def _insert_before_references(markdown: str, block: str) -> str:
    m = re.search(r"^## References\b.*$", markdown, re.MULTILINE)
    if m:
        return markdown[: m.start()] + block + "\n\n" + markdown[m.start():]
    return markdown.rstrip() + "\n\n" + block + "\n"


# A version in prose comes from the pins, like the stamp below: write "torch {{ pin.torch }}".
PIN = re.compile(r"\{\{\s*pin\.([A-Za-z0-9_.-]+)\s*\}\}")


def with_pinned_versions(markdown: str, src: str) -> str:
    """Replace each {{ pin.<package> }} with that package's pinned version; an unpinned name stops the build."""

    def version(m: re.Match) -> str:
        if m.group(1) not in VERSIONS:
            raise PluginError(f"{src}: {m.group(0)} names no package pinned in requirements/test.txt")
        return VERSIONS[m.group(1)]

    return PIN.sub(version, markdown)


def on_page_markdown(markdown: str, page, config, files, **kwargs):
    markdown = with_pinned_versions(markdown, page.file.src_uri)
    term = _term_of(page)
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
    markdown += "\n\n" + "\n".join(
        [
            f'<p class="verified" markdown>Every snippet on this page is run by the test suite with torch'
            f' {VERSIONS["torch"]} and numpy {VERSIONS["numpy"]}, and its output compared with what is shown.</p>',
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
        ]
    )
    return markdown


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
        if term is None or term is _term_of(page):
            return m.group(0)
        return m.group(0)[:-1] + f' title="{escape(term.summary)}" data-term="{term.slug}">'

    return _LINK.sub(add_summary, html_text)


# ---------------------------------------------------------------- the published inventory


def inventory_entries() -> list[tuple[str, str, str, str]]:
    """(name, domain:role, uri, display name) for objects.inv; names are lowercased as Sphinx expects."""
    entries = []
    for t in TERMS.values():
        for name in [t.title] + t.aliases:
            entries.append((name.lower(), "std:term", t.url, name))
        for anchor, heading in t.anchors:
            entries.append((f"{t.slug}-{anchor}".lower(), "std:label", f"{t.url}#{anchor}", heading))
    return sorted(entries)


def write_objects_inv(path: Path, project: str, version: str) -> None:
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    ).encode()
    body = "".join(
        f"{name} {role} -1 {uri} {'-' if disp.lower() == name and disp == name else disp}\n"
        for name, role, uri, disp in inventory_entries()
    ).encode()
    path.write_bytes(header + zlib.compress(body, 9))


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    write_objects_inv(site / "objects.inv", config["site_name"], "latest")
    base = config["site_url"] or "/"
    data = []
    for t in sorted(TERMS.values(), key=lambda t: t.slug):
        d = asdict(t)
        d["anchors"] = [a for a, _ in t.anchors]
        d["url"] = urljoin(base, t.url)
        data.append(d)
    (site / "terms.json").write_text(json.dumps({"terms": data}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
