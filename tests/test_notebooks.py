"""The notebooks in docs/notebooks/: they run from scratch and print what is committed, and the pages made from
them (hooks/notebooks.py) are plain site pages.

Each notebook is executed top to bottom by nbclient in a fresh kernel (no cache), exactly as
``python tools/notebooks.py check`` does; a failing cell, a warning on stderr or a printed line that differs from
the committed output fails the test with a diff. The pages are checked on the real built site. MkDocs checks a
notebook's links only because hooks/notebooks.py turns them into links to sources (tested below); the built pages'
links are checked with every other page's (tests/test_links.py), and their weight with every other page's, on what
the browser loads (tests/test_browser.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tests.support import build_problems, read_page
from tools import notebooks as nbtools

NOTEBOOKS = nbtools.all_notebooks()
IDS = [p.stem for p in NOTEBOOKS]
# A notebook trains its model in well under a minute of CPU; this only catches a runaway on a busy machine.
WALL_LIMIT_S = 240


def test_there_are_two_notebooks():
    assert IDS == ["build-a-tiny-language-model", "shrink-the-tiny-language-model"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_from_scratch_and_prints_the_committed_outputs(notebook_runs, path):
    """Run in the background from the start of the session (conftest.py: notebook_runs), both at once."""
    nb, seconds, _ = notebook_runs[path].result()  # a failing cell raises CellExecutionError, naming the cell
    assert not nbtools.problems(nb), nbtools.problems(nb)
    diff = nbtools.differences(path, nb)
    assert not diff, f"printed outputs differ; if the change is intended, run `python tools/notebooks.py update`:\n{diff}"
    assert seconds < WALL_LIMIT_S, f"{path.name} took {seconds:.0f} s"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_notebook_is_executed_and_normalized(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), "run `tools/notebooks.py update`"
    assert sum(1 for c in code if c.outputs) > len(code) // 2, "outputs missing: run `tools/notebooks.py update`"
    assert not nbtools.problems(nb)
    assert any("image/svg+xml" in o.get("data", {}) for c in code for o in c.outputs), "a figure is committed"
    assert path.read_text(encoding="utf-8") == nbformat.writes(nbtools.normalize(nb)) + "\n", (
        "not normalized (timestamps or metadata): run `python tools/notebooks.py update`")


def test_the_shared_cells_are_identical_in_both_notebooks():
    """Each notebook runs alone: the second repeats the first's data, model and training cells, unchanged."""
    shared = [[c.source for c in nbformat.read(p, as_version=4).cells if "shared" in c.metadata.get("tags", [])]
              for p in NOTEBOOKS]
    assert len(shared[0]) == 3 and shared[0] == shared[1]


def test_both_notebooks_train_the_same_model():
    """Same seed, same data, same arithmetic: the second notebook starts from the first one's final loss."""
    outputs = ["\n".join(nbtools.printed(nbformat.read(p, as_version=4))) for p in NOTEBOOKS]
    first = re.search(r"after \d+ steps: held-out loss (\d\.\d+), perplexity (\d+\.\d+)", outputs[0])
    second = re.search(r"trained: held-out loss (\d\.\d+), perplexity (\d+\.\d+)", outputs[1])
    assert first and second and first.groups() == second.groups()


def test_torch_and_the_parameter_count_tool_agree():
    text = "\n".join(nbtools.printed(nbformat.read(NOTEBOOKS[0], as_version=4)))
    row = re.search(r"^total\s+([\d,]+)\s+([\d,]+)$", text, re.MULTILINE)
    assert row and row.group(1) == row.group(2)


def test_a_changed_output_is_reported(tmp_path):
    """The comparison can fail: alter one printed line of a committed notebook and it shows up in the diff."""
    nb = nbformat.read(NOTEBOOKS[1], as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.outputs and c.outputs[0].output_type == "stream")
    first_line = cell.outputs[0].text.splitlines()[0]
    cell.outputs[0].text = cell.outputs[0].text.replace(first_line, first_line + " (changed)", 1)
    diff = nbtools.differences(NOTEBOOKS[1], nb)
    assert f"\n-{first_line}\n" in diff and f"\n+{first_line} (changed)\n" in diff


