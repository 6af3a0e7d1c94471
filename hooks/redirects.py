"""Redirects for moved pages, so that every published URL keeps working (tests/test_published_urls.py).

``extra.redirects`` in mkdocs.yml maps the source path of a page that is gone to the source path of the page
that replaces it, with an anchor where a section took its place::

    extra:
      redirects:
        terms/old-name.md: terms/parameter.md#parameters-vs-buffers

Each old URL gets a small HTML page that sends the reader on (a meta refresh, and a script that keeps the
anchor the reader came with), computed for the build's URL style, so it also works in the offline copy.
This replaces the mkdocs-redirects plugin, whose releases from 1.2.3 pull in a second MkDocs distribution
that prints a banner on every build.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url


def redirect_page(href: str, canonical: str) -> str:
    keep_anchor = "" if "#" in href else " + location.hash"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Page moved</title>\n'
        f'<meta name="robots" content="noindex">\n<link rel="canonical" href="{escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(href)}">\n'
        f"<script>location.replace({json.dumps(href)}{keep_anchor})</script>\n</head>\n"
        f'<body><p>This page has moved to <a href="{escape(href)}">{escape(href)}</a>.</p></body>\n</html>\n'
    )


def on_files(files, config, **kwargs):
    redirects = config.extra.get("redirects") or {}
    if not isinstance(redirects, dict):
        raise PluginError("mkdocs.yml: extra.redirects must map old page paths to new ones (old.md: new.md#anchor)")
    for old, new in redirects.items():
        where = f"mkdocs.yml: extra.redirects: {old}: {new}"
        target_src, hashmark, anchor = str(new).partition("#")
        target = files.get_file_from_path(target_src)
        if target is None or not target.is_documentation_page():
            raise PluginError(f"{where}: the new page docs/{target_src} does not exist")
        if files.get_file_from_path(old) is not None:
            raise PluginError(f"{where}: docs/{old} still exists; remove it or the redirect")
        gone = File(old, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
        href = get_relative_url(target.url or ".", gone.url) + hashmark + anchor
        canonical = urljoin(config["site_url"] or "/", target.url) + hashmark + anchor
        files.append(File.generated(config, gone.dest_uri, content=redirect_page(href, canonical)))
    return files
