"""The size in a model's name against its exact count, for the models whose configs
come with the parameter counter (count_params).

A name rounds: "7B" may be 6.7 or 7.6 billion. "A3B" is the active count. "8x7B" is
not a total: multiplying gives 56B, but only the experts' MLPs are repeated, while
attention, embeddings and the output head are shared. The ratios are drawn.
"""

import re

import matplotlib
from count_params import count_parameters, load_config

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# a size in a name: 8x7B (experts x size), A3B (active), 7B or 270M (total)
SIZE = re.compile(r"(?:^|-)(?:(\d+)x)?(A)?(\d+(?:\.\d+)?)([BM])(?=-|$)", re.IGNORECASE)

print(f"{'name on the Hub':35} {'part':>6} {'says':>7} {'counted':>8} {'ratio':>6}")
ratios = {}
for config in ["gemma-3-270m", "tinyllama-1.1b", "qwen2.5-1.5b-instruct", "gemma-2-2b",
               "llama-2-7b", "mistral-7b-v0.1", "qwen2.5-7b", "llama-3-8b",
               "qwen3-8b", "gemma-2-9b", "qwen3-30b-a3b", "qwen1.5-moe-a2.7b",
               "mixtral-8x7b-v0.1"]:
    c = load_config(config)
    r = count_parameters(c)
    name = c["_name_or_path"]
    for m in SIZE.finditer(name.split("/")[-1]):
        experts, active, size, unit = m.groups()
        said = float(size) * (1e6 if unit.upper() == "M" else 1e9)
        said *= int(experts) if experts else 1  # 8x7B read as 8 times 7B
        counted = r["active"] if active else r["total"]
        part = m.group().strip("-")
        ratios[f"{name.split('/')[-1]}: {part}"] = counted / said
        print(f"{name:35} {part:>6} {said / 1e9:6.2f}B {counted / 1e9:7.2f}B"
              f" {counted / said:6.2f}")
c = load_config("mixtral-8x7b-v0.1")
r = count_parameters(c)
print(f"Mixtral 8x7B: {r['total']:,} parameters in total, {r['active']:,} active;"
      f" 8 x 7B would be 56B")

labels = list(ratios)
values = [round(ratios[k], 3) for k in labels]  # the bars, rounded: the same on any CPU
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(6, 4.2))
colors = ["#4e79a7" if 0.95 <= v <= 1.05 else "#e15759" for v in values]
ax.barh(range(len(labels)), values, color=colors)
ax.axvline(1, color="gray", lw=1)
ax.set_yticks(range(len(labels)), labels, fontsize=8)
ax.invert_yaxis()
ax.set_xlabel("parameters counted / the number in the name")
ax.spines[["top", "right"]].set_visible(False)
ax.patch.set_visible(False)
fig.tight_layout()
fig.savefig("name_vs_count.svg", metadata={"Date": None})
