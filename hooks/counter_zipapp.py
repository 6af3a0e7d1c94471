"""The parameter counter as one file for readers: ``count-params.pyz``, a zipapp that runs with ``python3`` alone.

Made at each build from the package's sources and bundled configs (counter/count_params/) and published at the
site's root; the parameter-count and calculator pages link it. Its bytes depend on those files only: entries in
sorted order, each with the same timestamp and permissions, so two builds of the same tree give the same file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ZIPAPP = "count-params.pyz"
PACKAGE = Path("counter") / "count_params"
SHIPPED = (".py", ".json", ".md")  # the sources, the bundled configs and where they come from (SOURCES.md)
TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest a zip file can hold
# What `python3 count-params.pyz` runs: the package's command line, `count-params`.
MAIN = b'''"""count-params.pyz: the parameter counter of the LLM Parameter Glossary, in one file."""

import sys

if sys.version_info < (3, 11):
    sys.exit("count-params.pyz needs Python 3.11 or later")

from count_params.cli import main  # noqa: E402

sys.exit(main())
'''


def package_files(package: Path) -> dict[str, bytes]:
    """The files the zipapp holds, by their name in it; an empty package stops the build."""
    files = {
        f"count_params/{path.relative_to(package).as_posix()}": path.read_bytes()
        for path in package.rglob("*")
        if path.is_file() and path.suffix in SHIPPED and "__pycache__" not in path.parts
    }
    if "count_params/__init__.py" not in files:
        raise PluginError(f"{package.as_posix()}: no package to make {ZIPAPP} from")
    return files


def zipapp_bytes(package: Path) -> bytes:
    """The zipapp: a shebang line, then a zip of __main__.py and the package, the same bytes for the same files."""
    out = io.BytesIO()
    out.write(b"#!/usr/bin/env python3\n")
    entries = {"__main__.py": MAIN, **package_files(package)}
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, TIMESTAMP)
            info.external_attr = 0o644 << 16  # -rw-r--r--, whatever the checkout's modes
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[name], compresslevel=9)
    return out.getvalue()


def on_files(files, config, **kwargs):
    root = Path(config["config_file_path"]).parent
    files.append(File.generated(config, ZIPAPP, content=zipapp_bytes(root / PACKAGE)))
    return files
