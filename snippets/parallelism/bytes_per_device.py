"""Bytes of model state per device when training Llama-2-7B with mixed-precision Adam on
N devices, under data parallelism, ZeRO stages 1-3 (FSDP's sharding), and tensor or
pipeline parallelism.

Model states (ZeRO paper, Section 3.1): 2 bytes of fp16/bf16 parameters, 2 of
gradients, and K = 12 of optimizer state (an fp32 copy of the parameters, Adam's two
moments), 16 in all. The per-device formulas are those of the paper's Figure 1.
Activations, buffers and fragmentation come on top. Llama-2-7B's count is computed
from its config.json: hidden_size 4096, intermediate_size 11008, 32 layers,
vocab_size 32000, untied.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

d, ff, layers, vocab = 4096, 11008, 32, 32000
params = layers * (4 * d * d + 3 * d * ff + 2 * d) + 2 * vocab * d + d
P, G, K = 2, 2, 12  # bytes per parameter: parameters, gradients, optimizer state


def parts(n, stage):
    """Bytes per parameter that one of n data-parallel devices holds: (parameters,
    gradients, optimizer state). Stage 1 shards the state, 2 the gradients too, 3
    everything."""
    sharded = (stage >= 3, stage >= 2, stage >= 1)
    return tuple(b / n if s else b for b, s in zip((P, G, K), sharded, strict=True))


def per_device(n, stage):
    """Bytes per parameter of the model that one of n data-parallel devices holds."""
    return sum(parts(n, stage))


# DP keeps all 16 bytes per parameter on every device: the whole model state, whose
# total for Llama-2-7B the memory footprint page computes. Sharding divides it:
print(f"Llama-2-7B: {params:,} parameters")
header = "".join(f"{name:>8} " for name in ("devices", "ZeRO-1", "ZeRO-2"))
print(f"{header}{'ZeRO-3':>8}  (GB per device)")
for n in (8, 64):
    row = "".join(f"{per_device(n, s) * params / 1e9:9.1f}" for s in range(1, 4))
    print(f"{n:>8}{row}")
stages = ("DP", "ZeRO-1", "ZeRO-2", "ZeRO-3")
for n in (8, 64):
    print(
        f"bytes per parameter per device at {n} devices:",
        ", ".join(f"{stages[s]} {per_device(n, s):.3f}" for s in range(4)),
    )

# Tensor (or pipeline) parallelism over t devices splits the matrices (or the layers),
# so each device holds 1/t of every model state; it combines with data parallelism.
for t in (2, 8):
    gb = 16 * params / t / 1e9
    print(f"tensor or pipeline parallel over {t}: {gb:.1f} GB per device")

# The paper's own example (Figure 1): 7.5B parameters on 64 devices.
paper = [per_device(64, s) * 7.5e9 / 1e9 for s in range(4)]
print("ZeRO paper, 7.5B on 64 devices:", ", ".join(f"{gb:.1f}" for gb in paper), "GB")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(4.6, 2.5), layout="constrained")
left = [0.0] * 4
labels = ["parameters (16-bit)", "gradients (16-bit)", "optimizer state (fp32)"]
colors = ["#4e79a7", "#f28e2b", "#bab0ac"]
for i, (label, color) in enumerate(zip(labels, colors, strict=True)):
    widths = [parts(8, s)[i] for s in range(4)]
    ax.barh(stages, widths, left=left, color=color, label=label)
    left = [a + b for a, b in zip(left, widths, strict=True)]
for row, total in enumerate(left):
    ax.text(total + 0.2, row, f"{total:g}", va="center")
ax.invert_yaxis()
ax.set_xlim(0, 17)
ax.set_xlabel("bytes per parameter on each of 8 devices")
ax.spines[["top", "right"]].set_visible(False)
fig.legend(loc="outside lower left", frameon=False)
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig("zero_stages.svg", metadata=no_metadata)
