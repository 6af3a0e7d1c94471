"""Run the whole suite as two pytest processes at once, one per test group (tests/support: TEST_GROUPS), and exit
as pytest would: `python -m tests [pytest arguments]`, what `nox -s tests` runs.

One pytest process leaves a core idle on a two-core machine for most of the run: its tests run one after another,
and the work it starts in the background (the snippets' runs, the page loads) finishes long before them. Two
processes, each with its own group's tests and background work, keep both cores busy. Each process writes its
report to a file, shown whole when it ends, so that the two reports do not interleave.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

from tests.support import TEST_GROUPS

NO_TESTS_COLLECTED = 5  # pytest's exit code when the arguments select nothing in a group


def main(args: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="test-groups-") as logs:
        runs = {}
        for group in TEST_GROUPS:
            log = open(f"{logs}/{group}.log", "w+", encoding="utf-8")
            command = [sys.executable, "-m", "pytest", f"--group={group}", *args]
            runs[group] = (subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT), log)
        codes = {}
        for group, (process, log) in runs.items():
            codes[group] = process.wait()
            log.seek(0)
            print(f"\n{'=' * 30} group {group!r}: exit code {codes[group]} {'=' * 30}")
            print(log.read(), end="", flush=True)
            log.close()
    ran = [code for code in codes.values() if code != NO_TESTS_COLLECTED]
    return max(ran) if ran else NO_TESTS_COLLECTED


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
