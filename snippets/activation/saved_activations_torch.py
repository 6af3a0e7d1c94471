"""Activations saved for the backward pass, measured, against the parameters' bytes.

A training step keeps every intermediate value that backward will need. Their bytes
grow with the number of tokens; the parameters' bytes do not. Gradient checkpointing
keeps only each block's input and recomputes the rest during backward. The bytes are
also given in units of sbh: one float32 tensor of s tokens, b sequences and width h,
the unit of Korthikanti et al. (2022).
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
D, HEADS, BLOCKS = 64, 4, 4


class Block(nn.Module):
    """A pre-norm block with plain (unfused) causal attention and a GELU MLP."""

    def __init__(self):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.qkv, self.out = nn.Linear(D, 3 * D), nn.Linear(D, D)
        self.up, self.down = nn.Linear(D, 4 * D), nn.Linear(4 * D, D)

    def forward(self, x):
        b, t, _ = x.shape
        q, k, v = self.qkv(self.norm1(x)).view(b, t, 3, HEADS, -1).unbind(2)
        q, k, v = (z.transpose(1, 2) for z in (q, k, v))
        scores = q @ k.transpose(-1, -2) / (D // HEADS) ** 0.5
        mask = torch.ones(t, t, dtype=torch.bool).triu(1)
        pattern = scores.masked_fill(mask, float("-inf")).softmax(-1)  # b, heads, t, t
        x = x + self.out((pattern @ v).transpose(1, 2).reshape(b, t, D))
        return x + self.down(F.gelu(self.up(self.norm2(x))))


model = nn.ModuleList(Block() for _ in range(BLOCKS))
param_storages = {p.untyped_storage().data_ptr() for p in model.parameters()}
param_bytes = sum(p.nbytes for p in model.parameters())


def step(x, use_checkpoint):
    """One forward and backward; returns the bytes saved for backward, and the grads."""
    saved = {}  # storage address -> bytes, so views of one tensor count once

    def pack(t):
        ptr = t.untyped_storage().data_ptr()
        if ptr not in param_storages:  # weights are kept anyway; count only activations
            saved[ptr] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        h = x
        for block in model:
            if use_checkpoint:  # keep the block's input, recompute the rest in backward
                h = checkpoint(block, h, use_reentrant=False)
            else:
                h = block(h)
        loss = h.sum()  # a loss that saves nothing itself
    model.zero_grad()
    loss.backward()
    return sum(saved.values()), [p.grad.clone() for p in model.parameters()]


print(f"parameters: {param_bytes:,} bytes (float32)")
print("tokens  activations  x parameters  sbh a block  checkpointed  sbh a block"
      "  same gradients")
for tokens in (64, 128, 512):
    x = torch.randn(1, tokens, D, requires_grad=True)
    sbh = tokens * 1 * D * 4  # bytes of one float32 tensor (s, b, h)
    kept, grads = step(x, use_checkpoint=False)
    kept_ckpt, grads_ckpt = step(x, use_checkpoint=True)
    pairs = zip(grads, grads_ckpt, strict=True)
    same = all(torch.allclose(a, b, atol=1e-6) for a, b in pairs)
    per_block, per_block_ckpt = kept / sbh / BLOCKS, kept_ckpt / sbh / BLOCKS
    print(f"{tokens:6} {kept:>12,} {kept / param_bytes:13.1f} {per_block:12.1f}"
          f" {kept_ckpt:>13,} {per_block_ckpt:12.1f}  {same}")
