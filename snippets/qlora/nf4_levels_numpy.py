"""NF4: the 16 levels of 4-bit NormalFloat, built from normal quantiles, against evenly
spaced int4 levels."""

from statistics import NormalDist

import numpy as np

# --8<-- [start:levels]
# QLoRA's construction: quantiles of N(0, 1) at evenly spaced probabilities, 8 for the
# positive side and
# 7 for the negative side, plus an exact zero; the offset keeps the outermost quantile
# finite.
offset = 0.9677083
normal = NormalDist()
positive = [normal.inv_cdf(p) for p in np.linspace(offset, 0.5, 9)[:-1]]
negative = [-normal.inv_cdf(p) for p in np.linspace(offset, 0.5, 8)[:-1]]
nf4 = np.sort(np.array(positive + [0.0] + negative))
nf4 = nf4 / nf4.max()  # normalized to [-1, 1]
print(len(nf4), "NF4 levels:", " ".join(f"{v:.4f}" for v in nf4))
# symmetric int4 after absmax scaling: 15 evenly spaced levels
int4 = np.arange(-7, 8) / 7
print(len(int4), "int4 levels:", " ".join(f"{v:.4f}" for v in int4))


def quantize_to_levels(w, levels, block=64):
    """Absmax-scale each block of 64 weights to [-1, 1], snap each weight to the nearest
    level, scale back."""
    blocks = w.reshape(-1, block)
    absmax = np.abs(blocks).max(axis=1, keepdims=True)
    nearest = np.abs(blocks[:, :, None] / absmax[:, :, None] - levels).argmin(axis=2)
    return (levels[nearest] * absmax).reshape(w.shape)


rng = np.random.default_rng(0)
# trained weights are roughly normal
w = rng.normal(0, 0.02, size=(256, 256)).astype(np.float32)
for name, levels in [("NF4", nf4), ("int4", int4)]:
    err = quantize_to_levels(w, levels) - w
    print(
        f"{name:4} relative RMS error on normal weights: "
        f"{np.sqrt(np.mean(err**2) / np.mean(w**2)):.4f}"
    )
# --8<-- [end:levels]
