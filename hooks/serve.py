"""`mkdocs serve` rebuilds when a hook changes (hooks/ is under `watch:` in mkdocs.yml), but MkDocs imports each
hook once per process and reuses it; forget the hooks, the modules they import from hooks/ (glossary.py) and the
counter package (count_params, from counter/, also watched) after each build, so that a rebuild runs their
current code.
"""

import sys
from pathlib import Path

from mkdocs.config import config_options

HOOKS = Path(__file__).resolve().parent


def on_post_build(config, **kwargs):
    config_options.Hooks._load_hook.cache_clear()
    for name, module in list(sys.modules.items()):
        if Path(getattr(module, "__file__", None) or "/").resolve().parent == HOOKS and not name.startswith("hooks."):
            del sys.modules[name]
        elif name == "count_params" or name.startswith("count_params."):
            del sys.modules[name]
