"""Execute and check the notebooks in docs/notebooks/ (their pages are made by hooks/notebooks.py at build time,
from the committed outputs: the build never runs them).

    python tools/notebooks.py update [NOTEBOOK ...]   run from scratch and save the outputs in place
    python tools/notebooks.py check [NOTEBOOK ...]    run from scratch, exit 1 if the printed outputs differ

Running: each notebook is executed top to bottom by nbclient in a fresh kernel, in docs/notebooks/ (so it
finds its data file), with no cache. Outputs are then normalized so that a re-run on the same machine writes the
same bytes: no execution timestamps, no interpreter version, execution counts 1, 2, 3, ...

To work on a notebook interactively: ``pip install jupyterlab`` into the environment of requirements/test.txt,
run ``jupyter lab docs/notebooks/``, then ``python tools/notebooks.py update`` before committing.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import resource
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "docs" / "notebooks"
KERNEL = "python3"
CELL_TIMEOUT_S = 300
IOPUB_TIMEOUT_S = 60
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
        # nbclient waits only 4 s (its default) for a cell's output after the cell finishes, then drops the rest
        # with a warning; on a busy machine that loses printed lines.
        iopub_timeout=IOPUB_TIMEOUT_S,
        raise_on_iopub_timeout=True,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start, cpu_start = time.perf_counter(), _children_cpu_s()
    client.execute()  # shuts the kernel down and waits for it, so its CPU time is counted
    return normalize(nb), time.perf_counter() - start, _children_cpu_s() - cpu_start


def coalesced(outputs: list) -> list:
    """Consecutive stream outputs of one name merged into one, as nbconvert's CoalesceStreamsPreprocessor does:
    how a kernel splits a cell's printing into messages depends on timing, not on what was printed."""
    merged = []
    for out in outputs:
        if out.output_type == "stream" and merged and merged[-1].output_type == "stream" and merged[-1].name == out.name:
            merged[-1] = nbformat.from_dict({**merged[-1], "text": merged[-1].text + out.text})
        else:
            merged.append(out)
    return merged


def printed(nb: nbformat.NotebookNode) -> list[str]:
    """What the notebook printed, cell by cell: streams (merged, see ``coalesced``) and text/plain results;
    images by their presence only."""
    lines = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in coalesced(cell.get("outputs", [])):
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
    parser.add_argument("command", choices=["update", "check"])
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args(argv)
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
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
