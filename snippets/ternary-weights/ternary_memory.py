"""What ternary weights save on a whole model, and what stays in 16 bits: Llama 3 8B's
shapes, with the linear layers of attention and MLP ternary and the rest in bf16.

BitNet b1.58 makes the linear layers of its blocks ternary; the token embeddings, the
output head and the norms stay in higher precision. Counts come from the parameter
counter (count_params) and the config that comes with it; a packed ternary weight
takes 2 bits (4 a byte) or 1.6 bits (5 a byte).
"""

from count_params import count_parameters, load_config

r = count_parameters(load_config("llama-3-8b"))
parts = r["breakdown"]
linear = parts["attention"] + parts["mlp"]  # the matrices BitLinear replaces
rest = r["total"] - linear  # embeddings, output head, norms
print(f"Llama 3 8B: {linear / 1e9:.2f}B parameters in linear layers,"
      f" {rest / 1e9:.2f}B in embeddings, output head and norms")
print(f"{'format':34} {'linear GB':>9} {'rest GB':>8} {'total GB':>9} {'rest':>5}")
for label, bits in [("all bf16", 16), ("ternary, 2 bits, rest bf16", 2),
                    ("ternary, 1.6 bits, rest bf16", 1.6)]:
    a, b = linear * bits / 8, rest * 2
    print(f"{label:34} {a / 1e9:9.2f} {b / 1e9:8.2f} {(a + b) / 1e9:9.2f}"
          f" {b / (a + b):5.0%}")
