"""The glossary's terms: each term page's front matter is the single source of truth about its term.

This module reads and validates ``docs/terms/<slug>.md`` front matter (title, summary, aliases, tags, see_also,
and plurals: the plural of a title or alias where the rule in sitelib/link_names.py gets it wrong, or null for none);
bad front matter stops the build with the page and the field named. A library, not a hook: each hook that
makes something from the terms imports it (one job each):

- hooks/glossary_pages.py: the A-Z page (/glossary/) and the tag index (/tags/);
- hooks/term_pages.py: each term page's heading, alias and tag line, See also, meta description, and the
  "link to this term" box;
- hooks/hover_definitions.py: a hover definition on every link to a term;
- hooks/inventory.py: the published inventory, objects.inv (std:term, std:label) and terms.json.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html import escape  # noqa: F401  (hooks and tests escape summaries with the same function)
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

TERMS_DIR = "terms"
KNOWN_FIELDS = {"title", "summary", "aliases", "tags", "see_also", "plurals"}
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
    plurals: dict[str, str | None] = field(default_factory=dict)  # title or alias -> its plural, None for none

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


def _plurals(src: str, meta: dict, names: list[str]) -> dict[str, str | None]:
    value = meta.get("plurals") or {}
    if not isinstance(value, dict):
        _fail(src, "plurals", f"must map a title or alias to its plural (or null), got {value!r}")
    for name, many in value.items():
        if name not in names:
            _fail(src, "plurals", f"{name!r} is not this term's title or one of its aliases")
        if many is not None and not (isinstance(many, str) and many.strip()):
            _fail(src, "plurals", f"the plural of {name!r} must be a non-empty string or null, got {many!r}")
    return {name: many and many.strip() for name, many in value.items()}


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
        aliases = _string_list(src, meta, "aliases")
        terms[slug] = Term(
            slug=slug,
            title=meta["title"].strip(),
            summary=" ".join(meta["summary"].split()),
            aliases=aliases,
            tags=_string_list(src, meta, "tags"),
            see_also=_string_list(src, meta, "see_also"),
            anchors=anchors,
            plurals=_plurals(src, meta, [meta["title"].strip()] + aliases),
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


def sort_key(name: str) -> str:
    return name.casefold().lstrip("*_ ")


def letter_of(name: str) -> str:
    """The A-Z section a name is listed under: its first letter, "0–9" for a digit, "#" else."""
    first = sort_key(name)[:1].upper()
    if first.isalpha():
        return first
    return "0–9" if first.isdigit() else "#"


def letter_anchor(letter: str) -> str:
    """The section's id, plain ASCII so that the URL needs no escaping."""
    return "letter-" + {"0–9": "0-9", "#": "symbols"}.get(letter, letter.lower())


def tag_anchor(tag: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tag.casefold()).strip("-")


_LOADED: dict[str, dict[str, Term]] = {}


def terms(config) -> dict[str, Term]:
    """The terms of this build's docs_dir, read and validated once per change of the term pages (keyed on
    their names and contents)."""
    docs_dir = Path(config["docs_dir"])
    digest = hashlib.sha256()
    for path in sorted((docs_dir / TERMS_DIR).glob("*.md")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    key = f"{docs_dir.resolve()}:{digest.hexdigest()}"
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = load_terms(docs_dir)
    return _LOADED[key]


def term_of(page, terms: dict[str, Term]) -> Term | None:
    """The term a page is about, if it is a term page."""
    src = PurePosixPath(page.file.src_uri)
    return terms.get(src.stem) if src.parent.as_posix() == TERMS_DIR else None
