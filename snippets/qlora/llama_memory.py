"""LoRA against QLoRA on Llama 2 7B: memory for base weights and adapters."""

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
