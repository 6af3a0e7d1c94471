"""Which keys each query may read: full causal attention against a sliding window of
W = 3, and how far a second sliding-window layer reaches."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

T, W = 10, 3  # tokens, window
i, j = np.arange(T)[:, None], np.arange(T)[None, :]
causal = j <= i  # query i reads key j
window = causal & (i - j < W)  # ... only among the last W tokens
two_layers = (window.astype(int) @ window.astype(int)) > 0  # through the layer below

for name, mask in [("causal", causal), (f"window {W}", window),
                   ("2 window layers", two_layers)]:
    print(f"{name:16} scores {int(mask.sum()):3}, keys per query "
          + " ".join(str(n) for n in mask.sum(1)))
for t in (4096, 32768, 131072):  # Mistral 7B's window, W = 4096
    full, slide = t * (t + 1) // 2, sum(min(q + 1, 4096) for q in range(t))
    print(f"{t:>7} tokens: causal {full:>13,} scores, window 4096 {slide:>12,}"
          f" ({slide / full:.0%})")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
DARK, LIGHT = "#2171b5", "#9ecae1"
fig, axes = plt.subplots(1, 2, figsize=(5.6, 3.2))
panels = [(f"Causal: {int(causal.sum())} scores", causal, causal),
          (f"Window W = {W}: {int(window.sum())} scores", window, two_layers)]
for ax, (title, mask, reach) in zip(axes, panels, strict=True):
    for q in range(T):  # each row's keys are one run of cells: one bar
        first = mask[q].argmax()  # the oldest key read in one layer
        ax.barh(q, q + 1 - first, left=first, height=1, align="edge", color=DARK)
        oldest = reach[q].argmax()  # ... and through the layer below
        if oldest < first:
            ax.barh(q, first - oldest, left=oldest, height=1, align="edge", color=LIGHT)
    ax.set_facecolor("#e8e8e8")  # keys a query cannot read
    ax.set_xticks(range(T + 1), minor=True)
    ax.set_yticks(range(T + 1), minor=True)
    ax.grid(which="minor", color="white", lw=1)  # cell borders
    ax.set_xticks([0.5, T - 0.5], ["1", str(T)])
    ax.set_yticks([0.5, T - 0.5], ["1", str(T)])
    ax.tick_params(which="both", length=0)
    ax.set(xlim=(0, T), ylim=(T, 0), aspect="equal", xlabel="key position")
    ax.set_title(title, fontsize=10)
axes[0].set_ylabel("query position")
fig.legend(handles=[Patch(color=DARK, label="read in one layer"),
                    Patch(color=LIGHT, label="reached through a second layer")],
           loc="lower center", ncol=2, fontsize=9, frameon=False)
fig.tight_layout(rect=(0, 0.07, 1, 1))
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("masks.svg", metadata=no_metadata)
