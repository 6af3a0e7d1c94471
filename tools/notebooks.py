"""Execute, check and render the notebooks in docs/notebooks/ (pages rendered by mkdocs-jupyter).

    python tools/notebooks.py update [NOTEBOOK ...]   run from scratch, save the outputs in place, re-render pages
    python tools/notebooks.py check [NOTEBOOK ...]    run from scratch, exit 1 if the printed outputs differ
    python tools/notebooks.py render                  re-render the pages from the committed notebooks only

Running: each notebook is executed top to bottom by nbclient in a fresh kernel, in docs/notebooks/ (so it
finds its data file), with no cache. Outputs are then normalized so that a re-run on the same machine writes the
same bytes: no execution timestamps, no interpreter version, execution counts 1, 2, 3, ...

Rendering: the site build never runs code and mkdocs-jupyter's own page is heavy (about 600 KB of inlined
JupyterLab CSS, a MathJax script tag, a clipboard script, images without alternative text). So this tool renders
each notebook with mkdocs-jupyter's converter, slims the HTML (below), and stores the result where the plugin
looks for its cache (``cache_dir`` in mkdocs.yml), under the plugin's own cache key: a hash of the notebook's
bytes and of the plugin options. The build then uses the slim page. A notebook edited without ``update`` or
``render`` gets a different key: the plugin renders its default heavy page (and stores it in the same folder,
where the next ``render`` deletes it), and tests/test_notebooks.py fails and says to run this tool.

To work on a notebook interactively: ``pip install jupyterlab`` into the environment of requirements/test.txt,
run ``jupyter lab docs/notebooks/``, then ``python tools/notebooks.py update`` before committing.

Slimming keeps mkdocs-jupyter's conversion but re-emits it as the HTML Material already styles:
- code cells become Material code blocks (``div.highlight > pre > code``, with Material's copy button), and
  printed outputs become code blocks titled "Output", like the term pages' snippet outputs;
- every inlined <style> and <script> is dropped (no CSS to download, no request to a CDN);
- ``$...$`` and ``$$...$$`` math in Markdown cells becomes arithmatex markup, which hooks/math.py turns into
  MathML at build time, as on every other page;
- headings get the ids of the page's table of contents and Material's permalink;
- figures (SVG) become <img> with the alternative text the notebook stored as the SVG's title, and the SVG as
  a percent-encoded text data URI, which gzip compresses far better than base64.
"""

from __future__ import annotations

import argparse
import base64
import copy
import difflib
import html
import json
import re
import resource
import sys
import time
from pathlib import Path
from urllib.parse import quote

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "docs" / "notebooks"
KERNEL = "python3"
CELL_TIMEOUT_S = 300
PLUGIN = "mkdocs-jupyter"
IMAGE_TYPES = ("image/svg+xml", "image/png")


def all_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- running


def normalize(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip what changes from run to run or machine to machine but says nothing about the results."""
    nb.metadata = nbformat.from_dict(
        {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": KERNEL},
            "language_info": {"name": "python"},
        }
    )
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for out in cell.outputs:
                if "execution_count" in out:
                    out.execution_count = count
    return nb


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def execute(path: Path) -> tuple[nbformat.NotebookNode, float, float]:
    """Run a notebook from scratch in a fresh kernel; return it with its outputs, the wall time in seconds
    (kernel start and shutdown included) and the kernel's CPU time in seconds (a steadier measure on a busy
    machine)."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT_S,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start, cpu_start = time.perf_counter(), _children_cpu_s()
    client.execute()  # shuts the kernel down and waits for it, so its CPU time is counted
    return normalize(nb), time.perf_counter() - start, _children_cpu_s() - cpu_start


def printed(nb: nbformat.NotebookNode) -> list[str]:
    """What the notebook printed, cell by cell: streams and text/plain results; images by their presence only."""
    lines = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            label = f"[cell {index} {cell.get('id', '')}]"
            if out.output_type == "stream":
                lines.append(f"{label} {out.name}:")
                lines += out.text.splitlines()
            elif out.output_type in ("execute_result", "display_data"):
                images = [t for t in IMAGE_TYPES if t in out.data]
                if images:
                    lines.append(f"{label} {out.output_type}: an image ({', '.join(images)})")
                else:
                    lines.append(f"{label} {out.output_type}:")
                    lines += out.data.get("text/plain", "").splitlines()
            elif out.output_type == "error":
                lines.append(f"{label} error: {out.ename}: {out.evalue}")
    return lines


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """Outputs a committed notebook must not have: errors and anything written to stderr (warnings)."""
    found = []
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"cell {index} raised {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                found.append(f"cell {index} wrote to stderr (handle or print warnings): {out.text[:500]!r}")
    return found


def differences(path: Path, fresh: nbformat.NotebookNode) -> str:
    """A unified diff of the committed notebook's printed outputs against a fresh run's; '' when identical."""
    committed = nbformat.read(path, as_version=4)
    return "".join(
        difflib.unified_diff(
            [ln + "\n" for ln in printed(committed)],
            [ln + "\n" for ln in printed(fresh)],
            fromfile=f"{rel(path)} (committed outputs)",
            tofile=f"{rel(path)} (fresh run)",
        )
    )


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- rendering the pages


