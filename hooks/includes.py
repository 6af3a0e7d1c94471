"""Check every `--8<--` include before pymdownx.snippets runs, so a bad one names the page that has it.

pymdownx.snippets (with check_paths) also fails on a missing file, but its traceback names only the file
that is missing; this says which page asked for it and which section marker is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

INCLUDE = re.compile(r"""^[ \t]*--8<--[ \t]+["'](?P<path>[^"':]+)(?::(?P<section>[\w-]+))?["'][ \t]*$""", re.MULTILINE)


def included_paths(markdown: str) -> list[str]:
    """The files a page includes, in order: the path of each `--8<--` line, without its section."""
    return [m.group("path") for m in INCLUDE.finditer(markdown)]


def on_page_markdown(markdown: str, page, config, **kwargs):
    root = Path(config["config_file_path"]).parent
    for m in INCLUDE.finditer(markdown):
        path, section = m.group("path"), m.group("section")
        where = f"docs/{page.file.src_uri}, line {markdown[: m.start()].count(chr(10)) + 1}"
        target = root / path
        if not target.is_file():
            raise PluginError(f"{where}: includes '{path}', which does not exist")
        if section and f"--8<-- [start:{section}]" not in target.read_text(encoding="utf-8"):
            raise PluginError(f"{where}: includes section '{section}' of '{path}', which has no such section")
    return markdown
