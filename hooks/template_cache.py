"""Compile the theme's templates once, and remember them between builds.

Jinja compiles every template it loads (Material's base, partials and ours: about 45) from source on each
build, about a twentieth of a build's CPU. Jinja's own bytecode cache keeps the compiled code in
.cache/templates/ (ignored by git), one file per template, checked against a checksum of the template's source
on every load: an edited template is compiled afresh, never served stale. What the compiled code also depends
on (Jinja's code generator and the environment that MkDocs and Material set up) is in the folder's name, so a
new version of any of them starts an empty folder. A fresh clone's first build compiles as before and writes
the folder; the output is the same either way.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

CACHE_DIR = Path(".cache") / "templates"  # under the directory of mkdocs.yml


def _store(config) -> Path:
    versions = "-".join(f"{name}-{version(name)}" for name in ("jinja2", "mkdocs", "mkdocs-material"))
    python = "py{}{}".format(*sys.version_info[:2])  # Jinja also checks this, but an old file would be rewritten
    return Path(config["config_file_path"]).parent / CACHE_DIR / f"{versions}-{python}"


def on_env(env, config, **kwargs):
    store = _store(config)
    store.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(store))  # writes each file atomically (tempfile + replace)
    return env
