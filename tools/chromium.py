"""How this project starts Debian's Chromium, for the browser tests (tests/conftest.py) and the PDF (tools/pdf.py)."""

# Debian's headless shell: the same Blink, V8 and Skia as its Chromium (the same source package and version), without
# the browser's own windows, profile and services. The page checks' 170 loads took 178 CPU-seconds with it and 224
# with `chromium --headless` (measured once each on an idle two-core machine, same flags, no violation in either).
CHROMIUM = "/usr/bin/chromium-headless-shell"
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
