"""The same four kinds of magnitude pruning with torch.nn.utils.prune (and plain tensor
ops for 2:4)."""

import numpy as np
import torch
from torch import nn
from torch.nn.utils import prune

rng = np.random.default_rng(0)  # the same weights as the numpy version
w1 = torch.from_numpy(rng.normal(0, 1.0, size=(8, 16)).astype(np.float32))
w2 = torch.from_numpy(rng.normal(0, 0.3, size=(4, 8)).astype(np.float32))


def fresh_layers():
    a, b = nn.Linear(16, 8, bias=False), nn.Linear(8, 4, bias=False)
    with torch.no_grad():
        a.weight.copy_(w1)
        b.weight.copy_(w2)
    return a, b


def zeros(*layers):
    return [int((layer.weight == 0).sum()) for layer in layers]


a, b = fresh_layers()
prune.l1_unstructured(a, "weight", amount=0.5)
prune.l1_unstructured(b, "weight", amount=0.5)
print("layer-wise 50%: zeros per layer", zeros(a, b))

a, b = fresh_layers()
prune.global_unstructured(
    [(a, "weight"), (b, "weight")], pruning_method=prune.L1Unstructured, amount=0.5
)
print("global 50%:     zeros per layer", zeros(a, b))

a, _ = fresh_layers()
prune.ln_structured(a, "weight", amount=0.25, n=2, dim=0)  # dim=0: whole output rows
dropped = torch.nonzero(a.weight_mask.sum(dim=1) == 0).ravel()
print("rows 25%:       zeros", zeros(a), "rows dropped", sorted(dropped.tolist()))

# prune has no 2:4 method; the pattern is a mask of the top 2 |w| in each group of 4
groups = w1.reshape(-1, 4)
mask = torch.zeros_like(groups).scatter_(1, groups.abs().topk(2, dim=1).indices, 1.0)
two_four = (groups * mask).reshape(w1.shape)
per_group = sorted(set(mask.sum(dim=1).int().tolist()))
print(
    "2:4:            zeros",
    [int((two_four == 0).sum())],
    "nonzeros per group of 4",
    per_group,
)
