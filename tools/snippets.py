"""Run the documentation snippets fast, each isolated, and compare or rewrite their golden outputs.

A snippet is ``snippets/<slug>/<name>.py``; its golden stdout is ``<name>.out`` beside it, and any figure it
saves in its working directory (``.svg``/``.png``) is committed as ``docs/assets/figures/<slug>/<file>``; an SVG
is committed minified (``minify_svg``), so snippets save plain matplotlib output and stay short.

A snippet runs alone, as a reader who downloaded it runs it: the runner copies the file, and only the data files
it names, into an empty folder and runs the copy there (working directory and ``sys.path[0]`` both that folder).
So a snippet that imports a module beside it or opens a file it does not name fails here, as it would for the
reader. It names its data files on one comment line, ``# data: corpus.txt, corpus_balanced.txt``: bare file
names, each a file in ``data/``, which it opens by name (``open("corpus.txt")``). The site publishes each at
``/data/<name>`` and offers it next to the snippet (hooks/snippet_files.py reads the same line, with
``data_files`` below).

Importing torch costs seconds, so one warm "zygote" process imports numpy, torch and matplotlib once and forks
a child per snippet. The child starts from the zygote's pristine state (the zygote itself never runs a
snippet or a torch op), so no state leaks between snippets: globals, RNG, default dtype, grad mode and thread
count are all fresh.

    python tools/snippets.py update [SNIPPET ...]   rewrite goldens and figures by running the code
    python tools/snippets.py check [SNIPPET ...]    compare, print diffs, exit 1 on any difference
        --other-cpu --threads 1                     ... as if on another CPU (see OTHER_CPU_ENV)
    python tools/snippets.py bench                  time the warm runner against the snippets' own compute
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "snippets"
DATA = ROOT / "data"  # the data files that snippets name (data/README.md says what each is)
FIGURES = ROOT / "docs" / "assets" / "figures"
FIGURE_SUFFIXES = {".svg", ".png"}
# What an SVG loses on its way to the site: digits past 0.1 pt in attribute values, indents, matplotlib's group
# ids, groups around a single element, no-op rotations and the XML preamble. The drawing is the same; the file
# is about a fifth smaller.
SVG_MINIFY = [
    (re.compile(r'="[^"]*"'), lambda m: re.sub(r"(\.\d)\d+", r"\1", m[0])),
    (re.compile(r"\n\s+"), "\n"),
    (re.compile(r'<g id="[^"]*">'), "<g>"),
    (re.compile(r"<g>\n(<[^\n]*/>)\n</g>"), r"\1"),
    (re.compile(r' transform="rotate\(-0 [^"]*"'), ""),
    (re.compile(r"(?s)<\?xml.*?<svg"), "<svg"),
]
# A snippet should take about a second after imports; this limit only catches runaways.
TIME_LIMIT_S = 60


# Another reader's CPU takes other float paths: other SIMD kernels in torch's ATen, oneDNN, MKL, OpenBLAS and
# numpy. torch 2.13 and numpy 2.4 honour each of these variables on an AVX-512 CPU (each alone changed a trained
# loss in its 4th digit or int8 matmul results; MKL_ENABLE_INSTRUCTIONS changed nothing and is left out).
# Set before torch and numpy are imported; together they stand for a CPU without AVX-512. The x86 names mean
# nothing elsewhere (OpenBLAS on ARM would complain on stderr), so other machines vary ATen alone.
OTHER_CPU_ENV = {"ATEN_CPU_CAPABILITY": "default"}  # torch's own kernels, not vectorized
if platform.machine().lower() in ("x86_64", "amd64"):
    OTHER_CPU_ENV |= {
        "ONEDNN_MAX_CPU_ISA": "AVX2",  # oneDNN (linear layers, int8 matmul) without AVX-512
        "MKL_CBWR": "COMPATIBLE",  # MKL's conditional-reproducibility SSE2 path
        "OPENBLAS_CORETYPE": "Prescott",  # numpy's BLAS with SSE3 kernels
        "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR",  # numpy's ufuncs, no AVX-512
    }


def all_snippets() -> list[Path]:
    """Every runnable snippet; files and folders starting with '_' are data or helpers, not snippets."""
    return sorted(
        p for p in SNIPPETS.glob("*/*.py") if not p.name.startswith("_") and not p.parent.name.startswith("_")
    )


# A snippet's data files, on one line of their own: "# data: corpus.txt, corpus_balanced.txt".
DATA_LINE = re.compile(r"^# data:(.*)$", re.MULTILINE)


class SnippetError(ValueError):
    """A snippet that breaks the runner's conventions (its data files); the message names the snippet."""


