"""Real bits per weight of GGUF block types, from the bytes of each block's fields."""

# Bytes of each field of one block, from the structs in llama.cpp's ggml-common.h
# (ggml_half = 2 bytes; QK_K = 256 weights per super-block; K_SCALE_SIZE = 12).
GGUF_BLOCKS = {
    "Q8_0": (32, {"d fp16": 2, "qs int8[32]": 32}),
    "Q4_0": (32, {"d fp16": 2, "qs nibbles[16]": 16}),
    "Q4_1": (32, {"d, m fp16": 4, "qs nibbles[16]": 16}),
    "Q5_0": (32, {"d fp16": 2, "qh[4]": 4, "qs nibbles[16]": 16}),
    "MXFP4": (32, {"e E8M0": 1, "qs nibbles[16]": 16}),
    "Q2_K": (256, {"scales[16]": 16, "qs[64]": 64, "d, dmin fp16": 4}),
    "Q3_K": (256, {"hmask[32]": 32, "qs[64]": 64, "scales[12]": 12, "d fp16": 2}),
    "Q4_K": (256, {"d, dmin fp16": 4, "scales[12]": 12, "qs[128]": 128}),
    "Q5_K": (256, {"d, dmin fp16": 4, "scales[12]": 12, "qh[32]": 32, "qs[128]": 128}),
    "Q6_K": (256, {"ql[128]": 128, "qh[64]": 64, "scales int8[16]": 16, "d fp16": 2}),
    # I-quants
    "IQ1_S": (256, {"d fp16": 2, "qs[32]": 32, "qh uint16[8]": 16}),
    "IQ1_M": (256, {"qs[32]": 32, "qh[16]": 16, "scales[8]": 8}),  # d: scales' top bits
    "IQ2_XXS": (256, {"d fp16": 2, "qs uint16[32]": 64}),
    "IQ2_XS": (256, {"d fp16": 2, "qs uint16[32]": 64, "scales[8]": 8}),
    "IQ3_XXS": (256, {"d fp16": 2, "qs[96]": 96}),
    "IQ4_XS": (256, {"d fp16": 2, "scales_h": 2, "scales_l[4]": 4, "qs[128]": 128}),
}
print(f"{'type':7} {'weights':>7} {'bytes':>5} {'bits/weight':>11}  fields")
for name, (weights, fields) in GGUF_BLOCKS.items():
    nbytes = sum(fields.values())
    print(
        f"{name:7} {weights:>7} {nbytes:>5} {8 * nbytes / weights:>11.4f}  "
        f"{', '.join(fields)}"
    )

# what that means for a whole file: Llama 2 7B's parameters, all in Q8_0
# count-params: llama-2-7b
n = 6_738_415_616
print(
    f"Llama 2 7B in Q8_0 (8.5 bits per weight): {n * 8.5 / 8 / 1e9:.2f} GB, "
    f"{8.5 / 8 - 1:.2%} more than at 8 bits"
)
