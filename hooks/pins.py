"""Versions in prose come from the pins: ``{{ pin.torch }}`` on any page becomes the version that
requirements/test.txt pins (sitelib.pins reads them afresh on each build)."""

from __future__ import annotations

from sitelib.pins import PIN, pinned_versions, with_pinned_versions


def on_page_markdown(markdown: str, page, config, **kwargs):
    if not PIN.search(markdown):
        return markdown
    return with_pinned_versions(markdown, f"docs/{page.file.src_uri}", pinned_versions(config))
