"""Why freezing matters at scale: the training memory of Llama 2 7B with its backbone
frozen (no gradients, no Adam state), against training every parameter."""

# Parameter counts: Llama 2 7B from its configuration (width 4096, 32 layers, MLP 11008,
# vocabulary 32000), and LoRA with r=8 on the query and value projections (LoRA page).
total = 2 * 32000 * 4096 + 32 * (4 * 4096 * 4096 + 3 * 4096 * 11008 + 2 * 4096) + 4096
lora = 32 * 2 * 8 * (4096 + 4096)

# Bytes per parameter in mixed-precision training with Adam: bf16 weight 2, bf16
# gradient 2, fp32 master weight 4, fp32 Adam moments 4 + 4. A frozen parameter keeps
# only its bf16 weight.
TRAINED, FROZEN = 2 + 2 + 4 + 4 + 4, 2

frozen_backbone = FROZEN * total + TRAINED * lora
share = lora / (total + lora)
print(f"trainable: {lora:,} of {total + lora:,} parameters ({share:.3%})")
print(
    f"backbone frozen, LoRA r=8 trains: {frozen_backbone / 1e9:.2f} GB"
    f" = {frozen_backbone / 2**30:.2f} GiB"
)
print(
    f"every parameter trained instead: {TRAINED * total / frozen_backbone:.1f} times as"
    " many bytes"
)
print(
    "activations come on top in training, and depend on batch size and sequence length"
)
