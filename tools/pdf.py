"""The whole glossary as one PDF: headless Chromium prints the built site's print view (/print/, made by
hooks/print_view.py), with a bookmark (outline entry) per term from the headings.

    python -m tools.pdf SITE_DIR [OUT.pdf]    print SITE_DIR/print/ to OUT.pdf (default SITE_DIR/PDF_NAME)
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.chromium import CHROMIUM, CHROMIUM_ARGS

PDF_NAME = "llm-parameter-glossary.pdf"
# A4 with room for the page numbers in the footer; light colours whatever the reader's system prefers.
PDF_OPTIONS = {"format": "A4", "margin": {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
               "display_header_footer": True, "header_template": "<span></span>",
               "footer_template": '<div style="font-size:8px;width:100%;text-align:center">'
                                  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
               "print_background": True, "outline": True, "tagged": True}


def print_pdf(print_url: str, out: Path, inspect=None):
    """Print the print view at `print_url` to `out` in a Chromium of its own (Playwright, sync API). Without
    scripts: printing needs none (tabs, math and figures are HTML and CSS), and Material's scripts on a page this
    long take most of the time. `inspect(page)`, if given, then looks at the page in print media; its result is
    returned."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(color_scheme="light", java_script_enabled=False).new_page()
            page.goto(print_url, wait_until="load", timeout=600_000)
            page.pdf(path=str(out), **PDF_OPTIONS)
            page.emulate_media(media="print")  # after printing: before it, Chromium's printing stalls for minutes
            return inspect(page) if inspect else None
        finally:
            browser.close()


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2) or not (Path(argv[0]) / "print" / "index.html").is_file():
        print(__doc__, file=sys.stderr)
        print("SITE_DIR must be a built site (mkdocs build), with print/index.html", file=sys.stderr)
        return 2
    site = Path(argv[0]).resolve()
    out = Path(argv[1]) if len(argv) == 2 else site / PDF_NAME
    print_pdf((site / "print" / "index.html").as_uri(), out)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
