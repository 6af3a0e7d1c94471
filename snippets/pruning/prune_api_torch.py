"""What torch.nn.utils.prune really does to a module: weight_orig, weight_mask, a
forward pre-hook, more memory."""

import torch
from torch import nn
from torch.nn.utils import prune

torch.manual_seed(0)


def stored_bytes(module: nn.Module) -> int:
    """Bytes of everything the module keeps: parameters and buffers (the state_dict)."""
    return sum(t.nbytes for t in module.state_dict().values())


layer = nn.Linear(100, 10)  # 1000 weights + 10 biases
print(
    "before:     params",
    [n for n, _ in layer.named_parameters()],
    "bytes",
    stored_bytes(layer),
)

prune.l1_unstructured(layer, name="weight", amount=0.3)  # zero the 30% smallest |w|
print(
    "after:      params",
    [n for n, _ in layer.named_parameters()],
    "buffers",
    [n for n, _ in layer.named_buffers()],
)
print(
    "            weight is a plain attribute now:",
    type(layer.weight).__name__,
    "not a Parameter",
)
print(
    "            hooks", [type(h).__name__ for h in layer._forward_pre_hooks.values()]
)
print(
    "            zeros in weight",
    int((layer.weight == 0).sum()),
    "zeros in weight_orig",
    int((layer.weight_orig == 0).sum()),
)
print(
    "            bytes",
    stored_bytes(layer),
    "(original + a float mask of the same shape)",
)
with torch.no_grad():
    # an optimizer step changes weight_orig, masked entries included
    layer.weight_orig.add_(1.0)
# the forward pre-hook recomputes weight = weight_orig * weight_mask
layer(torch.zeros(1, 100))
print(
    "            after a step and a forward: zeros in weight",
    int((layer.weight == 0).sum()),
)

# 30% of the 700 weights still unpruned
prune.l1_unstructured(layer, name="weight", amount=0.3)
print(
    "twice:      zeros in weight",
    int((layer.weight == 0).sum()),
    "= 300 + round(0.3 * 700)",
)
print(
    "            hooks", [type(h).__name__ for h in layer._forward_pre_hooks.values()]
)

# make it permanent: weight = weight_orig * weight_mask, drop the rest
prune.remove(layer, "weight")
print(
    "removed:    params",
    [n for n, _ in layer.named_parameters()],
    "buffers",
    [n for n, _ in layer.named_buffers()],
)
print(
    "            zeros in weight",
    int((layer.weight == 0).sum()),
    "bytes",
    stored_bytes(layer),
    "(dense: zeros still stored)",
)

# a float amount is a fraction of the weights, rounded with Python's round() (half to
# even); an int is a count
for amount in [0.25, 0.35, 0.45, 3]:
    small = nn.Linear(10, 1)
    prune.random_unstructured(small, name="weight", amount=amount)
    print(
        f"amount={amount!r:5} on 10 weights -> {int((small.weight == 0).sum())} pruned"
    )