def data_files(path: Path) -> list[str]:
    """The data files a snippet names on its ``# data:`` line, in order: bare file names, comma-separated."""
    lines = DATA_LINE.findall(path.read_text(encoding="utf-8"))
    if not lines:
        return []
    where = rel(path)
    if len(lines) > 1:
        raise SnippetError(f"{where}: name the data files on one '# data:' line, not {len(lines)}")
    names = [n for n in re.split(r"[,\s]+", lines[0]) if n]
    if not names:
        raise SnippetError(f"{where}: its '# data:' line names no file")
    for name in names:
        if "/" in name or "\\" in name or name in (".", ".."):
            raise SnippetError(
                f"{where}: '# data:' names {name!r}, which is not a bare file name (a data file lies in data/ "
                "and the snippet opens it by name, from its working directory)"
            )
    return list(dict.fromkeys(names))


def data_source(path: Path, name: str) -> Path:
    """The file in data/ that a snippet's ``# data:`` line names; a name with no such file is a SnippetError."""
    source = DATA / name
    if not source.is_file():
        raise SnippetError(f"{rel(path)} names the data file {name!r} on its '# data:' line, but "
                           f"{rel(source)} does not exist")
    return source


def snippet_id(path: Path) -> str:
    return path.relative_to(SNIPPETS).with_suffix("").as_posix()


def rel(path: Path) -> str:
    """A path as the reader knows it: relative to the repository when it is inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def golden_path(path: Path) -> Path:
    return path.with_suffix(".out")


def figure_dir(path: Path) -> Path:
    return FIGURES / path.parent.name


@dataclass
class Result:
    path: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float  # the snippet's own run time, measured inside the child
    figures: dict[str, bytes]  # file name -> content, for figures the snippet saved
    stray_files: list[str]  # anything else it wrote in its working directory (or a data file it changed)
    error: str = ""  # why the snippet could not be set up to run (a data file it names is missing)

    @property
    def ok(self) -> bool:
        return not self.error and self.returncode == 0 and not self.stderr and not self.stray_files

    def problem(self) -> str:
        """A message naming the file and what went wrong, or '' when the run was clean."""
        name = rel(self.path)
        if self.error:
            return self.error
        if self.returncode != 0:
            hint = ""
            if re.search(r"^(?:FileNotFoundError|ModuleNotFoundError)\b", self.stderr, re.MULTILINE):
                hint = ("\n(a snippet runs alone, in an empty folder holding only itself and the data files on its "
                        "'# data:' line: it may import only installed packages and open only those files)")
            return f"{name} exited with status {self.returncode}:\n{self.stderr}{hint}"
        if self.stderr:
            return f"{name} wrote to stderr (warnings must be handled or printed, not leaked):\n{self.stderr}"
        if self.stray_files:
            return f"{name} wrote files other than figures into its working directory: {self.stray_files}"
        return ""


# ---------------------------------------------------------------- the zygote (runs in its own process)


def _zygote() -> None:
    """Import the heavy libraries once, then fork one child per request read from stdin."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import numpy  # noqa: F401
    import torch  # noqa: F401

    # Creating the first optimizer (or initialising on the meta device) imports torch's compile machinery,
    # about 800 modules and a second of CPU; import it once here instead of in every snippet that trains.
    import torch._dynamo  # noqa: F401
    import torch.optim  # noqa: F401

    # The one warning that depends on the clock, not on the snippet: matplotlib warns when placing a legend at
    # loc="best" took over a second of wall time, which on a busy machine a legend of a dozen points does (it
    # failed a run under load; the same placement takes a millisecond when the machine is idle).
    warnings.filterwarnings("ignore", message='Creating legend with loc="best" can be slow')

    # Children would otherwise let the garbage collector walk (and so copy, page by page) every object the
    # imports created; frozen objects are left alone.
    gc.collect()
    gc.freeze()

    requests, replies = sys.stdin, sys.stdout
    sys.stdout = sys.stderr  # nothing but replies may reach the protocol pipe
    replies.write("ready\n")
    replies.flush()
    for line in requests:
        req = json.loads(line)
        replies.write(json.dumps(_run_forked(req)) + "\n")
        replies.flush()


