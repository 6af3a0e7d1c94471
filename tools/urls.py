"""The registry of published URLs: every page, heading anchor, root file and data file the site has ever published.

    python tools/urls.py update SITE_DIR    add the pages, anchors and published files of a built site

Entries are never removed by the tool: a URL that people may have linked to must keep working, either on the
page itself or through a redirect (``extra.redirects`` in mkdocs.yml, made by hooks/redirects.py).
"""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "published-urls.txt"
HEADING_ID = re.compile(r'<h[1-6][^>]*\bid="([^"]+)"')
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')
SKIP_PAGES = {"404.html"}
# Pages made from the site's other pages (the print view: every term page in one, hooks/print_view.py), not
# pages of their own: their URL is registered with the files below, their anchors are the term pages'.
GENERATED_VIEWS = {"print"}


def page_url(html_path: Path, site: Path) -> str:
    return "/" + html_path.relative_to(site).as_posix().removesuffix("index.html")


def is_redirect(html: str) -> bool:
    return bool(REDIRECT.search(html))


def published(site: Path) -> dict[str, set[str]]:
    """Page URL -> heading anchors, for every real (non-redirect) page of a built site."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        if path.name in SKIP_PAGES or path.relative_to(site).parts[0] in {"search", *GENERATED_VIEWS}:
            continue
        html = path.read_text(encoding="utf-8")
        if is_redirect(html):
            continue
        pages[page_url(path, site)] = {unescape(a) for a in HEADING_ID.findall(html)}
    return pages


# Folders of files published at stable URLs: the data files that snippets read (hooks/snippet_files.py).
PUBLISHED_FOLDERS = ["data"]


def published_files(site: Path) -> set[str]:
    """The files at the site's root that other sites and tools fetch by URL (objects.inv, terms.json, llms.txt,
    embed.js, the sitemap, ...): every file there but the HTML pages; the files in PUBLISHED_FOLDERS (a reader's
    program downloads /data/corpus.txt); and the generated views."""
    files = {"/" + p.name for p in site.iterdir() if p.is_file() and p.suffix != ".html"}
    files |= {"/" + p.relative_to(site).as_posix() for folder in PUBLISHED_FOLDERS
              for p in sorted((site / folder).rglob("*")) if p.is_file()}
    return files | {f"/{view}/" for view in GENERATED_VIEWS if (site / view / "index.html").is_file()}


def entries(pages: dict[str, set[str]]) -> set[str]:
    return {url for url in pages} | {f"{url}#{a}" for url, anchors in pages.items() for a in anchors}


def read_registry(path: Path = REGISTRY) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def write_registry(urls: set[str], path: Path = REGISTRY) -> None:
    header = "# Every URL this site has published (page or page#anchor). Never delete a line: redirect instead.\n"
    body = "".join(f"{u}\n" for u in sorted(urls, key=lambda u: (u.split("#")[0], u)))
    path.write_text(header + body, encoding="utf-8")


def redirect_target(site: Path, url: str) -> str | None:
    """Where a redirect page sends its reader (a URL from the site root, with any anchor), or None."""
    page = site / url.lstrip("/") / "index.html"
    if not page.is_file():
        return None
    m = REDIRECT.search(page.read_text(encoding="utf-8"))
    if not m:
        return None
    from urllib.parse import urljoin

    return urljoin(url, unescape(m.group(1)))


def broken(site: Path, registry: list[str]) -> list[str]:
    """Registry entries that the built site no longer serves, directly or through a redirect."""
    pages, files = published(site), published_files(site)
    problems = []
    for entry in registry:
        url, _, anchor = entry.partition("#")
        if url in pages:
            if anchor and anchor not in pages[url]:
                problems.append(f"{entry}: the page no longer has the anchor #{anchor}")
            continue
        if not anchor and url in files:
            continue
        target = redirect_target(site, url)
        if target is None and not url.endswith("/"):
            problems.append(f"{entry}: the file is no longer published")
            continue
        if target is None:
            problems.append(f"{entry}: the page is gone and no redirect (extra.redirects in mkdocs.yml) replaces it")
            continue
        t_url, _, t_anchor = target.partition("#")
        if t_url not in pages or (t_anchor and t_anchor not in pages[t_url]):
            problems.append(f"{entry}: redirects to {target}, which does not exist")
        elif t_url == "/" and not t_anchor:
            problems.append(f"{entry}: redirects to the home page; send it to a specific page or anchor")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "update":
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(argv[1])
    urls = set(read_registry()) | entries(published(site)) | published_files(site)
    write_registry(urls)
    print(f"{REGISTRY.name}: {len(urls)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
