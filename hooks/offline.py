"""For the offline copy (`OFFLINE=true mkdocs build`): no CDN, and notebook links that work from disk.

Material's offline plugin makes search work from file:// by loading the iframe-worker shim, and by default
adds it from unpkg.com. This hook runs after the plugin and points the polyfill at the copy in
docs/assets/vendor/, so the offline site fetches nothing from another host.
"""

import posixpath
import re

from mkdocs.plugins import event_priority

LOCAL_SHIM = "assets/vendor/iframe-worker/shim.js"


@event_priority(-100)
def on_config(config, **kwargs):
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [LOCAL_SHIM if "iframe-worker" in url else url for url in polyfills]
    return config


_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"#]*)((?:#[^"]*)?")')


def directory_to_file_url(href: str, page_dir_url: str, page_file_url: str) -> str:
    """Rewrite a link written for directory URLs (``../../terms/parameter/``) for the offline copy's ``.html``
    files. A file inside the page's own folder is the notebook's ``.ipynb``, which mkdocs-jupyter copies next
    to the page in either layout, so that link is left alone, as are links to other hosts."""
    if not href or re.match(r"^[a-z][a-z0-9+.-]*:|^/", href):
        return href
    target = posixpath.normpath(posixpath.join(page_dir_url, href))
    if posixpath.splitext(href.rstrip("/"))[1]:  # a file, not a page
        if target.startswith(page_dir_url):
            return href
    else:
        target = "index.html" if target == "." else target + ".html"
    return posixpath.relpath(target, posixpath.dirname(page_file_url) or ".")


def on_page_content(html: str, page, config, **kwargs):
    """Notebook Markdown links are written for the hosted site's directory URLs and are not rewritten by MkDocs
    or mkdocs-jupyter; the offline copy uses ``.html`` files, so rewrite them there."""
    if config["use_directory_urls"] or not page.file.src_uri.endswith(".ipynb"):
        return html
    page_dir_url = posixpath.splitext(page.file.src_uri)[0] + "/"
    return _HREF.sub(lambda m: m.group(1) + directory_to_file_url(m.group(2), page_dir_url, page.url) + m.group(3), html)
