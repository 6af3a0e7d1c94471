"""Versions named in prose come from the pins in requirements/test.txt, through hooks/pins.py's
``{{ pin.<package> }}``, like the "verified with" stamp; no page types a version by hand."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

from hooks import pins
from tests.conftest import ROOT

PINNED = ("torch", "numpy", "matplotlib")
# "torch 2.13", "numpy 2.x" and the like, as prose writes them
TYPED_VERSION = re.compile(rf"\b({'|'.join(PINNED)})\s+v?\d+\.\d+", re.IGNORECASE)


def test_no_page_types_a_pinned_version():
    typed = [f"{p.relative_to(ROOT)}: {m.group(0)!r}" for p in sorted((ROOT / "docs").rglob("*.md"))
             for m in TYPED_VERSION.finditer(p.read_text(encoding="utf-8"))]
    assert not typed, "write {{ pin.<package> }} instead (it is replaced by the pinned version):\n" + "\n".join(typed)


def test_placeholders_become_the_pinned_versions():
    versions = pins.pinned_versions({"config_file_path": str(ROOT / "mkdocs.yml")})
    text = pins.with_pinned_versions("torch {{ pin.torch }}, numpy {{pin.numpy}}.", "docs/x.md", versions)
    assert text == f"torch {versions['torch']}, numpy {versions['numpy']}."
    assert re.fullmatch(r"\d+\.\d+\.\d+", versions["torch"])


def test_an_unpinned_package_stops_the_build():
    with pytest.raises(PluginError, match=r"docs/x\.md: \{\{ pin\.jax \}\} names no package pinned"):
        pins.with_pinned_versions("jax {{ pin.jax }}", "docs/x.md", {"torch": "1.0"})


def test_the_built_page_shows_the_pinned_version(built_site):
    versions = pins.pinned_versions({"config_file_path": str(ROOT / "mkdocs.yml")})
    html = (built_site / "terms" / "inference" / "index.html").read_text(encoding="utf-8")
    assert f"In torch {versions['torch']} both" in html and "pin.torch" not in html
