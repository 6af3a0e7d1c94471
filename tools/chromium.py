"""How this project starts Debian's Chromium, for the browser tests (tests/conftest.py) and the PDF (tools/pdf.py)."""

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    # Pages here run their scripts once, briefly: V8's optimizing compiler and its helper threads cost more CPU than
    # they save (about 8% of a page check's load, measured on 60 loads; the JavaScript means the same).
    "--js-flags=--single-threaded,--no-opt",
]
