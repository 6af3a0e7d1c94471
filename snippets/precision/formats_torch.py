"""Bits, range and spacing of fp32, fp16, bf16 and the two fp8 formats, read from
torch.finfo."""

import math

import torch

formats = {
    "fp32": torch.float32,
    "fp16": torch.float16,
    "bf16": torch.bfloat16,
    "fp8 e4m3fn": torch.float8_e4m3fn,
    "fp8 e5m2": torch.float8_e5m2,
}

header = ["bits", "exp", "man", "max", "min normal", "min subnormal", "eps", "digits"]
widths = [4, 3, 3, 10, 10, 13, 9, 6]
print(
    f"{'format':10} "
    + " ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True))
)
for name, dtype in formats.items():
    fi = torch.finfo(dtype)
    mantissa = round(-math.log2(fi.eps))  # eps = 2**-mantissa_bits: the gap after 1.0
    exponent = fi.bits - 1 - mantissa
    digits = mantissa * math.log10(2)  # about how many decimal digits the format keeps
    print(
        f"{name:10} {fi.bits:4d} {exponent:3d} {mantissa:3d} {fi.max:10.4g} "
        f"{fi.smallest_normal:10.4g}"
        f" {fi.smallest_normal * fi.eps:13.4g} {fi.eps:9.3g} {digits:6.1f}"
    )
print(
    "largest finite fp16:",
    torch.finfo(torch.float16).max,
    "| largest e4m3fn:",
    torch.finfo(torch.float8_e4m3fn).max,
)

n = 1_000_000  # one million parameters, stored in each format
for name, dtype in formats.items():
    t = torch.zeros(n, dtype=dtype)
    print(
        f"{name:10}: {t.nbytes:8d} bytes = "
        f"{t.nbytes / 1e6:.0f} MB per million parameters"
    )
