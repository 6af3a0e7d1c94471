"""Links never break: every URL and anchor ever published still works, directly or through a redirect."""

from __future__ import annotations

import pytest

from tests.support import mkdocs_build, with_redirects
from tools import urls


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
        "/terms/gone/: the page is gone and no redirect (extra.redirects in mkdocs.yml) replaces it",
        "/gone.txt: the file is no longer published",
    ]


@pytest.mark.slow
def test_a_redirect_keeps_a_moved_page_alive(moved_pages_site):
    """MOVED_PAGES: a moved page and a moved section, each sent to its new place; one sent home is reported."""
    site = moved_pages_site
    assert urls.broken(site, ["/terms/old-name/", "/terms/old-section/#anything"]) == []
    assert urls.redirect_target(site, "/terms/old-section/") == "/terms/parameter/#parameters-vs-buffers"
    assert urls.broken(site, ["/terms/to-home/"]) == [
        "/terms/to-home/: redirects to the home page; send it to a specific page or anchor"]


@pytest.mark.slow
def test_a_redirect_keeps_a_moved_page_alive_in_the_offline_copy(offline_additions_build):
    """Pages are files there (terms/old-name.html): the redirect points at the file, relative to it."""
    site, _ = offline_additions_build
    page = (site / "terms" / "old-section.html").read_text()
    assert 'url=parameter.html#parameters-vs-buffers"' in page, page


@pytest.mark.slow
@pytest.mark.parametrize(("redirect", "error"), [
    (("terms/old-name.md", "terms/no-such-page.md"), "terms/old-name.md: terms/no-such-page.md: the new page "
     "docs/terms/no-such-page.md does not exist"),
    (("terms/weight.md", "terms/parameter.md"), "terms/weight.md: terms/parameter.md: docs/terms/weight.md "
     "still exists"),
], ids=["missing-target", "page-still-there"])
def test_a_bad_redirect_stops_the_build(project_copy, tmp_path, redirect, error):
    with_redirects(project_copy, dict([redirect]))
    proc = mkdocs_build(project_copy, tmp_path / "site")
    assert proc.returncode != 0 and f"mkdocs.yml: extra.redirects: {error}" in proc.stderr, proc.stderr
