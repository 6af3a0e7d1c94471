"""Publish every snippet program with the site, at its repository path (snippets/<slug>/<name>.py), and the data
files that snippets read, at data/<name>; next to each snippet that reads data, the page offers those files.

A page shows the part of a program it explains and links the whole file, where inlining a long program would
blow the page weight budget (tests/support/__init__.py); MkDocs then checks each such link like any other (strict).
Which snippet reads which file, and the download line, come from sitelib.snippet_data (shared with
hooks/llms_txt.py and the tests).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.structure.files import File
from sitelib.snippet_data import DATA_DIR, data_by_snippet, with_data_links

# Snippet path -> the data files it names, for the build under way: set afresh by on_files on every build.
_DATA: dict[str, list[str]] = {}


def on_files(files, config, **kwargs):
    root = Path(config["config_file_path"]).parent
    for path in sorted((root / "snippets").glob("*/*.py")):
        files.append(File.generated(config, path.relative_to(root).as_posix(), abs_src_path=str(path)))
    found = data_by_snippet(root)
    published = {name: source for sources in found.values() for name, source in sources.items()}
    for name, source in sorted(published.items()):
        files.append(File.generated(config, f"{DATA_DIR}/{name}", abs_src_path=str(source)))
    _DATA.clear()
    _DATA.update({snippet: list(sources) for snippet, sources in found.items()})
    return files


def on_page_markdown(markdown: str, page, config, **kwargs):
    here = posixpath.dirname(page.file.src_uri) or "."
    return with_data_links(markdown, f"docs/{page.file.src_uri}", _DATA,
                           lambda name: posixpath.relpath(f"{DATA_DIR}/{name}", here))
