"""Notebook pages as plain Material markup: mkdocs-jupyter's HTML, slimmed at build time.

mkdocs-jupyter renders a notebook (from its committed outputs; the build never executes code) into a heavy
page: about 600 KB of inlined JupyterLab CSS, a MathJax script tag from a CDN, a clipboard script, images
without alternative text. This hook takes that HTML and re-emits it as the markup Material already styles:

- code cells become Material code blocks (``div.highlight > pre > code``, with Material's copy button), and
  printed outputs become code blocks titled "Output", like the term pages' snippet outputs;
- every inlined <style> and <script> is dropped (no CSS to download, no request to a CDN);
- ``$...$`` and ``$$...$$`` math in Markdown cells becomes arithmatex markup, which hooks/math.py (listed after
  this hook) turns into MathML, as on every other page;
- headings get the ids of the page's table of contents and Material's permalink;
- figures (SVG) become <img> with the alternative text the notebook stored as the SVG's title, and the SVG as
  a percent-encoded text data URI, which gzip compresses far better than base64.

Anything the slimmer does not understand stops the build with the notebook's name.
"""

from __future__ import annotations

import base64
import html
import re
from urllib.parse import quote

from mkdocs.exceptions import PluginError


def _toc_ids(items) -> list[str]:
    """Heading ids of a page's table of contents, in document order."""
    out = []
    for item in items:
        out.append(item.id)
        out += _toc_ids(item.children)
    return out


_DISPLAY_MATH = re.compile(r"<p>\s*\$\$(.+?)\$\$\s*</p>", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$", re.DOTALL)


def _math_to_arithmatex(fragment: str) -> str:
    fragment = _DISPLAY_MATH.sub(lambda m: f'<div class="arithmatex">\\[{m.group(1)}\\]</div>', fragment)
    return _INLINE_MATH.sub(lambda m: f'<span class="arithmatex">\\({m.group(1)}\\)</span>', fragment)


def _svg_image(data_uri: str, source: str) -> str:
    """An <img> for an SVG figure: alternative text from the SVG's title, the SVG as a text data URI (base64
    hides the SVG's repetitive text from gzip; percent-encoded text compresses several times better)."""
    if not data_uri.startswith("data:image/svg+xml;base64,"):
        raise ValueError(f"{source}: unexpected figure source {data_uri[:40]!r}")
    svg = base64.b64decode(data_uri.split(",", 1)[1]).decode("utf-8")
    m = re.search(r"<dc:title>(.*?)</dc:title>", svg, re.DOTALL)
    alt = html.unescape(m.group(1)).strip() if m else ""
    if not alt:
        raise ValueError(f"{source}: a figure has no title to use as alternative text (see show() in the notebooks)")
    src = "data:image/svg+xml," + quote(svg, safe=" /:=,;.-_()!*'")
    return f'<figure class="notebook-figure"><img alt="{html.escape(alt)}" src="{src}"></figure>'


def _code_block(inner_html: str, language: str, title: str = "") -> str:
    caption = f'<span class="filename">{html.escape(title)}</span>' if title else ""
    return f'<div class="language-{language} highlight">{caption}<pre><span></span><code>{inner_html}</code></pre></div>'


def slim(body: str, toc_ids: list[str], source: str) -> str:
    """mkdocs-jupyter's HTML for a notebook, re-emitted as plain Material markup (see the module docstring)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    notebook = soup.select_one("div.jp-Notebook")
    if notebook is None:
        raise ValueError(f"{source}: mkdocs-jupyter's HTML has no div.jp-Notebook (did its template change?)")
    parts = []
    for cell in notebook.find_all("div", class_="jp-Cell", recursive=False):
        classes = cell.get("class", [])
        if "jp-MarkdownCell" in classes:
            md = cell.select_one("div.jp-RenderedMarkdown")
            for code in md.find_all("code"):
                if "$" in code.get_text():
                    raise ValueError(f"{source}: a '$' inside inline code would be read as math: {code.get_text()!r}")
            parts.append(_math_to_arithmatex(md.decode_contents().strip()))
        elif "jp-CodeCell" in classes:
            pre = cell.select_one("div.highlight-ipynb pre")
            if pre is not None:
                if pre.span is not None and not pre.span.get_text():
                    pre.span.decompose()  # pygments' empty leading <span></span>
                parts.append(_code_block(pre.decode_contents(), "python"))
            for out in cell.select("div.jp-OutputArea-output"):
                mime = out.get("data-mime-type", "")
                if mime == "text/plain":
                    text = out.find("pre").get_text()
                    parts.append(_code_block(html.escape(text, quote=False), "text", "Output"))
                elif mime == "image/svg+xml":
                    parts.append(_svg_image(out.find("img")["src"], source))
                else:
                    raise ValueError(f"{source}: output of type {mime!r} is not supported by the slim renderer")
        else:
            raise ValueError(f"{source}: unsupported cell {classes}")
    page = BeautifulSoup("\n".join(parts), "html.parser")
    headings = page.find_all(re.compile(r"^h[1-6]$"))
    if len(headings) != len(toc_ids):
        raise ValueError(f"{source}: {len(headings)} headings but {len(toc_ids)} table-of-contents entries")
    for heading, anchor in zip(headings, toc_ids, strict=True):
        for link in heading.find_all("a", class_="anchor-link"):
            link.decompose()
        heading["id"] = anchor
        permalink = page.new_tag("a", attrs={"class": "headerlink", "href": f"#{anchor}",
                                             "title": "Permanent link to this section"})
        permalink.string = "¶"
        heading.append(permalink)
    return f'<div class="notebook">\n{page.decode()}\n</div>\n'




def on_page_content(html_text: str, page, **kwargs) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html_text
    source = f"docs/{page.file.src_uri}"
    try:
        return slim(html_text, _toc_ids(page.toc), source)
    except ValueError as exc:
        raise PluginError(str(exc)) from exc