# ---------------------------------------------------------------- the built pages


def notebook_pages(site: Path) -> list[Path]:
    return [site / "notebooks" / p.stem / "index.html" for p in NOTEBOOKS]


def test_notebook_links_go_to_term_pages(built_site):
    """Concepts link to their term pages (rendered URLs), and the glossary hook gives them hover definitions."""
    for page in notebook_pages(built_site):
        html = page.read_text(encoding="utf-8")
        terms = set(re.findall(r'href="\.\./\.\./terms/([a-z0-9-]+)/"[^>]*data-term="\1"', html))
        assert len(terms) >= 6, f"{page.relative_to(built_site)} links only {sorted(terms)}"


def test_notebook_pages_offer_the_notebook_for_download(built_site):
    for path, page in zip(NOTEBOOKS, notebook_pages(built_site), strict=True):
        copy = page.parent / path.name
        assert copy.is_file() and copy.read_bytes() == path.read_bytes()
        assert f'href="{path.name}"' in page.read_text(encoding="utf-8")


def test_notebook_pages_are_slim(built_site):
    """That they load nothing from another host is checked with every other page's, in
    tests/test_build.py (test_no_page_loads_a_resource_from_another_host: scripts, style sheets, images and frames)."""
    for page in notebook_pages(built_site):
        html = page.read_text(encoding="utf-8")
        tags = read_page(page).tags
        rel = page.relative_to(built_site)
        assert "jp-Notebook" not in html and "<style" not in html, f"{rel}: mkdocs-jupyter's heavy page was used"
        for marker in ("mathjax", "require.js", "cdnjs", "clipboard-copy", "mermaid"):
            assert marker not in html.lower(), f"{rel} mentions {marker}"
        images = [a for tag, a in tags if tag == "img"]
        assert all(img.get("alt") for img in images), f"{rel}: a figure has no alternative text"
        assert sum(1 for img in images if img.get("src", "").startswith("data:image/svg+xml")) >= 1


def test_notebook_math_is_rendered_to_mathml(built_site):
    for page in notebook_pages(built_site):
        html = page.read_text(encoding="utf-8")
        content = html[html.index('<div class="notebook">'):]
        prose = re.sub(r"<pre.*?</pre>", "", content, flags=re.DOTALL)
        assert "<math" in content and "arithmatex" not in content
        assert "$" not in prose, "TeX left unrendered in a notebook page"


# ---------------------------------------------------------------- the notebook hook (hooks/notebooks.py)


def test_notebook_links_become_links_to_sources_that_mkdocs_checks():
    """Notebook links are written for the rendered page (for the notebook's own reader); the page made from the
    notebook links to the sources, so MkDocs validates them (strict) and rewrites them for the offline copy."""
    from hooks.notebooks import source_link

    sources = {"terms/parameter.md", "notebooks/build.ipynb", "notebooks/shrink.ipynb", "index.md", "notebooks/data.txt"}
    page_dir = "notebooks/build/"
    assert source_link("../../terms/parameter/", page_dir, sources) == "../terms/parameter.md"
    assert source_link("../../terms/parameter/#parameters-vs-buffers", page_dir, sources) == (
        "../terms/parameter.md#parameters-vs-buffers")
    assert source_link("../../", page_dir, sources) == "../index.md"
    assert source_link("../shrink/", page_dir, sources) == "shrink.ipynb"
    assert source_link("build.ipynb", page_dir, sources) == "build/build.ipynb"  # the download, next to the page
    assert source_link("../data.txt", page_dir, sources) == "data.txt"
    assert source_link("../../terms/gone/", page_dir, sources) == "../terms/gone.md"  # MkDocs reports it
    assert source_link("https://example.org/", page_dir, sources) == "https://example.org/"
    assert source_link("#section", page_dir, sources) == "#section"


