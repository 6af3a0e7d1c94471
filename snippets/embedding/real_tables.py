"""How big the embedding table of a real model is: vocabulary size times width, from
published shapes."""

# GPT-2 small: vocabulary, width, layers, context length (GPT-2 config). Per layer:
# attention 4d^2 + 4d,
# MLP 8d^2 + 5d, two layer norms 4d; plus token and position tables and a final norm.
# The head is tied.
V, d, L, ctx = 50257, 768, 12, 1024
gpt2_total = V * d + ctx * d + L * (12 * d * d + 13 * d) + 2 * d
print(
    f"GPT-2 small  table {V} x {d} = {V * d:,} of {gpt2_total:,} parameters "
    f"({100 * V * d / gpt2_total:.1f}%)"
)

# Llama 2 7B: vocabulary, width, layers, MLP width (Llama-2-7b config). Per layer:
# attention 4d^2,
# gated MLP 3 d ff, two RMSNorm gains 2d; plus an untied output head of the same size as
# the table.
V, d, L, ff = 32000, 4096, 32, 11008
llama_total = 2 * V * d + L * (4 * d * d + 3 * d * ff + 2 * d) + d
print(
    f"Llama 2 7B   table {V} x {d} = {V * d:,} of {llama_total:,} parameters "
    f"({100 * V * d / llama_total:.1f}%)"
)
