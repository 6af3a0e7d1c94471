"""Quantization error as the bit width goes down: per-tensor, per-channel and group-wise
symmetric scales."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

# --8<-- [start:errors]
rng = np.random.default_rng(0)
# a weight matrix whose rows have very different scales, plus a few large outliers, as
# trained layers often do
w = rng.normal(size=(64, 256)) * rng.lognormal(0, 1, size=(64, 1))
w[rng.integers(0, 64, 8), rng.integers(0, 256, 8)] *= 8
w = w.astype(np.float32)


def fake_quant(w, bits, block_shape):
    """Symmetric quantization with one scale per block; returns the dequantized
    weights."""
    qmax = 2 ** (bits - 1) - 1  # int8: 127, int4: 7
    rows, cols = block_shape
    blocks = w.reshape(w.shape[0] // rows, rows, w.shape[1] // cols, cols)
    scale = np.abs(blocks).max(axis=(1, 3), keepdims=True) / qmax
    q = np.clip(np.rint(blocks / scale), -qmax, qmax)
    return (q * scale).reshape(w.shape)


granularities = {
    "per-tensor": w.shape,
    "per-channel (row)": (1, w.shape[1]),
    "group-wise (32)": (1, 32),
}
bit_widths = [8, 6, 5, 4, 3, 2]
errors = {name: [] for name in granularities}
for bits in bit_widths:
    for name, block in granularities.items():
        err = fake_quant(w, bits, block) - w
        errors[name].append(float(np.sqrt(np.mean(err**2)) / np.sqrt(np.mean(w**2))))
print("bits  " + "  ".join(f"{name:>17}" for name in granularities))
for i, bits in enumerate(bit_widths):
    print(
        f"{bits:4d}  " + "  ".join(f"{errors[name][i]:17.4f}" for name in granularities)
    )

# the scales are stored too: with one 16-bit scale per group of g weights, b-bit codes
# cost b + 16/g bits each
for bits, group in [(8, w.shape[1]), (4, 128), (4, 64), (4, 32), (3, 64)]:
    real_bits = bits + 16 / group
    print(
        f"int{bits}, one fp16 scale per {group:3d} weights: {real_bits:.3f} bits "
        "per weight"
    )
# --8<-- [end:errors]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # one short font list
fig, ax = plt.subplots(figsize=(6, 3.5))
for (name, errs), marker in zip(errors.items(), ["o-", "s--", "^-."], strict=True):
    ax.semilogy(bit_widths, errs, marker, label=name)
ax.set_xlabel("bits per weight (codes only)")
ax.set_ylabel("relative RMS error")
ax.set_title("symmetric quantization of one weight matrix")
ax.invert_xaxis()
ax.legend(fontsize=8)
ax.grid(alpha=0.3, which="both")
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig("error_vs_bits.svg", metadata=no_metadata)