_unreaped: list[int] = []


def _run_forked(req: dict) -> dict:
    workdir = Path(req["workdir"])
    out_f, err_f, time_f = (workdir.parent / f"{workdir.name}.{s}" for s in ("stdout", "stderr", "time"))
    for pid in list(_unreaped):  # children that finished earlier and have exited by now
        if os.waitpid(pid, os.WNOHANG)[0]:
            _unreaped.remove(pid)
    done_r, done_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(done_r)
        code = 1
        try:
            import runpy
            import traceback

            fd_out = os.open(out_f, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            fd_err = os.open(err_f, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(fd_out, 1)
            os.dup2(fd_err, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
            os.chdir(workdir)
            if req.get("threads"):
                import torch

                torch.set_num_threads(req["threads"])
            sys.argv = [req["path"]]
            sys.path[0] = str(Path(req["path"]).parent)
            start = time.perf_counter()
            try:
                runpy.run_path(req["path"], run_name="__main__")
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                if exc.code is not None and not isinstance(exc.code, int):
                    print(exc.code, file=sys.stderr)
            except BaseException:
                traceback.print_exc()
                code = 1
            Path(time_f).write_text(str(time.perf_counter() - start))
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
                # Report before exiting: tearing down a copy of a large process takes longer than many
                # snippets, and the next one need not wait for it.
                os.write(done_w, str(code).encode())
            finally:
                os._exit(code)
    os.close(done_w)
    reported = os.read(done_r, 32)
    os.close(done_r)
    if reported:
        _unreaped.append(pid)
        return {"returncode": int(reported)}
    _, status = os.waitpid(pid, 0)  # it died without reporting (a crash or a signal): ask the kernel why
    return {"returncode": os.waitstatus_to_exitcode(status)}


# ---------------------------------------------------------------- the client


class WarmRunner:
    """Starts the zygote once; ``run(path)`` executes one snippet in a fresh forked child."""

    def __init__(self, threads: int | None = None, env: dict[str, str] | None = None, wait: bool = True):
        """``env`` is added to the zygote's environment before it imports torch (e.g. a dispatch setting). With
        ``wait=False`` the zygote imports torch while the caller goes on; the first run waits for it."""
        self.threads = threads
        self.tmp = Path(tempfile.mkdtemp(prefix="snippets-"))
        # Passive OpenMP waiting: idle torch threads sleep instead of spinning, which on a busy two-core
        # machine otherwise costs several times the snippet's own work.
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0", OMP_WAIT_POLICY="PASSIVE", **(env or {}))
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "_zygote"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.ready = False
        self.count = 0
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        if not self.ready:
            if self.proc.stdout.readline().strip() != "ready":
                raise RuntimeError("the snippet runner failed to start (see stderr above)")
            self.ready = True

    def run(self, path: Path) -> Result:
        """Run a copy of the snippet in an empty folder that holds only it and the data files it names."""
        self.wait_ready()
        path = Path(path)
        self.count += 1
        workdir = self.tmp / f"run{self.count}"
        workdir.mkdir()
        copy = workdir / path.name
        try:
            sources = {name: data_source(path, name) for name in data_files(path)}
        except SnippetError as exc:
            return Result(path, 1, "", "", float("nan"), {}, [], error=str(exc))
        placed = {}  # what the runner put in the folder -> (size, mtime), to tell it from what the snippet wrote
        for source, dest in [(path, copy), *((s, workdir / n) for n, s in sources.items())]:
            shutil.copyfile(source, dest)
            placed[dest.name] = _signature(dest)
        req = {"path": str(copy), "workdir": str(workdir), "threads": self.threads}
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        read = lambda s: (self.tmp / f"{workdir.name}.{s}").read_text(encoding="utf-8")  # noqa: E731
        time_file = self.tmp / f"{workdir.name}.time"
        figures, stray = {}, []
        for f in sorted(workdir.rglob("*")):
            if not f.is_file():
                continue
            name = f.relative_to(workdir).as_posix()
            if name in placed:
                if _signature(f) != placed[name]:
                    stray.append(name)  # the snippet wrote over its own copy or a data file
            elif f.suffix in FIGURE_SUFFIXES and f.parent == workdir:
                data = f.read_bytes()
                figures[f.name] = minify_svg(data) if f.suffix == ".svg" else data
            else:
                stray.append(name)
        return Result(
            path=path,
            returncode=reply["returncode"],
            stdout=read("stdout"),
            # Tracebacks name the file the reader knows, not the runner's copy of it.
            stderr=read("stderr").replace(str(copy), rel(path)),
            seconds=float(time_file.read_text()) if time_file.exists() else float("nan"),
            figures=figures,
            stray_files=stray,
        )

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def minify_svg(data: bytes) -> bytes:
    """The SVG a snippet saved, as the site publishes it (SVG_MINIFY)."""
    text, before = data.decode("utf-8"), None
    while text != before:  # until nothing changes: unwrapping a group can leave its parent wrapping one element
        before = text
        for pattern, new in SVG_MINIFY:
            text = pattern.sub(new, text)
    return text.encode("utf-8")


def _signature(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


# ---------------------------------------------------------------- comparing with what is committed


def differences(result: Result) -> list[str]:
    """Every way the run differs from the committed golden and figures, as messages naming the file."""
    problems = []
    golden = golden_path(result.path)
    if not golden.exists():
        problems.append(f"{rel(golden)} is missing: run `nox -s update` to write it")
    else:
        expected = golden.read_text(encoding="utf-8")
        if expected != result.stdout:
            diff = difflib.unified_diff(
                expected.splitlines(keepends=True),
                result.stdout.splitlines(keepends=True),
                fromfile=f"{rel(golden)} (committed)",
                tofile=f"{rel(result.path)} (actual output)",
            )
            problems.append(f"{rel(golden)} is stale (update it with `nox -s update`, then review the diff):\n" + "".join(diff))
    fig_dir = figure_dir(result.path)
    for name, data in result.figures.items():
        committed = fig_dir / name
        if not committed.exists():
            problems.append(f"{rel(committed)} is missing: run `nox -s update`")
        elif committed.read_bytes() != data:
            problems.append(
                f"{rel(committed)} differs from what {rel(result.path)} draws now"
            )
    return problems


def write_goldens(result: Result) -> None:
    golden_path(result.path).write_text(result.stdout, encoding="utf-8")
    if result.figures:
        fig_dir = figure_dir(result.path)
        fig_dir.mkdir(parents=True, exist_ok=True)
        for name, data in result.figures.items():
            (fig_dir / name).write_bytes(data)


def _select(names: list[str]) -> list[Path]:
    if not names:
        return all_snippets()
    paths = []
    for n in names:
        p = Path(n).resolve()
        if p.is_dir():
            paths += sorted(q for q in p.glob("*.py") if not q.name.startswith("_"))
        elif p.suffix == ".py" and p.exists():
            paths.append(p)
        else:
            sys.exit(f"not a snippet or snippet folder: {n}")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["update", "check", "bench", "_zygote"])
    parser.add_argument("snippets", nargs="*")
    parser.add_argument("--threads", type=int, default=2, help="torch threads in each child (goldens use 2)")
    parser.add_argument("--other-cpu", action="store_true", help="run under OTHER_CPU_ENV (for check)")
    args = parser.parse_intermixed_args(argv)
    if args.command == "_zygote":
        _zygote()
        return 0
    paths = _select(args.snippets)
    failed = 0
    wall_start = time.perf_counter()
    own = 0.0
    with WarmRunner(threads=args.threads, env=OTHER_CPU_ENV if args.other_cpu else None) as runner:
        started = time.perf_counter() - wall_start
        for path in paths:
            result = runner.run(path)
            own += result.seconds
            problem = result.problem()
            if problem:
                failed += 1
                print(problem, file=sys.stderr)
                continue
            if args.command == "update":
                write_goldens(result)
            elif args.command == "check":
                for msg in differences(result):
                    failed += 1
                    print(msg, file=sys.stderr)
    wall = time.perf_counter() - wall_start
    if args.command == "bench":
        print(f"snippets: {len(paths)}")
        print(f"sum of the snippets' own run times: {own:.2f} s")
        print(f"suite wall time: {wall:.2f} s, of which {started:.2f} s starting the runner (one import of torch)")
        print(f"ratio wall / own: {wall / own:.2f} (excluding the start: {(wall - started) / own:.2f})")
    elif args.command == "update":
        print(f"ran {len(paths)} snippets, {failed} failed; goldens written for the rest")
    else:
        print(f"checked {len(paths)} snippets, {failed} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
