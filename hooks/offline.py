"""For the offline copy (`OFFLINE=true mkdocs build`): no CDN.

Material's offline plugin makes search work from file:// by loading the iframe-worker shim, and by default
adds it from unpkg.com. This hook runs after the plugin and points the polyfill at the copy in
docs/assets/vendor/, so the offline site fetches nothing from another host.
"""

from mkdocs.plugins import event_priority

LOCAL_SHIM = "assets/vendor/iframe-worker/shim.js"


@event_priority(-100)
def on_config(config, **kwargs):
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [LOCAL_SHIM if "iframe-worker" in url else url for url in polyfills]
    return config