def plugin_config():
    """mkdocs-jupyter's options as mkdocs.yml sets them (the cache key depends on them)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    try:
        return config.plugins[PLUGIN].config
    except KeyError:
        raise SystemExit(f"mkdocs.yml does not enable the {PLUGIN} plugin") from None


def cache_file(path: Path, options) -> Path:
    from mkdocs_jupyter.plugin import _compute_cache_key

    if not options["cache"]:
        raise SystemExit(f"mkdocs.yml must set cache: true for {PLUGIN}: the slim pages are stored as its cache")
    key = _compute_cache_key(str(path), options, options["execute"])
    return ROOT / options["cache_dir"] / f"{key}.json"


def _flat_toc(tokens: list[dict]) -> list[dict]:
    out = []
    for token in tokens:
        out.append(token)
        out += _flat_toc(token.get("children", []))
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


def slim(body: str, toc_tokens: list[dict], source: str) -> str:
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
    toc = _flat_toc(toc_tokens)
    if len(headings) != len(toc):
        raise ValueError(f"{source}: {len(headings)} headings but {len(toc)} table-of-contents entries")
    for heading, token in zip(headings, toc, strict=True):
        for link in heading.find_all("a", class_="anchor-link"):
            link.decompose()
        heading["id"] = token["id"]
        permalink = page.new_tag("a", attrs={"class": "headerlink", "href": f"#{token['id']}",
                                             "title": "Permanent link to this section"})
        permalink.string = "¶"
        heading.append(permalink)
    return f'<div class="notebook">\n{page.decode()}\n</div>\n'


def render(path: Path, options) -> dict:
    """The page content the plugin would cache for this notebook, slimmed."""
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    body = convert.nb2html(
        str(path),
        execute=False,
        kernel_name=options["kernel_name"],
        theme=options["theme"],
        allow_errors=options["allow_errors"],
        show_input=options["show_input"],
        no_input=options["no_input"],
        no_prompt=options["no_prompt"],
        remove_tag_config=options["remove_tag_config"],
        highlight_extra_classes=options["highlight_extra_classes"],
        include_requirejs=options["include_requirejs"],
        custom_mathjax_url=options["custom_mathjax_url"],
    )
    toc_tokens, title = _get_nb_toc_tokens(str(path), options["toc_depth"])
    return {"content": slim(body, toc_tokens, rel(path)), "toc_tokens": toc_tokens, "title": title}


def render_text(path: Path, options) -> str:
    return json.dumps(render(path, options), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def render_all(options=None) -> list[Path]:
    """Write the slim page of every notebook; remove cached pages that no notebook produces any more."""
    options = options or plugin_config()
    written = []
    for path in all_notebooks():
        target = cache_file(path, options)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_text(path, options), encoding="utf-8")
        written.append(target)
    for stale in (ROOT / options["cache_dir"]).glob("*.json"):
        if stale not in written:
            stale.unlink()
    return written


def stale_renders(options=None) -> list[str]:
    """Notebooks whose committed slim page is missing or out of date."""
    options = options or plugin_config()
    found = []
    for path in all_notebooks():
        target = cache_file(path, options)
        if not target.exists():
            found.append(f"{rel(path)}: no rendered page {rel(target)}")
        elif target.read_text(encoding="utf-8") != render_text(path, options):
            found.append(f"{rel(path)}: rendered page {rel(target)} is out of date")
    return found


# ---------------------------------------------------------------- command line


def _select(names: list[str]) -> list[Path]:
    if not names:
        return all_notebooks()
    paths = [Path(n).resolve() for n in names]
    for p in paths:
        if p.suffix != ".ipynb" or not p.is_file():
            raise SystemExit(f"not a notebook: {p}")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["update", "check", "render"])
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args(argv)
    if args.command == "render":
        for target in render_all():
            print(f"rendered {rel(target)}")
        return 0
    failed = False
    from nbclient.exceptions import CellExecutionError

    for path in _select(args.notebooks):
        try:
            fresh, seconds, cpu = execute(path)
        except CellExecutionError as exc:
            print(f"{rel(path)}: a cell failed:\n{exc}")
            failed = True
            continue
        found = problems(fresh)
        print(f"{rel(path)}: executed in {seconds:.1f} s wall, {cpu:.1f} s CPU")
        for p in found:
            print(f"  {p}")
        failed |= bool(found)
        if args.command == "update":
            if not found:
                write(fresh, path)
        else:
            diff = differences(path, copy.deepcopy(fresh))
            if diff:
                print(diff)
                failed = True
    if args.command == "update" and not failed:
        for target in render_all():
            print(f"rendered {rel(target)}")
    if args.command == "check":
        for problem in stale_renders():
            print(f"{problem}: run `python tools/notebooks.py render`")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
