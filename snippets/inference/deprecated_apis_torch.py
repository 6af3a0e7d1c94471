"""Which torch quantization APIs warn in torch 2.13, and what they say about where to go
next."""

import warnings

import torch
from torch import nn


def show_warnings(label, call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    print(f"{label}: {len(caught)} warning(s)")
    first = caught[0]
    print(f"  {first.category.__name__}:")
    for line in str(first.message).splitlines():
        print("   ", line.strip())
    return result


# --8<-- [start:calls]
print("torch", torch.__version__.split("+")[0])
show_warnings(
    "torch.quantize_per_tensor",
    lambda: torch.quantize_per_tensor(torch.ones(4), 0.1, 0, torch.qint8),
)
model = nn.Sequential(nn.Linear(8, 4))
quantized = show_warnings(
    "torch.ao.quantization.quantize_dynamic",
    lambda: torch.ao.quantization.quantize_dynamic(
        model, {nn.Linear}, dtype=torch.qint8
    ),
)
print(
    "the layer it returns:",
    type(quantized[0]).__module__ + "." + type(quantized[0]).__name__,
)
# --8<-- [end:calls]
