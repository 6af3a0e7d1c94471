"""Inverted dropout by hand: zero a random fraction p of activations, scale the rest by
1 / (1 - p)."""

import numpy as np

rng = np.random.default_rng(0)
h = rng.normal(1.0, 0.5, size=100_000)  # the activations of a layer, for many examples


def dropout(h: np.ndarray, p: float, training: bool) -> np.ndarray:
    if not training or p == 0:
        return h  # at evaluation, dropout does nothing
    keep = rng.random(h.shape) >= p  # a new random mask at every call
    # scale up the survivors so the expected value is unchanged
    return h * keep / (1 - p)


for p in [0.1, 0.5]:
    out = dropout(h, p, training=True)
    print(
        f"p={p}: fraction zeroed {np.mean(out == 0):.3f}, mean before "
        f"{h.mean():.3f}, after {out.mean():.3f}, "
        f"a survivor is scaled by {1 / (1 - p):.4g}"
    )
print(
    "evaluation mode returns the input unchanged:",
    np.array_equal(dropout(h, 0.5, training=False), h),
)
