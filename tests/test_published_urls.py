"""Links never break: every URL and anchor ever published still works, directly or through a redirect."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import urls  # noqa: E402


def test_every_published_url_still_resolves(built_site):
    problems = urls.broken(built_site, urls.read_registry())
    assert not problems, "published URLs that broke:\n" + "\n".join(problems)


def test_every_url_of_the_site_is_registered(built_site):
    registered = set(urls.read_registry())
    new = sorted((urls.entries(urls.published(built_site)) | urls.published_files(built_site)) - registered)
    assert not new, f"URLs not yet in {urls.REGISTRY.name} (run `nox -s update` and commit it): {new[:20]}"


def test_a_removed_anchor_is_reported(built_site, tmp_path):
    registry = ["/terms/parameter/", "/terms/parameter/#no-longer-here", "/terms/gone/", "/llms.txt", "/gone.txt"]
    problems = urls.broken(built_site, registry)
    assert problems == [
        "/terms/parameter/#no-longer-here: the page no longer has the anchor #no-longer-here",
        "/terms/gone/: the page is gone and no redirect (redirect_maps in mkdocs.yml) replaces it",
        "/gone.txt: the file is no longer published",
    ]


@pytest.mark.slow
def test_a_redirect_keeps_a_moved_page_alive(project_copy, tmp_path):
    from tests.conftest import mkdocs_build

    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "redirect_maps: {}", "redirect_maps:\n        terms/old-name.md: terms/parameter.md\n"
        "        terms/to-home.md: index.md"))
    site = tmp_path / "site"
    proc = mkdocs_build(project_copy, site)
    assert proc.returncode == 0, proc.stderr
    assert urls.broken(site, ["/terms/old-name/"]) == []
    assert urls.broken(site, ["/terms/to-home/"]) == [
        "/terms/to-home/: redirects to the home page; send it to a specific page or anchor"]
