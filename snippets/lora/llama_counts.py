"""LoRA's extra parameters for real shapes: r * (d_in + d_out) per adapted matrix, times
the matrices adapted."""


def lora_params(r: int, shapes: list[tuple[int, int]], layers: int) -> int:
    return layers * sum(r * (d_in + d_out) for d_in, d_out in shapes)


# Llama 2 7B (Llama-2-7b config): width 4096, 32 layers, MLP width 11008, vocabulary
# 32000.
d, L, ff, V = 4096, 32, 11008, 32000
total = 2 * V * d + L * (4 * d * d + 3 * d * ff + 2 * d) + d
# the seven linear layers of a block, (d_in, d_out)
linear = {"q": (d, d), "k": (d, d), "v": (d, d), "o": (d, d),
          "gate": (d, ff), "up": (d, ff), "down": (ff, d)}
q_v = [linear["q"], linear["v"]]  # the query and value projections, 4096 x 4096
every_linear = list(linear.values())
listed = [f"{name} {i} x {o}" for name, (i, o) in linear.items()]
print(f"Llama 2 7B: {total:,} parameters; {L} layers, each with")
print("  " + ", ".join(listed[:4]) + ",\n  " + ", ".join(listed[4:]))
for name, shapes in [("q and v", q_v), ("all 7 linear", every_linear)]:
    for r in (8, 64):
        n = lora_params(r, shapes, L)
        print(
            f"  r={r:<2} on {name:12}: {n:>11,} trainable ({100 * n / total:.3f}% "
            "of the model)"
        )
print(f"  one 4096 x 4096 matrix at r=8: {8 * (d + d):,} instead of {d * d:,}")

# GPT-3 175B (Brown et al. 2020, Table 2.1): width 12288, 96 layers; the budgets of Hu
# et al. 2021, Section 7.1.
d, L = 12288, 96
print(f"GPT-3, r=8 on q only:    {lora_params(8, [(d, d)], L):,} trainable")
print(f"GPT-3, r=4 on q and v:   {lora_params(4, [(d, d), (d, d)], L):,} trainable")
