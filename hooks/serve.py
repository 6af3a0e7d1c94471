"""`mkdocs serve` rebuilds when a hook changes (hooks/ is under `watch:` in mkdocs.yml), but MkDocs imports each
hook once per process and reuses it; forget the hooks and the packages they import from this repository (sitelib
from sitelib/, count_params from counter/, both also watched) after each build, so that a rebuild runs their
current code.
"""

import sys
from pathlib import Path

from mkdocs.config import config_options

HOOKS = Path(__file__).resolve().parent
PACKAGES = ("count_params", "sitelib")


def on_post_build(config, **kwargs):
    config_options.Hooks._load_hook.cache_clear()
    for name, module in list(sys.modules.items()):
        in_hooks = Path(getattr(module, "__file__", None) or "/").resolve().parent == HOOKS
        if in_hooks and not name.startswith("hooks.") or name.split(".")[0] in PACKAGES:
            del sys.modules[name]
