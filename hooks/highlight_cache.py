"""Highlight each distinct code block once per process.

`mkdocs serve` rebuilds every page after each change, and syntax highlighting (pygments) is about a third of a
build. pygments' output depends only on the code, the lexer and its options, and the formatter and its options,
so this hook remembers it under exactly those: a rebuild highlights only the blocks that changed, and a block
shown on several pages is highlighted once. The memory lasts as long as the process (one build, or one serve).
"""

from __future__ import annotations

import pymdownx.highlight

MAX_BLOCKS = 5000  # a whole build has about 400; forget everything past this, in a long serve session


def _key(code, lexer, formatter):
    return (code, type(lexer), repr(sorted(lexer.options.items())), repr(lexer.filters),
            type(formatter), repr(sorted(formatter.options.items())))


def _remembering(highlight):
    cache = {}

    def remembered_highlight(code, lexer, formatter, outfile=None):
        if outfile is not None:
            return highlight(code, lexer, formatter, outfile)
        key = _key(code, lexer, formatter)
        if key not in cache:
            if len(cache) >= MAX_BLOCKS:
                cache.clear()
            cache[key] = highlight(code, lexer, formatter)
        return cache[key]

    remembered_highlight.cache = cache
    return remembered_highlight


# pymdownx.highlight calls pygments' highlight() by this name. Hooks are re-imported on every serve rebuild
# (hooks/serve.py): wrap it only once, so that the memory survives.
if not hasattr(pymdownx.highlight.highlight, "cache"):
    pymdownx.highlight.highlight = _remembering(pymdownx.highlight.highlight)
