"""Active parameters counted two ways, for every mixture of experts among the committed
configs: with the input embedding table (this site's convention, the parameter
counter's "active") and without it.

A token reads one row of the embedding table and multiplies by none of it; model
cards differ on whether the table counts as active. Counts come from the parameter
counter (count_params) and the published configs that come with it.
"""

from count_params import bundled_configs, count_parameters, load_config

rows = []
for name in bundled_configs():
    config = load_config(name)
    r = count_parameters(config)
    # a multimodal model's active count is its language model's (text tokens)
    if r["active"] == r.get("language_model", r["total"]):
        continue  # dense: every parameter is used by every token
    without = r["active"] - r["breakdown"]["embeddings"]  # the input table, V x d
    rows.append((config["_name_or_path"], r["total"], r["active"], without))

w = max(len(row[0]) for row in rows)
print(f"{'':{w}} {'':>8}   active per token")
print(f"{'model':{w}} {'total':>8}   {'with the table':>14}   {'without':>7}")
for model, total, active, without in rows:
    print(f"{model:{w}} {total / 1e9:7.2f}B"
          f"   {active / 1e9:13.2f}B   {without / 1e9:6.2f}B")
