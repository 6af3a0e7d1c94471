"""Notebook pages: each ``docs/notebooks/*.ipynb`` is shown as a page made from its committed outputs (the build
never runs code), written as the Markdown of any other page and rendered by MkDocs like one.

- Markdown cells are kept as they are; their links, written for the rendered page (``../../terms/parameter/``,
  as they must be for the notebook's own reader), become links to the source files, so MkDocs checks them,
  gives them hover definitions (hooks/hover_definitions.py) and rewrites them for the offline copy like any other link;
- code cells become ``python`` code blocks, printed outputs ``text`` blocks titled "Output" (as on the term
  pages), and figures an ``<img>``: an SVG as a percent-encoded text data URI (gzip compresses it several
  times better than base64), with the title the notebook stored in the SVG as alternative text; a PNG as
  base64, with the alternative text written in the cell's metadata (``"alt": "..."``), which also overrides
  an SVG's title;
- an HTML output (a pandas table, say) is kept as HTML, without its ``<style>`` (the site styles tables);
  one that holds a script stops the build, since a page runs only the site's own scripts;
- math (``$...$``, ``$$...$$``) is read by pymdownx.arithmatex and rendered to MathML by hooks/math.py;
- the notebook itself is published next to its page, for the "Download this notebook" link.

Anything else in a notebook (an error, text on stderr, an output of another type) stops the build with the
notebook's name: a traceback or a warning in a published notebook is a bug to fix, not something to show.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from urllib.parse import quote

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

_LINK = re.compile(r"(\]\()([^)\s]+)(\))")
_NOTEBOOK_PAGES: set[str] = set()  # src_uri of every notebook page of this build


class NotebookPage(File):
    """A .ipynb that MkDocs renders as a page, from the Markdown that to_markdown() made of it."""

    def is_documentation_page(self) -> bool:
        return True


def source_link(href: str, page_dir: str, sources: set[str]) -> str:
    """A relative link written for the rendered page in `page_dir` (``notebooks/<name>/``), as the link to the
    source file that MkDocs expects in the page's Markdown (relative to ``notebooks/``)."""
    if not href or re.match(r"^[a-z][a-z0-9+.-]*:|^[#/]", href):
        return href  # another host, an anchor on this page, or absolute (which strict validation reports)
    path, hashmark, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_dir, path))
    if path.endswith("/") or path in ("", ".", ".."):  # a page's URL: find the page's source
        target = next((target + ext for ext in (".md", ".ipynb", "/index.md") if target + ext in sources),
                      "index.md" if target == "." else target + ".md")
    return posixpath.relpath(target, posixpath.dirname(page_dir.rstrip("/"))) + hashmark + anchor


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def _fence(text: str, info: str) -> str:
    ticks = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return f"{ticks}{info}\n{text.rstrip(chr(10))}\n{ticks}"


def _figure(src: str, alt: str, source: str) -> str:
    if not alt.strip():
        raise PluginError(f"{source}: a figure has no alternative text: give the cell's metadata an \"alt\" "
                          "(or an SVG a title, see show() in the notebooks)")
    return f'<figure class="notebook-figure"><img alt="{html.escape(alt.strip())}" src="{src}"></figure>'


def _svg(svg: str, cell_alt: str, source: str) -> str:
    m = re.search(r"<dc:title>(.*?)</dc:title>", svg, re.DOTALL)
    alt = cell_alt or (html.unescape(m.group(1)) if m else "")
    return _figure("data:image/svg+xml," + quote(svg, safe=" /:=,;.-_()!*'"), alt, source)


def _html(markup: str, source: str) -> str:
    """An HTML output as a raw HTML block: no style sheet of its own, no blank line that would end the block."""
    if re.search(r"<script\b|\son[a-z]+\s*=", markup, re.IGNORECASE):
        raise PluginError(f"{source}: an HTML output holds a script, which a notebook page does not run")
    markup = re.sub(r"<style\b.*?</style>", "", markup, flags=re.DOTALL | re.IGNORECASE)
    markup = re.sub(r"(<table)\b[^>]*>", r"\1>", markup)  # pandas' border and class: the site styles tables
    lines = [line for line in markup.splitlines() if line.strip()]
    return '<div class="notebook-html">\n' + "\n".join(lines) + "\n</div>"


def to_markdown(notebook: dict, page_dir: str, sources: set[str], source: str) -> str:
    """The page's Markdown: Markdown cells as written, code and its printed outputs as code blocks, figures."""
    parts = []
    for cell in notebook["cells"]:
        text = _text(cell["source"])
        if "--8<--" in text:
            raise PluginError(f"{source}: a cell contains '--8<--', which pymdownx.snippets would read as an include")
        if cell["cell_type"] == "markdown":
            parts.append(_LINK.sub(lambda m: m.group(1) + source_link(m.group(2), page_dir, sources) + m.group(3), text))
        elif cell["cell_type"] == "code":
            if text.strip():
                parts.append(_fence(text, "python"))
            cell_alt = cell.get("metadata", {}).get("alt", "")
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if out["output_type"] == "stream" and out.get("name") == "stdout":
                    parts.append(_fence(_text(out["text"]), 'text title="Output"'))
                elif "image/svg+xml" in data:
                    parts.append(_svg(_text(data["image/svg+xml"]), cell_alt, source))
                elif "image/png" in data:
                    png = "".join(_text(data["image/png"]).split())
                    parts.append(_figure("data:image/png;base64," + png, cell_alt, source))
                elif "text/html" in data:
                    parts.append(_html(_text(data["text/html"]), source))
                elif "text/plain" in data and out["output_type"] in ("execute_result", "display_data"):
                    parts.append(_fence(_text(data["text/plain"]), 'text title="Output"'))
                else:
                    kind = out.get("name") or out.get("ename") or sorted(data)
                    raise PluginError(f"{source}: a cell has an output of type {out['output_type']} ({kind}), "
                                      "which a notebook page does not show")
        elif cell["cell_type"] != "raw":
            raise PluginError(f"{source}: unsupported cell type {cell['cell_type']!r}")
    return "\n\n".join(parts) + "\n"


def on_files(files, config, **kwargs):
    _NOTEBOOK_PAGES.clear()
    sources = {f.src_uri for f in files}
    for f in [f for f in files if f.src_uri.endswith(".ipynb")]:
        source = f"docs/{f.src_uri}"
        try:
            notebook = json.loads(f.content_string)
        except ValueError as exc:
            raise PluginError(f"{source}: not a notebook (invalid JSON: {exc})") from exc
        page = NotebookPage(f.src_uri, f.src_dir, f.dest_dir, f.use_directory_urls, inclusion=f.inclusion)
        page_dir = posixpath.splitext(f.src_uri)[0] + "/"  # the page's URL, where its links were written
        page.content_string = to_markdown(notebook, page_dir, sources, source)
        files.remove(f)
        files.append(page)
        files.append(File.generated(config, page_dir + posixpath.basename(f.src_uri), abs_src_path=f.abs_src_path))
        _NOTEBOOK_PAGES.add(f.src_uri)
    return files


def on_page_content(html_text: str, page, **kwargs) -> str:
    if page.file.src_uri not in _NOTEBOOK_PAGES:
        return html_text
    return f'<div class="notebook">\n{html_text}\n</div>\n'
