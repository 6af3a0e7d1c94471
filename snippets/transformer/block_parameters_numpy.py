"""Where the parameters of one Llama-2-7B decoder block sit, counted from its config.

Shapes from meta-llama/Llama-2-7b-hf config.json: hidden_size 4096,
intermediate_size 11008, num_attention_heads 32, num_key_value_heads 32; no biases.
The whole model's shares (32 blocks, embedding, head) are on the parameter count page.
"""

import numpy as np

d, ff, heads, kv_heads = 4096, 11008, 32, 32
head_dim = d // heads

# One decoder block: every weight matrix as (rows, columns), every norm gain as (d,).
block = {
    "attention q, k, v, o": [(d, heads * head_dim), (d, kv_heads * head_dim),
                             (d, kv_heads * head_dim), (heads * head_dim, d)],
    "MLP gate, up, down": [(d, ff), (d, ff), (ff, d)],
    "2 RMSNorm gains": [(d,), (d,)],
}
counts = {part: sum(int(np.prod(s)) for s in shapes) for part, shapes in block.items()}
per_block = sum(counts.values())
print(f"one decoder block: {per_block:,} parameters")
for part, n in counts.items():
    print(f"  {part:22} {n:>13,}  {100 * n / per_block:6.3f}% of the block")
