"""Other documentation links to our terms with the real tools, configured exactly as the README says.

A small Sphinx project (intersphinx, built with -W -n) and a small MkDocs project (mkdocstrings' python handler,
built with --strict) read the built site's objects.inv and link to every name and label in it, plus the README's
own examples. The configuration is the README's, with only the production address replaced by the built site
served on 127.0.0.1, so the builds are offline and the README cannot drift from what works. Every link they
produce must land on an existing page and anchor of the built site.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

from tests.support import MKDOCS_ENV, ROOT, load_inventory, target_problem

README = (ROOT / "README.md").read_text(encoding="utf-8")
HOME = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
PRODUCTION = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
# Requests and urllib would send 127.0.0.1 through a proxy set in the environment.
OFFLINE_ENV = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


def marked_block(text: str, marker: str) -> str:
    """The fenced block right after ``<!-- marker -->``."""
    m = re.search(rf"^<!-- {marker} -->\n```[^\n]*\n(.*?)^```$", text, re.M | re.S)
    assert m, f"no fenced block after <!-- {marker} -->"
    return m.group(1)


def local(config: str, site_url: str) -> str:
    """The README's configuration with the production address pointed at the built site, and nothing else."""
    assert config.count(PRODUCTION) == 1, f"expected the address {PRODUCTION} once in:\n{config}"
    return config.replace(PRODUCTION, site_url)


def links_to(html: str, site_url: str) -> list[tuple[str, str]]:
    """(site path with fragment, link text) of every link to the site, in order."""
    found = re.findall(rf'<a [^>]*href="{re.escape(site_url)}([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    return [(unescape(href), unescape(re.sub(r"<[^>]+>", "", text)).strip()) for href, text in found]


def landing_problems(site: Path, links: list[tuple[str, str]]) -> list[str]:
    return [f"{href}: {p}" for href, _ in links if (p := target_problem(site, "/" + href))]


def test_the_home_page_shows_the_readmes_configuration():
    for marker in ("sphinx-conf", "mkdocs-conf"):
        assert marked_block(HOME, marker) == marked_block(README, marker), f"docs/index.md's {marker} differs"


def test_sphinx_links_every_name_through_intersphinx(built_site, site_url, tmp_path):
    inv = load_inventory(built_site)
    terms, labels = sorted(inv["std:term"].items()), sorted(inv["std:label"].items())
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(local(marked_block(README, "sphinx-conf"), site_url), encoding="utf-8")
    every = "".join(f"- :term:`llmglossary:{name}`\n" for name, _ in terms)
    every += "".join(f"- :ref:`llmglossary:{name}`\n" for name, _ in labels)
    example = marked_block(README, "sphinx-example")
    (src / "index.rst").write_text(f"Demo\n====\n\n{example}\nEvery name:\n\n{every}", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "-q", str(src), str(tmp_path / "out")],
        capture_output=True, text=True, env={**os.environ, **OFFLINE_ENV},
    )
    assert proc.returncode == 0, proc.stderr
    links = links_to((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), site_url)
    assert not landing_problems(built_site, links)
    # The list links each name, in order, with the text that reads well mid-sentence.
    expected = [(item.uri, name if item.display_name == "-" else item.display_name) for name, item in terms + labels]
    assert links[-len(expected):] == expected
    # The README's examples resolve (-W would have failed otherwise) to the pages they name.
    assert len(links) == len(expected) + example.count("llmglossary:")
    assert ("terms/weight/", "weight") in links[: -len(expected)]


def test_mkdocs_links_every_name_through_mkdocstrings(built_site, site_url, tmp_path):
    inv = load_inventory(built_site)
    terms, labels = sorted(inv["std:term"].items()), sorted(inv["std:label"].items())
    written = json.loads((built_site / "terms.json").read_text(encoding="utf-8"))["terms"]
    project = tmp_path / "consumer"
    (project / "docs").mkdir(parents=True)
    config = local(marked_block(README, "mkdocs-conf"), site_url)
    (project / "mkdocs.yml").write_text(f"site_name: Consumer\n{config}", encoding="utf-8")
    every = [f"[{name}][]" for name, _ in terms]
    # Names as the front matter writes them ("KV cache", "LoRA"): autorefs matches ids exactly, then by slug.
    every += [f"[{name}][]" for t in written for name in [t["title"], *t["aliases"]]]
    every += [f"[{item.display_name}][{name}]" for name, item in labels]
    example = marked_block(README, "mkdocs-example")
    body = "\n".join(f"- {link}" for link in every)
    (project / "docs" / "index.md").write_text(f"# Demo\n\n{example}\n\nEvery name:\n\n{body}\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")], cwd=project,
        capture_output=True, text=True,
        # A fresh download cache: mkdocs keeps downloaded inventories for a day, keyed by URL.
        env={**MKDOCS_ENV, **OFFLINE_ENV, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    assert proc.returncode == 0, proc.stderr
    links = links_to((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), site_url)
    assert not landing_problems(built_site, links)
    example_links = links[: -len(every)]
    assert len(example_links) == len(re.findall(r"\]\[[^\]]*\]", example))
    uri = {name: item.uri for name, item in terms + labels}
    expected = [uri[name] for name, _ in terms]
    expected += [t["url"].removeprefix(PRODUCTION) for t in written for _ in [t["title"], *t["aliases"]]]
    expected += [uri[name] for name, _ in labels]
    assert [href for href, _ in links[-len(every):]] == expected

