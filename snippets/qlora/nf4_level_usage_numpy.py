"""How often is each NF4 level used? Normal weights, absmax-scaled in blocks of 64.

NF4's levels are normal quantiles, so they would be used equally often (1/16 = 6.25%
each) by weights drawn from one fixed normal distribution. Scaling each block by its
largest magnitude stretches that picture: the block's largest weight always lands on
-1 or 1, and the rest crowd towards the middle.
"""

from statistics import NormalDist

import numpy as np

# The 16 NF4 levels, built as in snippets/quantization/nf4_levels_numpy.py (QLoRA's
# construction).
offset = 0.9677083
normal = NormalDist()
positive = [normal.inv_cdf(p) for p in np.linspace(offset, 0.5, 9)[:-1]]
negative = [-normal.inv_cdf(p) for p in np.linspace(offset, 0.5, 8)[:-1]]
nf4 = np.sort(np.array(positive + [0.0] + negative))
nf4 = nf4 / nf4.max()
int4 = np.arange(-7, 8) / 7  # symmetric int4: 15 evenly spaced levels

# --8<-- [start:usage]
rng = np.random.default_rng(0)
blocks = rng.normal(0, 0.02, size=(4096, 64))  # 262,144 normal weights, blocks of 64
scaled = blocks / np.abs(blocks).max(axis=1, keepdims=True)  # each block into [-1, 1]

for name, levels in [("NF4", nf4), ("int4", int4)]:
    nearest = np.abs(scaled[:, :, None] - levels).argmin(axis=2)
    usage = np.bincount(nearest.ravel(), minlength=len(levels)) / nearest.size
    print(f"{name:4} ideal {1 / len(levels):.2%} per level, used"
          f" {usage.min():.1%} to {usage.max():.1%}")
    print("     " + " ".join(f"{u:.1%}" for u in usage))
# --8<-- [end:usage]
