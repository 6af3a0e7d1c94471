"""The names other documentation links to a term by, generated from the front matter (a library, not a hook).

A writer types "parameters", "fine tuning" or "[KV cache][]", not only the title as written. For each title and
alias this makes:

- the name itself;
- its plural, by the English rules below, unless the front matter's ``plurals`` field gives the plural of that
  name (a string) or says it has none (null);
- each of those with hyphens read as spaces ("fine-tuning" -> "fine tuning");
- the id mkdocs-autorefs tries when a writer links ``[Some Name][]`` and no name matches exactly: the name
  slugified by Python-Markdown's toc slugify ("KV cache" -> "kv-cache"). With it, ``[KV cache][]`` and
  ``[Weights][]`` resolve although the inventory, as Sphinx expects, lists names in lowercase.

Each name has a display text that reads well mid-sentence: a title loses its capital ("Weight" -> "weight")
unless its first word is an acronym or a proper noun written with more capitals ("KV cache", "LoRA"); an alias
stays as written. Names written by hand win over generated ones; a generated name that two terms would share,
or that equals a sub-concept label, is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

# Nouns with no plural that a writer would type; other mass nouns get a harmless unused plural ("prunings").
UNCOUNTABLE = {"data", "attention", "inference", "dropout", "precision", "compute", "feedback", "reuse", "transfer",
               "decay", "information", "knowledge", "momentum", "autograd", "backprop", "softmax"}
UNCOUNTABLE_ENDINGS = ("ism", "ity", "ness", "ics")
IRREGULAR = {"matrix": "matrices", "corpus": "corpora", "epoch": "epochs", "index": "indices", "axis": "axes",
             "vertex": "vertices", "criterion": "criteria", "child": "children"}
# A phrase whose last word is not its head ("tokens per step", "mixture of experts") gets no automatic plural.
NOT_HEAD_LAST = re.compile(r",|\(|\)| and | per | of | vs | for ")


@dataclass(frozen=True)
class LinkName:
    name: str  # as the inventory lists it: lowercase
    display: str  # what a link shows mid-sentence
    slug: str  # the term's slug
    written: bool  # a title or alias as written in the front matter (not generated)


def plural(name: str) -> str | None:
    """The plural of a lowercase noun phrase by its last word, or None where the rule does not know it."""
    if NOT_HEAD_LAST.search(f" {name} ") or name.lower() in UNCOUNTABLE:
        return None
    last = re.split(r"[ -]", name)[-1]
    if not re.fullmatch(r"[a-z]+", last) or last in UNCOUNTABLE or last.endswith(UNCOUNTABLE_ENDINGS):
        return None
    if last in IRREGULAR:
        return name[: -len(last)] + IRREGULAR[last]
    if last.endswith(("ss", "us", "is", "as", "x", "z", "ch", "sh")):
        return name + "es"
    if last.endswith("s"):
        return None  # already a plural ("weights", "logits")
    if re.search(r"[^aeiou]y$", last):
        return name[:-1] + "ies"
    return name + "s"


def display_form(name: str, is_title: bool) -> str:
    """A title without its sentence capital ("Weight" -> "weight"), unless its first word has more capitals."""
    if is_title and re.match(r"[A-Z][a-z]+(?:-[a-z]+)*(?: |$)", name):
        return name[0].lower() + name[1:]
    return name


def autorefs_id(name: str) -> str:
    """The id mkdocs-autorefs looks up for [name][] when name itself is not an id."""
    return slugify(name, "-")


def _forms(name: str, display: str, plural_override: str | None | bool) -> list[tuple[str, str]]:
    """(name, display) for a written name, its plural, their hyphen-as-space variants and their autorefs ids."""
    forms = [(name, display)]
    many = plural(display) if plural_override is False else plural_override
    if many:
        forms.append((many, many))
    for form, shown in list(forms):
        if "-" in form:
            forms.append((form.replace("-", " "), shown))
    for form, shown in list(forms):
        forms.append((autorefs_id(form), shown))
    return forms


def link_names(terms, labels: set[str] = frozenset()) -> dict[str, LinkName]:
    """Every name a term can be linked by (lowercase name -> LinkName). ``terms`` maps slug -> glossary.Term;
    ``labels`` are the sub-concept label names, which no term name may take."""
    names: dict[str, LinkName] = {}
    for term in terms.values():
        for written in [term.title] + term.aliases:
            key = written.lower()
            names[key] = LinkName(key, display_form(written, written == term.title), term.slug, True)
    generated: dict[str, LinkName] = {}
    ambiguous: set[str] = set()
    for term in terms.values():
        for written in [term.title] + term.aliases:
            display = names[written.lower()].display
            override = term.plurals.get(written, False)
            for form, shown in _forms(written, display, override)[1:]:
                key = form.lower()
                if not key or key in names or key in labels:
                    continue
                prev = generated.get(key)
                if prev and prev.slug != term.slug:
                    ambiguous.add(key)
                elif not prev:
                    generated[key] = LinkName(key, shown, term.slug, False)
    names.update((k, v) for k, v in generated.items() if k not in ambiguous)
    return names


def plain_text(heading: str) -> str:
    """A heading's text without Markdown code and emphasis marks: "`max_position_embeddings`" -> the bare name."""
    return re.sub(r"(?<!\w)[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}(?!\w)", "", heading.replace("`", ""))
