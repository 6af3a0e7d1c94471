"""pytest-codeblocks silently skips fences it does not recognise; this makes sure no Python goes untested.

A Python fence in the docs or the README must be either a plain ```python fence (run by pytest-codeblocks) or
an include of a snippet file that the snippet tests run, or of the counter package's source (counter/), which
its own tests run.
"""

from __future__ import annotations

import re

from hooks.includes import INCLUDE
from tests.support import FENCE, ROOT

PYTHON_INFO = re.compile(r"^\{?\s*\.?(python|py|python3|pycon)\b", re.IGNORECASE)


def python_fences(text: str):
    for m in FENCE.finditer(text):
        info = m.group("info").strip()
        if PYTHON_INFO.match(info):
            yield text[: m.start()].count("\n") + 1, info, m.group("body")


def untested_python_fences(text: str, name: str) -> list[str]:
    problems = []
    for line, info, body in python_fences(text):
        lines = [ln for ln in body.splitlines() if ln.strip()]
        includes = [INCLUDE.match(ln) for ln in lines]
        includes = [m if m and re.fullmatch(r"(snippets|counter)/.+\.py", m.group("path")) else None for m in includes]
        if lines and all(includes):
            missing = [m.group("path") for m in includes if not (ROOT / m.group("path")).is_file()]
            if missing:
                problems.append(f"{name}:{line}: includes missing snippet {missing}")
        elif any("--8<--" in ln for ln in lines):
            problems.append(f"{name}:{line}: mixes an include with other code")
        elif info != "python":
            problems.append(
                f"{name}:{line}: ```{info} is skipped by pytest-codeblocks; "
                "use a plain ```python fence or include a snippet file"
            )
    return problems


def test_every_python_fence_is_tested():
    pages = sorted((ROOT / "docs").rglob("*.md")) + [ROOT / "README.md"]
    problems = [
        p for page in pages for p in untested_python_fences(page.read_text(encoding="utf-8"), str(page.relative_to(ROOT)))
    ]
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_skipped_fence():
    text = 'Intro\n\n```python title="demo.py"\nprint(1)\n```\n\n```python\nprint(2)\n```\n\n```py\nprint(3)\n```\n'
    problems = untested_python_fences(text, "page.md")
    assert len(problems) == 2, problems
    assert problems[0].startswith("page.md:3:") and 'title="demo.py"' in problems[0]
    assert problems[1].startswith("page.md:11:")
