"""The data files that snippets read: which snippet names which (for hooks/snippet_files.py, which publishes them,
and hooks/llms_txt.py), and the line that offers them for download next to a snippet on a page.

A snippet runs alone, from a folder that holds only itself and the data files it names on its ``# data:`` line
(``# data: corpus.txt, corpus_balanced.txt``). That line is read by one function, ``data_files`` in
tools/snippets.py, which the test runner uses to copy the same files beside the snippet; here it is read from the
tools/ of the project being built. hooks/snippet_files.py publishes each named file byte for byte from data/,
and after the first code block on a page that includes such a snippet (the whole file or a section) a line links
each file for download (``with_data_links``), so MkDocs checks those links too. A named file that data/ lacks, or
a bad ``# data:`` line, stops the build with a message naming the snippet.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

DATA_DIR = "data"  # where the site publishes the data files: /data/<name>
INCLUDE = re.compile(r"""^(?P<indent>[ \t]*)--8<--[ \t]+["'](?P<path>[^"':]+)(?::[\w-]+)?["'][ \t]*$""")
FENCE_END = re.compile(r"^(?P<indent>[ \t]*)(?:`{3,}|~{3,})[ \t]*$")


def snippet_runner(root: Path):
    """tools/snippets.py of the project being built (tools/ is not on the build's import path); importing it
    runs nothing and imports nothing heavy (the runner imports torch only in its own process)."""
    spec = importlib.util.spec_from_file_location("snippet_runner", root / "tools" / "snippets.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look up their module by name while the class is made
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


def data_by_snippet(root: Path) -> dict[str, dict[str, Path]]:
    """Snippet path (snippets/<slug>/<name>.py) -> {data file name: its file in data/}, for each snippet that
    names data files; a bad ``# data:`` line or a missing file stops the build, naming the snippet."""
    runner = snippet_runner(root)
    found = {}
    for path in sorted((root / "snippets").glob("*/*.py")):
        try:
            names = runner.data_files(path)
            if names:
                found[path.relative_to(root).as_posix()] = {n: runner.data_source(path, n) for n in names}
        except runner.SnippetError as exc:
            raise PluginError(str(exc)) from None
    return found


def with_data_links(markdown: str, src: str, data: dict[str, list[str]], href: Callable[[str], str],
                    download: str = "{ download }") -> str:
    """After the code block of the first include of each data-reading snippet, at that block's indentation (so
    inside a tab or an admonition too), a line that links each of its data files."""
    lines = markdown.split("\n")
    out, done, waiting = [], set(), None  # waiting: (indent, snippet, names) until the include's fence closes
    for number, line in enumerate(lines, 1):
        out.append(line)
        m = INCLUDE.match(line)
        if m and m.group("path") in data and m.group("path") not in done:
            if waiting:
                raise PluginError(f"{src}, line {number}: two includes in one code block; put "
                                  f"'{waiting[1]}' in a block of its own")
            done.add(m.group("path"))
            waiting = (m.group("indent"), m.group("path"), data[m.group("path")])
            continue
        end = FENCE_END.match(line)
        if waiting and end and end.group("indent") == waiting[0]:
            indent, _, names = waiting
            links = [f"[`{n}`]({href(n)}){download}" for n in names]
            listed = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
            out += ["", f"{indent}This program reads {listed} from the folder it runs in: download "
                        f"{'it' if len(names) == 1 else 'them'} there.", ""]
            waiting = None
    if waiting:
        raise PluginError(f"{src}: '{waiting[1]}' reads data files, but its include is not in a fenced code "
                          "block that ends, so there is no place for the download line")
    return markdown if not done else "\n".join(out)
