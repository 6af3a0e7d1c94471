"""torch's float32 -> bfloat16 cast on the same numbers: the same bit pattern and the
same rounded values."""

import torch

x = torch.tensor(
    [1.0, 1.00390625, 1.01171875, 3.14159265, 0.1, 70000.0, -2.71828183, 1e-40],
    dtype=torch.float32,
)

bf = x.to(torch.bfloat16)
print(
    "fp32 bits of 3.14159265:",
    format(x[3:4].view(torch.int32).item() & 0xFFFFFFFF, "032b"),
)
print(
    "bf16 keeps the top 16:  ",
    format(bf[3:4].view(torch.int16).item() & 0xFFFF, "016b"),
)
for v, b in zip(x.tolist(), bf.float().tolist(), strict=True):
    print(f"{v:>14.9g} -> {b:.9g}")
