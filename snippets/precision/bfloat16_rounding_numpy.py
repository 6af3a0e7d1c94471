"""bf16 is the top half of an fp32 bit pattern, rounded to nearest even: emulated with
numpy's integer ops."""

import numpy as np

x = np.array(
    [1.0, 1.00390625, 1.01171875, 3.14159265, 0.1, 70000.0, -2.71828183, 1e-40],
    dtype=np.float32,
)


def to_bfloat16(x):
    """Round float32 to the nearest bfloat16 (ties to even) and return it as float32."""
    bits = x.view(np.uint32).astype(np.uint64)
    lower = bits & 0xFFFF  # the 16 bits that bf16 drops
    keep = bits >> 16
    # above half, or a tie with odd last bit
    round_up = (lower > 0x8000) | ((lower == 0x8000) & (keep & 1 == 1))
    keep = keep + round_up
    return (keep << 16).astype(np.uint32).view(np.float32)


bf = to_bfloat16(x)
print("fp32 bits of 3.14159265:", format(int(x[3:4].view(np.uint32)[0]), "032b"))
print("bf16 keeps the top 16:  ", format(int(bf[3:4].view(np.uint32)[0]) >> 16, "016b"))
for v, b in zip(x, bf, strict=True):
    print(f"{v:>14.9g} -> {b:.9g}")
