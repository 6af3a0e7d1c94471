"""One layer of 8 units over four training steps with dropout p = 0.5: a new random mask
at each step, survivors doubled; at evaluation every unit passes unchanged."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1)
p, units = 0.5, 8
h = rng.uniform(0.5, 1.5, units).round(1)  # the layer's activations for one input

rows = {}
for step in range(1, 5):
    keep = rng.random(units) >= p  # a new mask at every step
    rows[f"step {step}"] = h * keep / (1 - p)
rows["evaluation"] = h  # dropout off: the identity
for name, row in rows.items():
    cells = " ".join(f"{v:3.1f}" if v else "  -" for v in row)
    print(f"{name:>10}: {cells}   kept {np.count_nonzero(row)}, sum {row.sum():.1f}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 2.9))
for r, (name, row) in enumerate(rows.items()):
    y = -r - (r == 4) * 0.4  # a gap above the evaluation row
    ax.text(-0.2, y, name, ha="right", va="center", fontsize=10)
    for u, v in enumerate(row):
        shade = "#4e79a7" if v > h[u] else "#a0cbe8"  # doubled, or as it came in
        ax.add_patch(plt.Rectangle((u + 0.05, y - 0.45), 0.9, 0.9, lw=1,
                                   fc=shade if v else "none", ec="#888888"))
        ax.text(u + 0.5, y, f"{v:.1f}" if v else "0", ha="center", va="center",
                fontsize=9, color="white" if v > h[u] else "black")
ax.set(xlim=(-2.6, units), ylim=(-5, 0.6))
ax.axis("off")
ax.set_title(f"Dropout p = {p}: a new mask each step, survivors \u00d7 {1 / (1 - p):g}",
             fontsize=10)
fig.tight_layout()
fig.savefig("dropout_masks.svg", metadata={"Date": None})
