"""The same count by building GPT-2 small's modules on the meta device (shapes only, no
memory)."""

import torch
from torch import nn

# GPT-2 small: vocabulary, width, layers, context length
V, d, L, ctx = 50257, 768, 12, 1024


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln_1, self.ln_2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc, self.fc_out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)


class GPT2(nn.Module):
    def __init__(self, tie: bool):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(V, d), nn.Embedding(ctx, d)
        self.blocks = nn.ModuleList(Block() for _ in range(L))
        self.ln_f = nn.LayerNorm(d)
        self.head = nn.Linear(d, V, bias=False)
        if tie:
            self.head.weight = self.wte.weight  # one Parameter object, used twice


with torch.device("meta"):
    untied = sum(p.numel() for p in GPT2(tie=False).parameters())
    # parameters() lists a shared tensor once
    tied = sum(p.numel() for p in GPT2(tie=True).parameters())
print(f"untied: {untied:,}")
print(f"tied:   {tied:,}")
print(
    f"saved:  {untied - tied:,} = {V} x {d} ({100 * (untied - tied) / untied:.1f}% "
    "of the untied model)"
)
