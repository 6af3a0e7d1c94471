"""Every snippet runs, cleanly, and prints exactly its committed golden; every figure is what its code draws."""

from __future__ import annotations

import re
import sys

import pytest

from hooks.includes import included_paths
from tests.support import ROOT
from tools import snippets as snippet_tools

SNIPPETS = snippet_tools.all_snippets()
DOC_PAGES = sorted((ROOT / "docs").rglob("*.md"))
NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def included_files() -> dict[str, set[str]]:
    """Included path -> the pages that include it."""
    found: dict[str, set[str]] = {}
    for page in DOC_PAGES:
        for path in included_paths(page.read_text(encoding="utf-8")):
            found.setdefault(path, set()).add(page.relative_to(ROOT).as_posix())
    return found


def test_there_are_snippets():
    assert len(SNIPPETS) >= 5, "the snippet collection is unexpectedly small: is snippets/ missing?"


@pytest.mark.parametrize("path", SNIPPETS, ids=snippet_tools.snippet_id)
def test_snippet_matches_golden(path, snippet_results):
    result = snippet_results[path]
    problem = result.problem()
    assert not problem, problem
    differences = snippet_tools.differences(result)
    assert not differences, "\n".join(differences)
    assert result.seconds < snippet_tools.TIME_LIMIT_S, f"{path} took {result.seconds:.1f} s"


def test_every_golden_has_its_snippet():
    orphans = [p.relative_to(ROOT).as_posix() for p in sorted(ROOT.glob("snippets/*/*.out"))
               if not p.with_suffix(".py").exists()]
    assert not orphans, f"golden outputs without a snippet (delete them or restore the snippet): {orphans}"


def test_every_snippet_and_golden_is_on_a_page():
    included = included_files()
    missing = []
    for path in SNIPPETS:
        for f in (path, snippet_tools.golden_path(path)):
            rel = f.relative_to(ROOT).as_posix()
            if rel not in included:
                missing.append(rel)
    assert not missing, f"no page under docs/ includes these files: {missing}"


def test_pages_show_output_where_they_show_code():
    """A page that includes a snippet also includes its output, so no code appears without what it printed."""
    included = included_files()
    lonely = [
        f"{path} on {sorted(pages)}"
        for path, pages in included.items()
        if path.startswith("snippets/") and path.endswith(".py")
        and not pages & included.get(path[:-3] + ".out", set())
    ]
    assert not lonely, f"snippets included without their .out on the same page: {lonely}"


def test_every_figure_is_drawn_by_a_snippet(snippet_results):
    drawn = {
        (snippet_tools.figure_dir(p) / name).resolve()
        for p in SNIPPETS
        for name in snippet_results[p].figures
    }
    committed = sorted(p.resolve() for p in snippet_tools.FIGURES.rglob("*") if p.is_file())
    stale = [p.relative_to(ROOT).as_posix() for p in committed if p not in drawn]
    assert not stale, f"figures that no snippet draws any more (delete them): {stale}"


def test_a_minified_figure_draws_the_same_as_matplotlibs(tmp_path):
    """minify_svg keeps every drawn element and every text, and moves no coordinate by 0.1 pt or more."""
    import io
    import xml.etree.ElementTree as ET

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([0, 1.23456, 2], [3.14159, 2.71828, 0.57721], marker="o", label="lr=0.005")
    ax.bar([0.5, 1.5], [1.41421, 1.73205])
    ax.legend()
    out = io.BytesIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    before, after = out.getvalue(), snippet_tools.minify_svg(out.getvalue())
    assert len(after) < 0.85 * len(before)

    def drawn(svg: bytes):
        root = ET.fromstring(svg)
        elements = [e for e in root.iter() if e.tag.split("}")[1] in ("path", "use", "text", "rect")]
        numbers = [float(n) for e in elements for k, v in sorted(e.attrib.items())
                   if k not in ("id", "style") and not v.startswith("rotate(-0 ")  # a rotation by 0 goes
                   for n in re.findall(r"-?\d+\.?\d*", v)]
        return [e.tag for e in elements], [e.text for e in elements], numbers

    tags, texts, numbers = drawn(before)
    tags_after, texts_after, numbers_after = drawn(after)
    assert (tags_after, texts_after) == (tags, texts)
    assert "lr=0.005" in texts
    assert len(numbers_after) == len(numbers)
    assert max(abs(a - b) for a, b in zip(numbers, numbers_after, strict=True)) < 0.1
    assert snippet_tools.minify_svg(after) == after  # what is committed is already minified


