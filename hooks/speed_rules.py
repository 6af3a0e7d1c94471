"""The devices and the fit and speed options of the parameter counter, carried into the calculator at build time.

count_params.hardware holds the devices (memory, bandwidth, dense 16-bit compute, the page each figure comes from,
a Mac's GPU share) and count_params.speed the options of plan() and what its limits leave out. This hook writes
them, unchanged, into ``assets/speed-rules.js`` (window.llmSpeedRules), which the calculator's port of plan()
(assets/speed-core.js) and its form (assets/calc-speed.js) read: no figure of a device is typed in the page.
"""

from __future__ import annotations

import json

from count_params import hardware, speed
from mkdocs.structure.files import File

SPEED_JS = "assets/speed-rules.js"


def speed_rules() -> dict:
    return {"devices": hardware.DEVICES, "unified_share": hardware.UNIFIED_SHARE,
            "unified_sources": hardware.UNIFIED_SOURCES, "options": speed.SPEED_OPTIONS,
            "leaves_out": speed.LEAVES_OUT, "search_limit": speed.SEARCH_LIMIT}


def speed_script() -> str:
    return ("/* Generated at build time by hooks/speed_rules.py from count_params.hardware and count_params.speed"
            " (counter/): do not edit. */\nwindow.llmSpeedRules = "
            + json.dumps(speed_rules(), separators=(",", ":")) + ";\n")


def on_files(files, config, **kwargs):
    files.append(File.generated(config, SPEED_JS, content=speed_script()))
    return files
