"""Why freezing matters at scale: memory per parameter with and without gradients and
Adam state (Llama 2 7B)."""

# Parameter counts: Llama 2 7B from its configuration (width 4096, 32 layers, MLP 11008,
# vocabulary 32000),
# and LoRA with r=8 on the query and value projections (see the LoRA page).
total = 2 * 32000 * 4096 + 32 * (4 * 4096 * 4096 + 3 * 4096 * 11008 + 2 * 4096) + 4096
lora = 32 * 2 * 8 * (4096 + 4096)

# Bytes per parameter in mixed-precision training with Adam: bf16 weight 2, bf16
# gradient 2,
# fp32 master weight 4, fp32 Adam first and second moments 4 + 4. A frozen parameter
# keeps only its bf16 weight.
TRAINED, FROZEN = 2 + 2 + 4 + 4 + 4, 2


def show(name: str, n_bytes: int) -> None:
    print(f"{name:34} {n_bytes / 1e9:6.2f} GB = {n_bytes / 2**30:6.2f} GiB")


show("full fine-tuning (all trainable)", TRAINED * total)
show("backbone frozen, LoRA r=8 trains", FROZEN * total + TRAINED * lora)
show("inference only (bf16 weights)", FROZEN * total)
print(
    "activations come on top in training, and depend on batch size and sequence length"
)