TWINS = [p for p in SNIPPETS if p.stem.endswith("_numpy") and p.with_name(p.stem[:-6] + "_torch.py").exists()]


@pytest.mark.parametrize("numpy_path", TWINS, ids=snippet_tools.snippet_id)
def test_numpy_and_torch_twins_print_the_same_numbers(numpy_path):
    torch_path = numpy_path.with_name(numpy_path.stem[:-6] + "_torch.py")
    a = NUMBER.findall(snippet_tools.golden_path(numpy_path).read_text())
    b = NUMBER.findall(snippet_tools.golden_path(torch_path).read_text())
    assert a, f"{numpy_path.name} prints no numbers"
    assert a == b, f"{numpy_path.name} and {torch_path.name} print different numbers:\n{a}\n{b}"


# ---------------------------------------------------------------- bad input gives a clear error


def test_snippet_that_raises_fails_with_its_traceback(tmp_path, runner):
    bad = tmp_path / "bad" / "divide.py"
    bad.parent.mkdir()
    bad.write_text("print('before')\nx = 1 / 0\n")
    result = runner.run(bad)
    assert result.returncode == 1
    message = result.problem()
    assert str(bad) in message and "ZeroDivisionError" in message and "line 2" in message


def test_stale_golden_fails_with_a_diff(tmp_path, runner):
    snippet = tmp_path / "demo" / "hello.py"
    snippet.parent.mkdir()
    snippet.write_text("print('hello', 42)\n")
    snippet.with_suffix(".out").write_text("hello 41\n")
    result = runner.run(snippet)
    assert result.ok
    (message,) = snippet_tools.differences(result)
    assert "hello.out is stale" in message
    assert "-hello 41" in message and "+hello 42" in message


def test_missing_golden_is_reported(tmp_path, runner):
    snippet = tmp_path / "demo" / "quiet.py"
    snippet.parent.mkdir()
    snippet.write_text("print(1)\n")
    (message,) = snippet_tools.differences(runner.run(snippet))
    assert "quiet.out is missing" in message


def test_warnings_and_stray_files_are_not_clean(tmp_path, runner):
    snippet = tmp_path / "demo" / "noisy.py"
    snippet.parent.mkdir()
    snippet.write_text("import sys, warnings\nwarnings.warn('careful')\nopen('notes.txt', 'w').write('x')\n")
    result = runner.run(snippet)
    assert "wrote to stderr" in result.problem() and "careful" in result.stderr
    assert result.stray_files == ["notes.txt"]


def test_children_do_not_leak_torch_state(tmp_path, runner):
    """One snippet changing global torch state must not affect the next one."""
    first = tmp_path / "demo" / "change_state.py"
    first.parent.mkdir()
    first.write_text(
        "import torch\ntorch.set_default_dtype(torch.float64)\ntorch.set_grad_enabled(False)\n"
        "torch.set_num_threads(1)\ntorch.manual_seed(123)\nprint(torch.rand(1).item())\n"
    )
    second = tmp_path / "demo" / "read_state.py"
    second.write_text(
        "import torch\nprint(torch.get_default_dtype(), torch.is_grad_enabled())\n"
        "print(torch.get_num_threads(), torch.rand(1).item())\n"
        "print('leaked global:', 'torch' in dir(__builtins__) or 'change_state' in globals())\n"
    )
    fresh = runner.run(second).stdout
    runner.run(first)
    after = runner.run(second).stdout
    assert after == fresh
    assert after.splitlines()[0] == "torch.float32 True"


# ---------------------------------------------------------------- each snippet runs alone, with its named data


