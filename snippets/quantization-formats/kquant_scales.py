"""How GGUF's K-quants store their scales: two levels, sub-blocks and a super-block."""

import io
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

QK_K = 256  # weights per super-block
# The block structs block_q2_K ... block_q6_K of llama.cpp's ggml/src/ggml-common.h, as
# bits: each weight's code; per sub-block a quantized scale and, in the types that
# decode w = d * scale * q - dmin * min, a quantized minimum; per super-block the fp16
# numbers that decode those scales (d) and minimums (dmin).
# --8<-- [start:layout]
K_QUANTS = {
    # type: (code bits, sub-blocks, scale bits, minimum bits, fp16 per super-block)
    "Q2_K": (2, 16, 4, 4, ("d", "dmin")),
    "Q3_K": (3, 16, 6, 0, ("d",)),
    "Q4_K": (4, 8, 6, 6, ("d", "dmin")),
    "Q5_K": (5, 8, 6, 6, ("d", "dmin")),
    "Q6_K": (6, 16, 8, 0, ("d",)),
}
# --8<-- [end:layout]

print("type  sub-blocks  scale bits  min bits  fp16 per 256  bytes  bits/weight")
parts = {}  # bits per weight: codes, sub-block scales and minimums, fp16 numbers
for name, (code, subs, scale, minimum, fp16) in K_QUANTS.items():
    bits = QK_K * code + subs * (scale + minimum) + 16 * len(fp16)
    parts[name] = (code, subs * (scale + minimum) / QK_K, 16 * len(fp16) / QK_K)
    print(
        f"{name:5} {f'{subs} x {QK_K // subs}':>10} {scale:>11} {minimum or '-':>9}  "
        f"{', '.join(fp16):12} {bits // 8:>6} {bits / QK_K:>12.4f}"
    )

# The figure: each type's bits per weight, split into its three parts.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(4.6, 2.3))
colors = ["#4e79a7", "#f28e2b", "#e15759"]
for row, (name, widths) in enumerate(parts.items()):
    ax.barh(row, widths, left=[0, widths[0], widths[0] + widths[1]], color=colors)
    ax.text(-0.1, row, name, ha="right", va="center")
    ax.text(sum(widths) + 0.1, row, f"{sum(widths):g}", va="center")
labels = ["codes", "sub-block scales and minimums", "fp16 d, dmin per 256 weights"]
for i, (label, color) in enumerate(zip(labels, colors, strict=True)):
    ax.text(-0.5, 5 + 0.65 * i, "\u25a0", color=color, va="center")
    ax.text(-0.1, 5 + 0.65 * i, label, va="center")
ax.text(-1, -1, "Bits per weight of each K-quant, in three parts", va="center")
ax.set_xlim(-1, 7.6)
ax.invert_yaxis()
ax.axis("off")
fig.tight_layout(pad=0.2)
svg = io.StringIO()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig(svg, format="svg", metadata=no_metadata)
# A lighter file that draws the same: no XML prolog (a browser needs none), coordinates
# to 0.1 pt, each bar a <rect>, no clipping (everything lies inside the axes), no
# indentation, no groups, no <defs> (nothing is stroked, clipped or repeated).
text = svg.getvalue()[svg.getvalue().index("<svg") :]
text = re.sub(r'="[^"]*"', lambda m: re.sub(r"(\.\d)\d+", r"\1", m[0]), text)
bar = r'<path d="M ([\d.]+) ([\d.]+) \nL ([\d.]+) \2 \nL \3 ([\d.]+) \nL \1 \4 \nz\n"'


def rect(m):
    x0, y0, x1, y1 = (float(v) for v in m.groups())
    return (
        f'<rect x="{min(x0, x1):g}" y="{min(y0, y1):g}" '
        f'width="{abs(x1 - x0):.1f}" height="{abs(y1 - y0):.1f}"'
    )


text = re.sub(bar, rect, text)
text = re.sub(r' (clip-path="url\(#\w+\)"|transform="rotate\(-0 [\d. ]+\)")', "", text)
text = re.sub(r"\n\s+", "\n", text)
text = re.sub(r'<g id="(patch|text)_\d+">\n(<[^\n]*)\n</g>', r"\2", text)
text = re.sub(r"<defs>.*?</defs>\n", "", text, flags=re.S)
Path("kquant_bits.svg").write_text(text)
