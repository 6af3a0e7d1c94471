"""Magnitude pruning by hand: unstructured per layer, global over layers, whole rows,
and the 2:4 pattern."""

import numpy as np

rng = np.random.default_rng(0)
# two layers with different weight scales
w1 = rng.normal(0, 1.0, size=(8, 16)).astype(np.float32)
w2 = rng.normal(0, 0.3, size=(4, 8)).astype(np.float32)


def zeros(*ws):
    return [int((w == 0).sum()) for w in ws]


# unstructured, layer by layer: zero the 50% smallest |w| in each layer
def prune_smallest(w, amount):
    k = round(amount * w.size)
    order = np.argsort(np.abs(w), axis=None, kind="stable")
    mask = np.ones(w.size, dtype=np.float32)
    mask[order[:k]] = 0
    return w * mask.reshape(w.shape)


print(
    "layer-wise 50%: zeros per layer",
    zeros(prune_smallest(w1, 0.5), prune_smallest(w2, 0.5)),
)

# global: one threshold over both layers; the layer with smaller weights loses more
both = np.concatenate([w1.ravel(), w2.ravel()])
k = round(0.5 * both.size)
threshold = np.sort(np.abs(both))[k - 1]
keep = [np.where(np.abs(w) <= threshold, 0, w) for w in (w1, w2)]
print("global 50%:     zeros per layer", zeros(*keep))

# structured: remove whole output rows (neurons) with the smallest L2 norm; the matrix
# could then shrink
norms = np.linalg.norm(w1, axis=1)
drop = np.argsort(norms, kind="stable")[: round(0.25 * len(norms))]
rows_pruned = w1.copy()
rows_pruned[drop] = 0
print(
    "rows 25%:       zeros", zeros(rows_pruned), "rows dropped", sorted(drop.tolist())
)

# 2:4 semi-structured: in every group of 4 consecutive weights keep the 2 largest |w|
groups = w1.reshape(-1, 4)
keep = np.argsort(-np.abs(groups), axis=1, kind="stable")[:, :2]
mask = np.zeros_like(groups)
np.put_along_axis(mask, keep, 1.0, axis=1)
two_four = (groups * mask).reshape(w1.shape)
per_group = sorted(set(mask.sum(axis=1).astype(int).tolist()))
print("2:4:            zeros", zeros(two_four), "nonzeros per group of 4", per_group)
