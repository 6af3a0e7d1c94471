"""The published inventory of terms, at the site's root: objects.inv (a Sphinx inventory, version 2, with a
std:term entry per title and alias and a std:label entry per sub-concept anchor) and terms.json."""

from __future__ import annotations

import json
import zlib
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urljoin

from glossary import Term, terms

TERMS: dict[str, Term] = {}


def on_config(config, **kwargs):
    TERMS.clear()
    TERMS.update(terms(config))
    return config


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
