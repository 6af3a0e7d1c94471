"""Where the parameters of one Llama-2-7B decoder block sit, counted on a torch block.

The block is built on the meta device, which records shapes without allocating memory.
Shapes from meta-llama/Llama-2-7b-hf config.json: hidden_size 4096,
intermediate_size 11008, num_attention_heads 32, num_key_value_heads 32; no biases.
The whole model's shares (32 blocks, embedding, head) are on the parameter count page.
"""

import torch
import torch.nn.functional as F
from torch import nn


class DecoderBlock(nn.Module):
    """Pre-norm Llama-style block: x + attention(norm(x)), then x + MLP(norm(x))."""

    def __init__(self, d, ff, heads, kv_heads):
        super().__init__()
        self.heads, self.kv_heads, self.head_dim = heads, kv_heads, d // heads
        self.attn_norm = nn.RMSNorm(d)
        self.q = nn.Linear(d, heads * self.head_dim, bias=False)
        self.k = nn.Linear(d, kv_heads * self.head_dim, bias=False)
        self.v = nn.Linear(d, kv_heads * self.head_dim, bias=False)
        self.o = nn.Linear(heads * self.head_dim, d, bias=False)
        self.mlp_norm = nn.RMSNorm(d)
        self.gate = nn.Linear(d, ff, bias=False)
        self.up = nn.Linear(d, ff, bias=False)
        self.down = nn.Linear(ff, d, bias=False)

    def forward(self, x):  # x: (batch, tokens, d); rotary positions left out
        b, t, _ = x.shape
        h = self.attn_norm(x)
        q = self.q(h).view(b, t, self.heads, -1).transpose(1, 2)
        k = self.k(h).view(b, t, self.kv_heads, -1).transpose(1, 2)
        v = self.v(h).view(b, t, self.kv_heads, -1).transpose(1, 2)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.o(a.transpose(1, 2).reshape(b, t, -1))
        h = self.mlp_norm(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


PARTS = {
    "attention q, k, v, o": ("q", "k", "v", "o"),
    "MLP gate, up, down": ("gate", "up", "down"),
    "2 RMSNorm gains": ("attn_norm", "mlp_norm"),
}

d, ff, heads, kv_heads = 4096, 11008, 32, 32
with torch.device("meta"):
    block = DecoderBlock(d, ff, heads, kv_heads)


def count(module):
    return sum(p.numel() for p in module.parameters())


counts = {part: sum(count(getattr(block, name)) for name in names)
          for part, names in PARTS.items()}
per_block = count(block)
assert per_block == sum(counts.values())  # every parameter belongs to exactly one part
print(f"one decoder block: {per_block:,} parameters")
for part, n in counts.items():
    print(f"  {part:22} {n:>13,}  {100 * n / per_block:6.3f}% of the block")

torch.manual_seed(0)
tiny = DecoderBlock(d=64, ff=172, heads=4, kv_heads=4)
x = torch.randn(2, 10, 64)
print("a tiny block keeps the shape (batch, tokens, width):", tiny(x).shape == x.shape)
