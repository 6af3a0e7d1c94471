"""Four token vectors of width 64 at very different sizes, before and after LayerNorm
and RMSNorm (gains 1, no shift): both remove the size; only LayerNorm removes the
mean."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
d, eps = 64, 1e-5
# (mean, spread) of each token's features, as the residual stream might hold them
tokens = {"A": (0.0, 0.3), "B": (1.0, 2.0), "C": (-4.0, 10.0), "D": (30.0, 10.0)}
x = np.array([rng.normal(m, s, d) for m, s in tokens.values()])

layernorm = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + eps)
rmsnorm = x / np.sqrt((x**2).mean(-1, keepdims=True) + eps)
stats = {}
for stage, rows in [("input", x), ("LayerNorm", layernorm), ("RMSNorm", rmsnorm)]:
    stats[stage] = [(r.mean(), r.std(), r.min(), r.max()) for r in rows.round(4)]
    print(f"{stage}: mean and standard deviation of each token's 64 features")
    for name, (mean, std, _, _) in zip(tokens, stats[stage], strict=True):
        # + 0.0 turns -0.0 (a mean that is 0 up to rounding, either sign) into 0.0
        print(f"  token {name}: mean {round(mean, 2) + 0.0:6.2f}  std {std:5.2f}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, axes = plt.subplots(1, 3, figsize=(5.4, 2.6), sharey=True)
for ax, (stage, rows) in zip(axes, stats.items(), strict=True):
    for y, (mean, std, low, high) in enumerate(rows):
        ax.plot([round(low, 2), round(high, 2)], [y, y], color="0.6", lw=1)  # range
        ax.plot([round(mean - std, 2), round(mean + std, 2)], [y, y], color="#4e79a7",
                lw=5, solid_capstyle="butt")  # mean +- one standard deviation
        ax.plot(round(mean, 2), y, "k|", ms=10)
    ax.axvline(0, color="0.8", lw=0.8, zorder=0)
    ax.set_title(stage if stage == "input" else f"after {stage}", fontsize=10)
    ax.tick_params(labelsize=8, left=False)
    ax.spines[["top", "right", "left"]].set_visible(False)
axes[0].set_yticks(range(len(tokens)), [f"token {n}" for n in tokens])
axes[0].invert_yaxis()
fig.supxlabel("feature values: mean \u00b1 std (bar), min to max (line)", fontsize=9)
fig.tight_layout()
fig.savefig("token_scales.svg", metadata={"Date": None})
