"""Where 10,000 gradient values fall against fp16's range, before and after a loss scale
of 2**16. The values are drawn with magnitudes spread over many powers of ten, as the
gradients of a deep network are (log10 |g| normal, mean -7, spread 1.5)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch

rng = np.random.default_rng(0)
exponents = np.clip(rng.normal(-7, 1.5, 10_000), -15, 0)  # log10 of each |gradient|
grads = torch.tensor(10**exponents, dtype=torch.float32)
fp16 = torch.finfo(torch.float16)
tiny = fp16.smallest_normal * fp16.eps  # the smallest subnormal, about 6e-8
scale = 2.0**16

print(f"fp16: smallest subnormal {tiny:.3g}, smallest normal"
      f" {fp16.smallest_normal:.3g}, largest {fp16.max:.0f}")
for label, s in [("unscaled", 1.0), ("scaled by 2**16", scale)]:
    stored = (grads * s).half()
    zero = (stored == 0).float().mean()
    subnormal = ((stored != 0) & (stored.abs() < fp16.smallest_normal)).float().mean()
    overflow = stored.isinf().float().mean()
    print(f"{label:16}: {zero:6.2%} become 0, {subnormal:6.2%} subnormal (fewer"
          f" digits), {overflow:.2%} overflow")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.2, 3.2))
edges = np.arange(-15, 6.5, 0.5)  # half powers of ten, 1e-15 to 1e6
low, normal, high = np.log10([tiny / 2, fp16.smallest_normal, fp16.max]).round(2)
for (a, b), color, text in [((-15, low), "#e15759", "0 in fp16"),
                            ((low, normal), "#f28e2b", "subnormal"),
                            ((high, 6), "#e15759", "inf")]:
    ax.axvspan(a, b, color=color, alpha=0.15, lw=0)
    ax.text((a + b) / 2, 0.98, text, ha="center", va="top", fontsize=8,
            transform=ax.get_xaxis_transform())
for label, s, color in [("gradients ", 1, "#4e79a7"),
                        (" \u00d7 2**16\n (loss\n scaling)", scale, "#59a14f")]:
    counts, _ = np.histogram(exponents + np.log10(s), edges)
    ax.stairs(counts, edges, color=color, lw=1.5)
    peak = edges[counts.argmax()]  # the left edge of the fullest bin
    right = s > 1  # label the scaled curve on its right, the other on its left
    ax.text(peak + (2.5 if right else -1.5), counts.max() * 0.8, label, color=color,
            ha="left" if right else "right", va="center", fontsize=8)
ax.set_xticks(range(-14, 7, 4), [f"1e{e}" for e in range(-14, 7, 4)])
ax.set(xlim=(-15, 6), xlabel="|gradient|, log scale", ylabel="values per half decade")
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
fig.savefig("gradient_range.svg", metadata={"Date": None})
