"""Versions on pages come from the pins in requirements/test.txt: in prose through ``{{ pin.<package> }}``
(hooks/pins.py), and in the "verified with" stamp of every term page (hooks/term_pages.py), both through
sitelib.pins; no page types a version by hand. The pins are read here on their own (PINS), not through sitelib."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

from sitelib import pins
from tests.support import ROOT

PINNED = ("torch", "numpy", "matplotlib")
# "torch 2.13", "numpy 2.x" and the like, as prose writes them
TYPED_VERSION = re.compile(rf"\b({'|'.join(PINNED)})\s+v?\d+\.\d+", re.IGNORECASE)


def test_no_page_types_a_pinned_version():
    typed = [f"{p.relative_to(ROOT)}: {m.group(0)!r}" for p in sorted((ROOT / "docs").rglob("*.md"))
             for m in TYPED_VERSION.finditer(p.read_text(encoding="utf-8"))]
    assert not typed, "write {{ pin.<package> }} instead (it is replaced by the pinned version):\n" + "\n".join(typed)


def read_pins() -> dict[str, str]:
    """The versions requirements/test.txt pins with '==', read independently of sitelib.pins."""
    lines = (ROOT / "requirements" / "test.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("#")[0].strip().split("==") for line in lines if "==" in line.split("#")[0])


PINS = read_pins()


def test_placeholders_become_the_pinned_versions():
    versions = pins.pinned_versions({"config_file_path": str(ROOT / "mkdocs.yml")})
    assert {name: versions[name] for name in PINS} == PINS
    text = pins.with_pinned_versions("torch {{ pin.torch }}, numpy {{pin.numpy}}.", "docs/x.md", versions)
    assert text == f"torch {PINS['torch']}, numpy {PINS['numpy']}."
    assert re.fullmatch(r"\d+\.\d+\.\d+", PINS["torch"])


def test_an_unpinned_package_stops_the_build():
    with pytest.raises(PluginError, match=r"docs/x\.md: \{\{ pin\.jax \}\} names no package pinned"):
        pins.with_pinned_versions("jax {{ pin.jax }}", "docs/x.md", {"torch": "1.0"})


def test_the_built_pages_show_the_pinned_versions(built_site):
    """Every term page's stamp names the pinned torch and numpy, and prose names the pinned torch."""
    stamp = f"torch {PINS['torch']} and numpy {PINS['numpy']}"
    terms = sorted((ROOT / "docs" / "terms").glob("*.md"))
    assert len(terms) > 50
    unstamped = [md.stem for md in terms
                 if stamp not in (built_site / "terms" / md.stem / "index.html").read_text(encoding="utf-8")]
    assert not unstamped, f"term pages without '{stamp}': {unstamped}"
    html = (built_site / "terms" / "inference" / "index.html").read_text(encoding="utf-8")
    assert f"In torch {PINS['torch']} both" in html and "pin.torch" not in html
