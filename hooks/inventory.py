"""The published inventory of terms, at the site's root: objects.inv (a Sphinx inventory, version 2, with a
std:term entry for every name a term can be linked by, see sitelib/sitelib/link_names.py, and a std:label entry per
sub-concept anchor) and terms.json (described field by field by docs/terms.schema.json, which the build publishes beside it)."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from urllib.parse import urljoin

from sitelib.glossary import Term, terms
from sitelib.link_names import link_names, plain_text

TERMS: dict[str, Term] = {}


def on_config(config, **kwargs):
    TERMS.clear()
    TERMS.update(terms(config))
    return config


def label_name(term: Term, anchor: str) -> str:
    return f"{term.slug}-{anchor}".lower()


def inventory_entries() -> list[tuple[str, str, str, str]]:
    """(name, domain:role, uri, display name) for objects.inv; names are lowercased as Sphinx expects."""
    entries = []
    labels = set()
    for t in TERMS.values():
        for anchor, heading in t.anchors:
            labels.add(label_name(t, anchor))
            entries.append((label_name(t, anchor), "std:label", f"{t.url}#{anchor}", plain_text(heading)))
    for name in link_names(TERMS, labels).values():
        entries.append((name.name, "std:term", TERMS[name.slug].url, name.display))
    return sorted(entries)


def write_objects_inv(path: Path, project: str, version: str, entries: list[tuple[str, str, str, str]]) -> None:
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    ).encode()
    body = "".join(
        f"{name} {role} -1 {uri} {'-' if disp.lower() == name and disp == name else disp}\n"
        for name, role, uri, disp in entries
    ).encode()
    path.write_bytes(header + zlib.compress(body, 9))


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    entries = inventory_entries()
    write_objects_inv(site / "objects.inv", config["site_name"], "latest", entries)
    base = config["site_url"] or "/"
    names: dict[str, list[str]] = {}
    for name, role, uri, _ in entries:
        if role == "std:term":
            names.setdefault(uri, []).append(name)
    data = []
    for t in sorted(TERMS.values(), key=lambda t: t.slug):
        data.append({
            "slug": t.slug, "title": t.title, "summary": t.summary, "aliases": t.aliases, "tags": t.tags,
            "see_also": t.see_also, "anchors": [a for a, _ in t.anchors], "url": urljoin(base, t.url),
            "names": names[t.url],
        })
    (site / "terms.json").write_text(json.dumps({"terms": data}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
