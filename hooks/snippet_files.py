"""Publish every snippet program with the site, at its repository path (snippets/<slug>/<name>.py).

A page shows the part of a program it explains and links the whole file, where inlining a long program would
blow the page weight budget (tests/helpers.py); MkDocs then checks each such link like any other (strict).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File


def on_files(files, config, **kwargs):
    root = Path(config["config_file_path"]).parent
    for path in sorted((root / "snippets").glob("*/*.py")):
        files.append(File.generated(config, path.relative_to(root).as_posix(), abs_src_path=str(path)))
    return files
