"""The devices and the fit and speed options of the parameter counter, carried into the calculator at build time.

count_params.hardware holds the devices (memory, bandwidth, dense 16-bit compute, the page each figure comes from,
a Mac's GPU share) and count_params.speed the options of plan() and what its limits leave out. This hook writes
them, unchanged, into ``assets/speed-rules.js`` (window.llmSpeedRules), which the calculator's port of plan()
(assets/speed-core.js) and its form (assets/calc-speed.js) read: no figure of a device is typed in the page. On the
calculator page it lists the options' names in ``data-speed-params`` (an address naming one loads those scripts).
"""

from __future__ import annotations

import json

from count_params import hardware, speed
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

SPEED_JS = "assets/speed-rules.js"
PARAMS_MARKER = 'data-speed-params=""'


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


def on_page_markdown(markdown: str, page, config, **kwargs):
    if page.file.src_uri != "calculator.md":
        return markdown
    if PARAMS_MARKER not in markdown:
        raise PluginError(f"docs/calculator.md: no {PARAMS_MARKER} for the fit and speed options")
    return markdown.replace(PARAMS_MARKER, f'data-speed-params="{" ".join(speed.SPEED_OPTIONS)}"')
