"""Lighthouse report (not a test gate): median scores of three desktop runs for a few pages.

    python tools/lighthouse.py SITE_DIR [PAGE ...]     e.g. python tools/lighthouse.py site "" terms/parameter/

Serves SITE_DIR on 127.0.0.1 and runs `npx lighthouse@12.2.3 --preset=desktop` against Debian's Chromium
(CHROME_PATH=/usr/bin/chromium). Prints performance, accessibility, best practices and SEO per page.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = 3
# Lighthouse measures a reader's browser: Debian's whole Chromium, not the headless shell that the tests drive.
LIGHTHOUSE_CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_once(url: str, out: Path) -> dict[str, float]:
    subprocess.run(
        ["npx", "--yes", "lighthouse@12.2.3", url, "--preset=desktop", "--quiet", "--output=json",
         f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
        check=True, env=dict(os.environ, CHROME_PATH=LIGHTHOUSE_CHROME),
    )
    report = json.loads(out.read_text())
    return {c: report["categories"][c]["score"] * 100 for c in CATEGORIES}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    site, pages = Path(argv[0]), argv[1:] or ["", "terms/parameter/"]
    server, base = serve(site)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"{'page':40} " + " ".join(f"{c:>15}" for c in CATEGORIES) + f"   (median of {RUNS} runs)")
            for page in pages:
                runs = [run_once(base + page, Path(tmp) / f"r{i}.json") for i in range(RUNS)]
                medians = [statistics.median(r[c] for r in runs) for c in CATEGORIES]
                print(f"{'/' + page:40} " + " ".join(f"{m:>15.0f}" for m in medians))
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
