"""LoRA against QLoRA on Llama 2 7B: memory for base weights and adapters."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# Llama 2 7B (Llama-2-7b config): width 4096, 32 layers, MLP width 11008,
# vocabulary 32000
d, L, ff, V = 4096, 32, 11008, 32000
linear = L * (4 * d * d + 3 * d * ff)  # the matrices that QLoRA stores in NF4
other = (
    2 * V * d + (2 * L + 1) * d
)  # embeddings, output head and norms: kept in 16 bits
print(f"parameters: {linear + other:,} ({linear:,} in linear layers)")

r = 16  # LoRA rank, on all seven linear matrices of every layer
shapes = 4 * [(d, d)] + 2 * [(d, ff)] + [(ff, d)]
adapters = L * sum(r * (d_in + d_out) for d_in, d_out in shapes)
adapter_bytes = (
    16 * adapters
)  # fp32 weights, gradients and two AdamW moments: 16 B each
nf4_dq_bits = (
    4 + 8 / 64 + 32 / (64 * 256)
)  # NF4 with double quantization (QLoRA, Section 3)

lora_base = 2 * (linear + other)  # bf16
qlora_base = linear * nf4_dq_bits / 8 + 2 * other
print(
    f"adapters, r={r}: {adapters:,} trainable, "
    f"{adapter_bytes / 1e9:.2f} GB with gradients and state"
)
print(f"LoRA:  bf16 base + adapters = {(lora_base + adapter_bytes) / 1e9:5.2f} GB")
print(
    f"QLoRA: NF4 base {qlora_base / 1e9:4.2f} GB + adapters = "
    f"{(qlora_base + adapter_bytes) / 1e9:5.2f} GB"
)
print(
    f"the NF4 base saves {(lora_base - qlora_base) / 1e9:.2f} GB, "
    f"{1 - qlora_base / lora_base:.0%} of the bf16 base"
)

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(4.6, 2.4), layout="constrained")
parts = {  # GB for LoRA, then for QLoRA
    "linear layers: bf16, then NF4": (2 * linear, linear * nf4_dq_bits / 8),
    "embeddings, head, norms (bf16)": (2 * other, 2 * other),
    "adapters, gradients, AdamW": (adapter_bytes, adapter_bytes),
}
colors = ["#4e79a7", "#bab0ac", "#f28e2b"]
left = [0.0, 0.0]
for (label, nbytes), color in zip(parts.items(), colors, strict=True):
    gb = [b / 1e9 for b in nbytes]
    ax.barh(["LoRA", "QLoRA"], gb, left=left, color=color, label=label)
    left = [a + b for a, b in zip(left, gb, strict=True)]
for row, total in enumerate(left):
    ax.text(total + 0.2, row, f"{total:.2f} GB", va="center")
ax.invert_yaxis()
ax.set_xlim(0, 17)
ax.set_xticks(range(0, 17, 4))
ax.set_xlabel("GB, before activations")
fig.legend(loc="outside lower left", frameon=False)
ax.spines[["top", "right"]].set_visible(False)
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig("lora_vs_qlora.svg", metadata=no_metadata)
