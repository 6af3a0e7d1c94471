"""`mkdocs serve` rebuilds when a hook changes (hooks/ is under `watch:` in mkdocs.yml), but MkDocs imports each
hook once per process and reuses it; forget the hooks after each build, so that a rebuild runs their current code.
"""

from mkdocs.config import config_options


def on_post_build(config, **kwargs):
    config_options.Hooks._load_hook.cache_clear()
