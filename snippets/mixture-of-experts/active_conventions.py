"""Active parameters counted two ways, for every mixture of experts among the committed
configs: with the input embedding table (this site's convention, the parameter
counter's "active") and without it.

A token reads one row of the embedding table and multiplies by none of it; model
cards differ on whether the table counts as active. Counts come from the parameter
counter (snippets/parameter-count/count_from_config.py) and the published configs.
"""

import json
import sys
from pathlib import Path

COUNTER = Path(__file__).resolve().parents[1] / "parameter-count"
sys.path.insert(0, str(COUNTER))
from count_from_config import count_parameters  # noqa: E402

print(f"{'':34} {'':>8}   active per token")
print(f"{'model':34} {'total':>8}   {'with the table':>14}   {'without':>7}")
for path in sorted((COUNTER / "configs").glob("*.json")):
    config = json.loads(path.read_text())
    r = count_parameters(config)
    if r["active"] == r["total"]:
        continue  # dense: every parameter is used by every token
    without = r["active"] - r["breakdown"]["embeddings"]  # the input table, V x d
    print(f"{config['_name_or_path']:34} {r['total'] / 1e9:7.2f}B"
          f"   {r['active'] / 1e9:13.2f}B   {without / 1e9:6.2f}B")
