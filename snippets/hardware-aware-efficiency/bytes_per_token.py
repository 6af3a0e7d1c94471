"""Generating one token reads every weight once: bytes moved per token, and the speed
limit that sets, by format."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# --8<-- [start:bytes]
# a 7-billion-parameter model (weights only; the KV cache and activations come on top)
n_params = 7e9
# an ASSUMED memory bandwidth of 1000 GB/s, to turn bytes into a time; not a measurement
bandwidth = 1e12
formats = {
    "fp32": 32,
    "bf16": 16,
    "int8 + per-channel scales": 8,
    "int4 + fp16 scale per 128": 4 + 16 / 128,
}
print(f"{'format':26} {'GB per token':>12} {'GiB':>6} {'ceiling tokens/s':>17}")
for name, bits in formats.items():
    bytes_per_token = n_params * bits / 8
    print(
        f"{name:26} {bytes_per_token / 1e9:12.2f} {bytes_per_token / 2**30:6.2f} "
        f"{bandwidth / bytes_per_token:17.0f}"
    )

# arithmetic intensity of a matrix-vector product (batch 1): 2 FLOPs (multiply + add)
# per weight read
intensity = {name: 2 / (bits / 8) for name, bits in formats.items()}
for name, flops_per_byte in intensity.items():
    print(f"{name:26} {flops_per_byte:5.2f} FLOPs per byte of weights read")

# The roofline: a kernel runs at most at min(peak, bandwidth x intensity). With an
# ASSUMED peak of 1000 TFLOP/s of 16-bit math, it is memory-bound below the ridge.
peak = 1e15
print(f"ridge: {peak / bandwidth:.0f} FLOPs per byte")
# a batch of B tokens reuses each weight read B times: B times the intensity
batches = {B: 2 * B / 2 for B in (1, 64, 4096)}
for B, flops_per_byte in batches.items():
    ceiling = min(peak, bandwidth * flops_per_byte) / 1e12
    print(
        f"bf16, batch {B:4}: {flops_per_byte:4.0f} FLOPs/byte, {ceiling:4.0f} TFLOP/s"
    )
# --8<-- [end:bytes]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.6, 3))
ax.loglog([0.1, 1000, 1e4], [0.1, 1000, 1000], color="#555555")  # the roof, TFLOP/s
x = list(intensity.values()) + list(batches.values())[1:]
ax.loglog(x, [min(1000, v) for v in x], "o", color="#e15759")
ax.text(0.12, 8, "batch 1:\nfp32 to int4", va="center")
for B, v in list(batches.items())[1:]:
    ax.text(v / 1.4, min(1000, v) * 1.5, f"bf16, batch {B}", ha="right")
ax.text(15, 1, "memory-bound", rotation=35)
ax.text(1500, 400, "compute-\nbound", va="top")
ticks = [0.1, 1, 10, 100, 1000, 10000]
labels = ["0.1", "1", "10", "100", "1k", "10k"]
ax.set_xticks(ticks, labels)
ax.set_yticks(ticks[:-1], labels[:-1])
ax.minorticks_off()
ax.set_xlabel("FLOPs per byte read")
ax.set_ylabel("ceiling, TFLOP/s")
ax.spines[["top", "right"]].set_visible(False)
# fixed margins: tight_layout would depend on the last digits of numpy's log10
fig.subplots_adjust(left=0.16, right=0.97, bottom=0.17, top=0.95)
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("roofline.svg", metadata=no_metadata)
