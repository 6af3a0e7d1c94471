"""Sessions: serve, build, pdf, tests, quick, update (goldens), bench, lint. `nox -s tests` is what CI runs."""

import os
import shutil

import nox

from tools.chromium import CHROMIUM
from tools.lighthouse import LIGHTHOUSE_CHROME

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]

PYTHON = "3.11"
QUIET_MKDOCS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@nox.session(python=PYTHON)
def serve(session):
    """Build the site and serve it at http://127.0.0.1:8000 (rebuilds on change)."""
    session.install("-r", "requirements/docs.txt")
    session.run("mkdocs", "serve", "--strict", "-a", "127.0.0.1:8000", *session.posargs, env=QUIET_MKDOCS)


def _commit_time() -> dict:
    """SOURCE_DATE_EPOCH = the last commit's time, so the one date in the site (sitemap lastmod) is reproducible."""
    import subprocess

    proc = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True)
    return {"SOURCE_DATE_EPOCH": proc.stdout.strip()} if proc.returncode == 0 and proc.stdout.strip() else {}


@nox.session(python=PYTHON)
def build(session):
    """Build the site into site/ with strict validation (OFFLINE=true for a copy that works from disk)."""
    session.install("-r", "requirements/docs.txt")
    session.run("mkdocs", "build", "--strict", *session.posargs, env={**QUIET_MKDOCS, **_commit_time()})


def _ensure_debian(session, command, *packages):
    """Install Debian's packages when `command` (a path, or a name on PATH) is missing (needs root, as in CI)."""
    if os.path.exists(command) or shutil.which(command):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    session.run(*sudo, "apt-get", "update", "-q", external=True)
    session.run(*sudo, "apt-get", "install", "-y", "-q", *packages, external=True,
                env={"DEBIAN_FRONTEND": "noninteractive"})


def _ensure_chromium(session):
    """The browser tests and the PDF drive Debian's Chromium headless shell, and the calculator's core runs in Node."""
    _ensure_debian(session, CHROMIUM, "chromium-headless-shell")
    _ensure_debian(session, "node", "nodejs")


@nox.session(python=PYTHON)
def pdf(session):
    """The whole glossary as one PDF, printed by headless Chromium from the print view: SITE_DIR/
    llm-parameter-glossary.pdf, for the built site SITE_DIR (default site/, built first if it is not there)."""
    session.install("-r", "requirements/test.txt")
    _ensure_chromium(session)
    site = session.posargs[0] if session.posargs else "site"
    if not os.path.exists(os.path.join(site, "print", "index.html")):
        session.run("mkdocs", "build", "--strict", "-d", site, env={**QUIET_MKDOCS, **_commit_time()})
    session.run("python", "-m", "tools.pdf", site)


@nox.session(python=PYTHON)
def tests(session):
    """Install everything, then run every test: lint, snippets, build, glossary, notebooks, browser."""
    session.install("-r", "requirements/test.txt")
    _ensure_chromium(session)
    session.run("ruff", "check", "snippets", "counter", "sitelib", "tests", "hooks", "tools", "noxfile.py")
    session.run("codespell", "docs", "README.md")
    session.run("pytest", "--codeblocks", *session.posargs, env=QUIET_MKDOCS)


@nox.session(python=PYTHON)
def quick(session):
    """The writer's tier, about a minute: the tests marked `quick` (build, goldens, page structure, numbers in
    prose, glossary); `nox -s tests` runs these and all the others."""
    session.install("-r", "requirements/test.txt")
    session.run("pytest", "--codeblocks", "-m", "quick", *session.posargs, env=QUIET_MKDOCS)


@nox.session(python=PYTHON)
def update(session):
    """Rewrite golden outputs, figures and notebook outputs by running the code, and record new URLs
    (then review `git diff`). With arguments, only those snippets or snippet folders."""
    session.install("-r", "requirements/test.txt")
    session.run("python", "tools/snippets.py", "update", *session.posargs)
    if not session.posargs:
        session.run("python", "tools/notebooks.py", "update")
    site = session.create_tmp() + "/site"
    session.run("mkdocs", "build", "--strict", "-d", site, env=QUIET_MKDOCS)
    session.run("python", "tools/urls.py", "update", site)


@nox.session(python=PYTHON)
def bench(session):
    """Time the warm snippet runner: sum of the snippets' own run times vs the suite's wall time."""
    session.install("-r", "requirements/test.txt")
    session.run("python", "tools/snippets.py", "bench", *session.posargs)


@nox.session(python=PYTHON)
def lighthouse(session):
    """Lighthouse scores (median of three desktop runs) for the home page, a term page and a notebook page."""
    session.install("-r", "requirements/docs.txt")
    _ensure_debian(session, LIGHTHOUSE_CHROME, "chromium")
    site = session.create_tmp() + "/site"
    session.run("mkdocs", "build", "--strict", "-d", site, env=QUIET_MKDOCS)
    pages = session.posargs or ["", "terms/parameter/", "notebooks/build-a-tiny-language-model/"]
    session.run("python", "tools/lighthouse.py", site, *pages)


@nox.session(python=PYTHON)
def lint(session):
    session.install("ruff==0.17.6", "codespell==2.4.3")
    session.run("ruff", "check", "snippets", "counter", "sitelib", "tests", "hooks", "tools", "noxfile.py")
    session.run("codespell", "docs", "README.md")
