"""LoRA's shapes to scale: a frozen W beside the trainable B and A, whose product BA
has the shape of W."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# --8<-- [start:shapes]
d_in, d_out, r = 96, 48, 4  # a small layer, so that rank 4 is still visible
frozen, trained = d_out * d_in, r * (d_in + d_out)
print(f"W: {d_out} x {d_in} = {frozen:,} numbers, frozen")
print(
    f"B: {d_out} x {r} and A: {r} x {d_in}: r (d_in + d_out) = {trained} numbers, "
    f"trained ({trained / frozen:.1%} of W's)"
)
print(f"BA: {d_out} x {d_in}, the shape of W, of rank at most {r}")
# --8<-- [end:shapes]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(4.6, 1.9))
# one unit of length per row or column; B after W and a "+", A above the product BA
b_left = d_in + 14
ba_left = b_left + r + 2
ax.add_patch(plt.Rectangle((0, 0), d_in, d_out, color="#bab0ac"))
ax.add_patch(plt.Rectangle((b_left, 0), r, d_out, color="#4e79a7"))
ax.add_patch(plt.Rectangle((ba_left, d_out + 2), d_in, r, color="#f28e2b"))
ax.add_patch(plt.Rectangle((ba_left, 0), d_in, d_out, fill=False, ls="--"))
ax.text(d_in / 2, d_out / 2, f"W\n{d_out} × {d_in}\nfrozen", ha="center", va="center")
ax.text(d_in + 7, d_out / 2, "+", ha="center", va="center", fontsize=16)
ax.text(b_left - 1, -3, f"B  {d_out} × {r}", va="top")
ax.text(ba_left + d_in, d_out + 8, f"A  {r} × {d_in}", ha="right")
ax.text(
    ba_left + d_in / 2,
    d_out / 2,
    f"BA\n{d_out} × {d_in}\nrank ≤ {r}",
    ha="center",
    va="center",
)
ax.text(ba_left + d_in, -3, f"{trained} trained", ha="right", va="top")
ax.text(0, -3, f"{frozen:,} numbers", va="top")
ax.set_xlim(-1, ba_left + d_in + 1)
ax.set_ylim(-14, d_out + 18)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout(pad=0.2)
fig.savefig(
    "lora_shapes.svg", metadata=dict.fromkeys(["Date", "Creator", "Format", "Type"])
)
