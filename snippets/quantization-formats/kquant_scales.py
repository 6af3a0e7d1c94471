"""How GGUF's K-quants store their scales: two levels, sub-blocks and a super-block."""

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
for name, (code, subs, scale, minimum, fp16) in K_QUANTS.items():
    bits = QK_K * code + subs * (scale + minimum) + 16 * len(fp16)
    print(
        f"{name:5} {f'{subs} x {QK_K // subs}':>10} {scale:>11} {minimum or '-':>9}  "
        f"{', '.join(fp16):12} {bits // 8:>6} {bits / QK_K:>12.4f}"
    )
