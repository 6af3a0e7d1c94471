"""Highlight each distinct code block once, and remember it between builds.

Syntax highlighting (pymdownx.highlight and pygments: finding the lexer, making a formatter, highlighting) is
about a quarter of a build. Its output depends only on the arguments of pymdown-extensions' Highlight.highlight()
and the extension's settings, so this hook remembers it under exactly those: a block shown on several pages is
highlighted once, a `mkdocs serve` rebuild highlights only the blocks that changed, and the next build reads what
the last one wrote to .cache/highlight/ (ignored by git), one file per version of pygments and
pymdown-extensions, holding only the blocks that build used. A key is the whole input, so a remembered block
cannot go stale: changed code is a new key. The one call with a side effect (a title in HTML mode, which goes to
the page's stash) is never remembered.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pygments
import pymdownx
import pymdownx.highlight

CACHE_DIR = Path(".cache") / "highlight"  # under the directory of mkdocs.yml


def _key(settings: dict, args: tuple, kwargs: dict) -> str:
    parts = (sorted(settings.items()), args, sorted(kwargs.items()))
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def _remembering(highlight):
    def remembered_highlight(self, *args, **kwargs):
        settings = {name: value for name, value in vars(self).items() if name != "md"}  # md: the page's, no setting
        if settings.get("title_mode") == "html":
            return highlight(self, *args, **kwargs)
        key = _key(settings, args, kwargs)
        if key not in remembered_highlight.cache:
            remembered_highlight.cache[key] = highlight(self, *args, **kwargs)
        remembered_highlight.used.add(key)
        return remembered_highlight.cache[key]

    remembered_highlight.cache, remembered_highlight.used = {}, set()
    return remembered_highlight


# Hooks are re-imported on every serve rebuild (hooks/serve.py): wrap the method only once, so that the memory
# survives.
if not hasattr(pymdownx.highlight.Highlight.highlight, "cache"):
    pymdownx.highlight.Highlight.highlight = _remembering(pymdownx.highlight.Highlight.highlight)
REMEMBERED = pymdownx.highlight.Highlight.highlight


def _store(config) -> Path:
    versions = f"pygments-{pygments.__version__}-pymdownx-{pymdownx.__version__}-calls"  # what a key is of
    return Path(config["config_file_path"]).parent / CACHE_DIR / f"{versions}.json"


def on_config(config, **kwargs):
    REMEMBERED.used.clear()
    store = _store(config)
    if not REMEMBERED.cache and store.exists():
        try:
            REMEMBERED.cache.update(json.loads(store.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass  # an unreadable store is only a slower build: it is rewritten below


def on_post_build(config, **kwargs):
    store = _store(config)
    used = {key: REMEMBERED.cache[key] for key in sorted(REMEMBERED.used)}
    if store.exists() and set(used) == set(REMEMBERED.cache):
        return  # nothing new, nothing unused: the store already holds exactly this
    store.parent.mkdir(parents=True, exist_ok=True)
    partial = store.with_suffix(f".{os.getpid()}.tmp")  # builds running at once never read a half-written file
    partial.write_text(json.dumps(used), encoding="utf-8")
    partial.replace(store)
    # The process keeps only what this build used, so a long serve session does not grow without end.
    for key in set(REMEMBERED.cache) - set(used):
        del REMEMBERED.cache[key]