def test_a_snippet_that_leans_on_its_folder_fails_alone(tmp_path, runner):
    """The runner runs a copy of the snippet in an empty folder: a module or a file beside the snippet in the
    repository is not there. Both programs work in their own folder (the control), and fail under the runner."""
    import subprocess

    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "helper.py").write_text("VALUE = 7\n")
    (folder / "notes.txt").write_text("beside the snippet\n")
    imports = folder / "imports_sibling.py"
    imports.write_text("import helper\n\nprint(helper.VALUE)\n")
    reads = folder / "reads_beside.py"
    reads.write_text("from pathlib import Path\n\nprint(Path(__file__).with_name('notes.txt').read_text())\n")
    for snippet, expected in [(imports, "7\n"), (reads, "beside the snippet\n\n")]:
        alone = subprocess.run([sys.executable, str(snippet)], capture_output=True, text=True, cwd=tmp_path)
        assert alone.stdout == expected, alone.stderr  # the control: run beside its neighbours, it works

    result = runner.run(imports)
    assert result.returncode == 1
    message = result.problem()
    assert message.startswith(str(imports)) and "No module named 'helper'" in message
    assert f'File "{imports}", line 1' in message, "the traceback names the snippet, not the runner's copy"
    assert "runs alone" in message

    result = runner.run(reads)
    assert result.returncode == 1
    assert "FileNotFoundError" in result.problem() and "notes.txt" in result.problem()


def test_a_snippet_finds_the_data_files_it_names(tmp_path, runner, monkeypatch):
    """Named data files are copied from data/ beside the snippet; they are neither figures nor stray outputs
    (even one that ends in .png), and one the snippet changes is reported."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "table.csv").write_text("a,b\n1,2\n")
    (data / "logo.png").write_bytes(b"not really a png")
    monkeypatch.setattr(snippet_tools, "DATA", data)
    snippet = tmp_path / "demo" / "reads_data.py"
    snippet.parent.mkdir()
    snippet.write_text('"""Reads two data files."""\n\n# data: table.csv, logo.png\n\n'
                       'print(open("table.csv").read().split()[1], len(open("logo.png", "rb").read()))\n')
    result = runner.run(snippet)
    assert result.ok, result.problem()
    assert result.stdout == "1,2 16\n"
    assert result.figures == {} and result.stray_files == []

    snippet.write_text("# data: table.csv\n\nopen('table.csv', 'a').write('3,4\\n')\n")
    assert runner.run(snippet).stray_files == ["table.csv"]


def test_a_named_data_file_that_is_missing_is_a_clear_error(tmp_path, runner, monkeypatch):
    monkeypatch.setattr(snippet_tools, "DATA", tmp_path / "data")
    snippet = tmp_path / "demo" / "needs_data.py"
    snippet.parent.mkdir()
    snippet.write_text("# data: missing.txt\n\nprint(open('missing.txt').read())\n")
    result = runner.run(snippet)
    assert not result.ok and result.stdout == ""
    message = result.problem()
    assert str(snippet) in message and "'missing.txt'" in message and "does not exist" in message


@pytest.mark.parametrize(
    "lines, error",
    [
        pytest.param("# data: ../../data/corpus.txt", "not a bare file name", id="a-path"),
        pytest.param("# data: a.txt\n# data: b.txt", "on one '# data:' line", id="two-lines"),
        pytest.param("# data:", "names no file", id="empty"),
    ],
)
def test_a_bad_data_line_names_the_snippet(tmp_path, lines, error):
    snippet = tmp_path / "bad_data.py"
    snippet.write_text(f"{lines}\n\nprint(1)\n")
    with pytest.raises(snippet_tools.SnippetError, match=error) as info:
        snippet_tools.data_files(snippet)
    assert str(snippet) in str(info.value)


def unread_data_files(path) -> list[str]:
    """Names on a snippet's '# data:' line that its code never opens by that name (a stale declaration)."""
    text = snippet_tools.DATA_LINE.sub("", path.read_text(encoding="utf-8"))
    return [n for n in snippet_tools.data_files(path) if f'"{n}"' not in text and f"'{n}'" not in text]


def test_every_named_data_file_is_read_by_its_snippet(tmp_path):
    stale = {snippet_tools.snippet_id(p): unread_data_files(p) for p in SNIPPETS}
    stale = {k: v for k, v in stale.items() if v}
    assert not stale, f"snippets that name data files on their '# data:' line but never open them: {stale}"
    demo = tmp_path / "demo.py"  # the check can fail
    demo.write_text("# data: corpus.txt, other.txt\n\nprint(open('corpus.txt').read())\n")
    assert unread_data_files(demo) == ["other.txt"]


@pytest.mark.slow
def test_snippets_run_standalone():
    """The warm runner is an optimisation: a plain interpreter gives the same output (checked on one snippet)."""
    import subprocess

    path = ROOT / "snippets" / "parameter" / "count_numpy.py"
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, check=True).stdout
    assert out == path.with_suffix(".out").read_text()
