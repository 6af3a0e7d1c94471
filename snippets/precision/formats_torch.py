"""Bits, range and spacing of fp32, fp16, bf16 and the two fp8 formats, read from
torch.finfo."""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
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
layout = {}  # for the figure: bits and the range of each format
for name, dtype in formats.items():
    fi = torch.finfo(dtype)
    mantissa = round(-math.log2(fi.eps))  # eps = 2**-mantissa_bits: the gap after 1.0
    exponent = fi.bits - 1 - mantissa
    tiny = fi.smallest_normal * fi.eps
    layout[name] = (exponent, mantissa, [round(math.log10(v), 3) for v in
                                         (tiny, fi.smallest_normal, fi.max)])
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

# The figure: the bits of each format (sign, exponent, mantissa), and its range of
# positive values on a log scale, subnormals in a lighter shade.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
COLORS = {"sign": "#e15759", "exponent": "#4e79a7", "mantissa": "#59a14f"}
fig, (bits, span) = plt.subplots(2, 1, figsize=(5.4, 4.6), height_ratios=[1, 1.1])
for y, (name, (exponent, mantissa, (tiny, normal, top))) in enumerate(layout.items()):
    x = 0
    for field, n in [("sign", 1), ("exponent", exponent), ("mantissa", mantissa)]:
        bits.barh(y, n, left=x, height=0.7, color=COLORS[field], ec="white", lw=0.5,
                  label=field if y == 0 else None)
        if n > 1:
            bits.text(x + n / 2, y, str(n), ha="center", va="center", color="white",
                      fontsize=8)
        x += n
    bits.text(-0.5, y, name, ha="right", va="center", fontsize=9)
    span.plot([tiny, normal], [y, y], color="#a0cbe8", lw=6, solid_capstyle="butt")
    span.plot([normal, top], [y, y], color="#4e79a7", lw=6, solid_capstyle="butt")
    span.text(top + 1, y, f"max {10**top:.3g}", va="center", fontsize=8)
bits.set(xlim=(0, 32), yticks=[])
bits.invert_yaxis()
bits.set_xlabel("bits", fontsize=9)
bits.legend(fontsize=8, ncol=3, loc="lower right", bbox_to_anchor=(1, 1))
span.axvline(0, color="0.8", lw=0.8, zorder=0)  # 1.0
span.set(xlim=(-46, 52), yticks=range(len(layout)), yticklabels=list(layout))
span.invert_yaxis()
span.set_xticks(range(-40, 41, 20), [f"1e{e}" for e in range(-40, 41, 20)])
span.set_xlabel("positive values, log scale (light: subnormal)", fontsize=9)
for ax in (bits, span):
    ax.tick_params(labelsize=8, left=False)
    ax.spines[["top", "right", "left"]].set_visible(False)
fig.tight_layout()
fig.savefig("bits_and_range.svg", metadata={"Date": None})
