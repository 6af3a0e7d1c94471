"""What weight tying saves in GPT-2 small, computed from its shapes: the whole output
head, vocab x width."""

# GPT-2 small: vocabulary, width, layers, context length
V, d, L, ctx = 50257, 768, 12, 1024

shapes = {
    "token embedding": [(V, d)],
    "position embedding": [(ctx, d)],
    # attention: query/key/value, output projection
    "one block": [
        (d, 3 * d),
        (3 * d,),
        (d, d),
        (d,),
        (d, 4 * d),
        (4 * d,),
        (4 * d, d),
        (d,),  # MLP
        (d,),
        (d,),
        (d,),
        (d,),
    ],  # two layer norms (gain and shift)
    "final norm": [(d,), (d,)],
    "output head": [(d, V)],
}


def size(shape: tuple[int, ...]) -> int:
    n = 1
    for s in shape:
        n *= s
    return n


counts = {part: sum(size(s) for s in ss) for part, ss in shapes.items()}
counts["one block"] *= L
untied = sum(counts.values())
tied = untied - counts["output head"]  # the head reuses the token embedding's matrix
print(f"untied: {untied:,}")
print(f"tied:   {tied:,}")
print(
    f"saved:  {untied - tied:,} = {V} x {d} ({100 * (untied - tied) / untied:.1f}% "
    "of the untied model)"
)
