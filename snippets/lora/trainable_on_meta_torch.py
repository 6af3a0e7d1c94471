"""LoRA's trainable count for Llama 3 8B, counted from modules built on the meta
device (shapes, no memory), against r (d_in + d_out) per adapted matrix.

Llama 3 8B (its config.json): width 4096, 32 layers, MLP width 14336, and 8 key/value
heads of 128 for 32 query heads, so k_proj and v_proj are 4096 -> 1024."""

import torch
from torch import nn

D, FF, KV, LAYERS = 4096, 14336, 8 * 128, 32
SHAPES = {"q": (D, D), "k": (D, KV), "v": (D, KV), "o": (D, D),
          "gate": (D, FF), "up": (D, FF), "down": (FF, D)}  # (d_in, d_out)


class LoRALinear(nn.Module):
    def __init__(self, d_in, d_out, r):
        super().__init__()
        self.base = nn.Linear(d_in, d_out, bias=False, device="meta")
        self.base.requires_grad_(False)  # frozen
        self.A = nn.Parameter(torch.empty(r, d_in, device="meta"))
        self.B = nn.Parameter(torch.empty(d_out, r, device="meta"))


def trainable(r, targets):
    layers = nn.ModuleList(
        nn.ModuleDict({t: LoRALinear(*SHAPES[t], r) for t in targets})
        for _ in range(LAYERS)
    )
    return sum(p.numel() for p in layers.parameters() if p.requires_grad)


print("rank  targets               trainable     formula   fp32 weights, grads, AdamW")
for r, targets in [(16, "q,k,v,o"), (16, "q,k,v,o,gate,up,down"), (64, "q,v")]:
    kinds = targets.split(",")
    counted = trainable(r, kinds)
    formula = LAYERS * sum(r * sum(SHAPES[t]) for t in kinds)
    assert counted == formula
    print(f"{r:4}  {targets:20} {counted:11,} {formula:11,}"
          f"   {16 * counted / 1e9:5.2f} GB")
