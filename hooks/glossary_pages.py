"""The A-Z page (/glossary/) and the tag index (/tags/), generated from the terms' front matter."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from sitelib.glossary import TERMS_DIR, Term, letter_anchor, letter_of, sort_key, tag_anchor, terms


def glossary_markdown(found: dict[str, Term]) -> str:
    """The A-Z page: every term and alias, in order, with letter jump links."""
    entries = []
    for t in found.values():
        tags = " ".join(f"[{tag}](tags.md#{tag_anchor(tag)}){{ .tag }}" for tag in t.tags)
        entries.append((t.title, f"[**{t.title}**]({TERMS_DIR}/{t.slug}.md){{ .glossary-term }}: {t.summary} {tags}"))
        for alias in t.aliases:
            entries.append((alias, f"*{alias}* → [{t.title}]({TERMS_DIR}/{t.slug}.md)"))
    entries.sort(key=lambda e: sort_key(e[0]))
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
        f"{len(found)} terms. Aliases point to the term that explains them. Browse by topic in the [tag index](tags.md).",
        "",
        f'<nav class="az-jump" aria-label="Jump to letter" markdown>{jump}</nav>',
        "",
    ]
    for letter, lines in letters.items():
        out += [f"## {letter} {{ #{letter_anchor(letter)} }}", ""]
        out += [f"- {line}" for line in lines] + [""]
    return "\n".join(out)


def tags_markdown(found: dict[str, Term]) -> str:
    by_tag: dict[str, list[Term]] = {}
    for t in found.values():
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
        terms = sorted(by_tag[tag], key=lambda t: sort_key(t.title))
        out += [f"- [{t.title}]({TERMS_DIR}/{t.slug}.md): {t.summary}" for t in terms]
        out.append("")
    return "\n".join(out)


def on_files(files, config, **kwargs):
    found = terms(config)
    for src_uri, content in (("glossary.md", glossary_markdown(found)), ("tags.md", tags_markdown(found))):
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} is generated from the terms' front matter; remove the file")
        files.append(File.generated(config, src_uri, content=content))
    return files