def test_a_notebook_output_the_page_cannot_show_stops_the_build_naming_the_notebook():
    from mkdocs.exceptions import PluginError

    from hooks.notebooks import to_markdown

    notebook = {"cells": [{"cell_type": "code", "source": "1 / 0", "outputs": [
        {"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero", "traceback": []}]}]}
    with pytest.raises(PluginError, match=r"docs/notebooks/demo\.ipynb: .*error \(ZeroDivisionError\)"):
        to_markdown(notebook, "notebooks/demo/", set(), "docs/notebooks/demo.ipynb")


def test_a_notebook_page_shows_png_figures_and_html_tables_and_refuses_scripts():
    """The outputs notebooks commonly hold: a PNG (alternative text from the cell's metadata), a pandas table
    (kept as HTML, without its style sheet), and an SVG whose cell overrides its title."""
    from mkdocs.exceptions import PluginError

    from hooks.notebooks import to_markdown

    table = ('<div>\n<style scoped>\n  .dataframe tbody tr th { vertical-align: top; }\n</style>\n'
             '<table border="1" class="dataframe">\n\n<tr><th>layer</th><td>4096</td></tr>\n</table>\n</div>')

    def page(outputs, metadata=None):
        cell = {"cell_type": "code", "source": "x", "metadata": metadata or {}, "outputs": outputs}
        return to_markdown({"cells": [cell]}, "notebooks/demo/", set(), "docs/notebooks/demo.ipynb")

    png = page([{"output_type": "display_data", "data": {"image/png": "iVBORw0K\nGgo=\n", "text/plain": "<Figure>"}}],
               {"alt": "Loss falls from 4.2 to 1.9"})
    assert '<img alt="Loss falls from 4.2 to 1.9" src="data:image/png;base64,iVBORw0KGgo=">' in png
    assert "<Figure>" not in png
    html = page([{"output_type": "execute_result", "data": {"text/html": table, "text/plain": "   layer"}}])
    assert '<div class="notebook-html">' in html and "<table><tr><th>layer</th><td>4096</td></tr>" in html.replace(
        "\n", "")
    assert "<style" not in html and "dataframe" not in html and "\n\n<tr>" not in html
    svg = '<svg><metadata><dc:title>From the SVG</dc:title></metadata></svg>'
    assert 'alt="From the cell"' in page([{"output_type": "display_data", "data": {"image/svg+xml": svg}}],
                                          {"alt": "From the cell"})
    with pytest.raises(PluginError, match=r"docs/notebooks/demo\.ipynb: a figure has no alternative text"):
        page([{"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo="}}])
    with pytest.raises(PluginError, match=r"docs/notebooks/demo\.ipynb: an HTML output holds a script"):
        page([{"output_type": "display_data", "data": {"text/html": "<div><script>alert(1)</script></div>"}}])


@pytest.mark.slow
def test_a_notebook_with_a_png_and_a_table_builds_strict(offline_additions_build):
    """The same outputs (DEMO_NOTEBOOK) through a real strict build, the offline copy's: the page has the figure with
    its text and the table. That build also holds the validation test's bad links, which fail it at its end: strict
    here means that nothing else warns or fails: every warning names docs/terms/parameter.md, and the build stops
    only for warnings, once every page is written."""
    site, proc = offline_additions_build
    others = [line for line in build_problems(proc.stderr) if "'terms/parameter.md'" not in line]
    assert not others, proc.stderr[-3000:]
    assert proc.returncode == 0 or re.search(r"^Aborted with \d+ warnings in strict mode!$", proc.stdout, re.M), (
        proc.stdout[-3000:] + proc.stderr[-3000:])
    html = (site / "notebooks" / "demo.html").read_text(encoding="utf-8")
    assert 'alt="A one-pixel plot" src="data:image/png;base64,iVBORw0KGgo' in html
    assert "<th>weights</th><td>4096</td>" in html and "color: red" not in html
