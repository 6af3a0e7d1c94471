"""Published llama.cpp decode speeds against the bound the counter computes for each:
memory bandwidth over the bytes one token reads (the weights it multiplies and the
KV cache at the row's context). No measurement may exceed its bound; the ratio says
what fraction of the physical limit the runtime reached."""
# data: decode_measurements.csv

import csv

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import load_config
from count_params.hardware import DEVICES
from count_params.speed import plan

# --8<-- [start:check]
with open("decode_measurements.csv", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
print(f"{'device':16} {'n':>1} {'model':17} {'format':6} {'on':5} {'bound':>6} "
      f"{'measured':>8} {'ratio':>5}")
# the class of a row: its device's kind, or the CPU where llama.cpp ran on its cores
CLASSES = {"gpu": "discrete GPUs", "unified": "Apple GPUs, unified memory",
           "CPU": "CPU cores"}
ratios, bars = {}, []
for row in rows:
    limits = plan(load_config(row["model"]), {
        "device": row["device"], "devices": row["devices"],
        "weights": row["weights"], "context_length": row["context"]})
    bound = limits["speed"]["decode_tokens_per_s_max"]
    measured = float(row["measured_tokens_per_s"])
    ratio = measured / bound
    cpu = row["backend"] == "CPU"
    kind = CLASSES["CPU" if cpu else DEVICES[row["device"]]["kind"]]
    ratios.setdefault(kind, []).append(ratio)
    cards = " x2" if row["devices"] != "1" else ""
    where = " CPU" if cpu else cards
    bars.append((f"{row['device']}{where} {row['weights']}", kind, round(ratio, 3)))
    print(f"{row['device']:16} {row['devices']:>1} {row['model']:17} "
          f"{row['weights']:6} {row['backend']:5} {bound:6.1f} {measured:8.2f} "
          f"{ratio:5.0%}")
for kind, values in ratios.items():
    print(f"{kind:26}: {min(values):.0%} to {max(values):.0%} of the bound")
# --8<-- [end:check]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.2, 4.2))
labels, kinds, values = zip(*bars, strict=True)
colors = dict(zip(CLASSES.values(), ["tab:blue", "tab:orange", "tab:green"],
                  strict=True))
for kind, color in colors.items():
    mine = [(i, 100 * v) for i, (k, v) in enumerate(zip(kinds, values, strict=True))
            if k == kind]
    ax.barh(*zip(*mine, strict=True), color=color, label=kind)
ax.set_yticks(range(len(labels)), labels, fontsize=7)
ax.invert_yaxis()
ax.axvline(100, color="black", lw=1)
ax.set_xlim(0, 105)
ax.set_xlabel("measured decode speed, % of the bandwidth bound")
low, high = min(values), max(values)
ax.set_title(f"llama.cpp reaches {low:.0%} to {high:.0%} of the bound", fontsize=10)
ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.45, -0.16), ncol=3)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("measured_vs_bound.svg", metadata=no_metadata)
