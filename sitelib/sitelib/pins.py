"""The pinned versions that pages name: ``{{ pin.torch }}`` becomes the version that requirements/test.txt pins
(what the snippets are verified with), so no page types a version by hand.

The pins are read from the file on each use, not kept between builds, so `mkdocs serve` shows a changed pin at
the next rebuild (requirements/ is under ``watch:``). hooks/pins.py (prose), hooks/term_pages.py (the "verified
with" stamp) and hooks/llms_txt.py (llms-full.txt) use the same two functions.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

PIN = re.compile(r"\{\{\s*pin\.([A-Za-z0-9_.-]+)\s*\}\}")


def pinned_versions(config) -> dict[str, str]:
    """Package -> pinned version, from requirements/test.txt."""
    path = Path(config["config_file_path"]).parent / "requirements" / "test.txt"
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([^\s#]+)", path.read_text(encoding="utf-8"), re.MULTILINE))
    missing = [name for name in ("torch", "numpy") if name not in pins]
    if missing:
        raise PluginError(f"requirements/test.txt: no '==' pin for {', '.join(missing)}")
    return pins


def with_pinned_versions(markdown: str, src: str, versions: dict[str, str]) -> str:
    """Replace each {{ pin.<package> }} with that package's pinned version; an unpinned name stops the build."""

    def version(m: re.Match) -> str:
        if m.group(1) not in versions:
            raise PluginError(f"{src}: {m.group(0)} names no package pinned in requirements/test.txt")
        return versions[m.group(1)]

    return PIN.sub(version, markdown)
