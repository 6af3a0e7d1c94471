"""Activations saved for the backward pass, measured, against the parameters' bytes.

A training step keeps every intermediate value that backward will need. Their bytes
grow with the number of tokens; the parameters' bytes do not. Gradient checkpointing
keeps only each block's input and recomputes the rest during backward.
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)


class Block(nn.Module):
    """A pre-norm block with plain (unfused) causal attention and a GELU MLP."""

    def __init__(self, d=64, heads=4):
        super().__init__()
        self.heads = heads
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.out = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.up, self.down = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.norm1(x)).view(b, t, 3, self.heads, -1).unbind(2)
        q, k, v = (z.transpose(1, 2) for z in (q, k, v))
        scores = q @ k.transpose(-1, -2) / (d // self.heads) ** 0.5
        mask = torch.ones(t, t, dtype=torch.bool).triu(1)
        pattern = scores.masked_fill(mask, float("-inf")).softmax(-1)  # b, heads, t, t
        x = x + self.out((pattern @ v).transpose(1, 2).reshape(b, t, d))
        return x + self.down(F.gelu(self.up(self.norm2(x))))


model = nn.ModuleList(Block() for _ in range(4))
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
            if use_checkpoint:
                h = checkpoint(block, h, use_reentrant=False)
            else:
                h = block(h)
        loss = h.square().mean()
    model.zero_grad()
    loss.backward()
    return sum(saved.values()), [p.grad.clone() for p in model.parameters()]


print(f"parameters: {param_bytes:,} bytes (float32)")
print("tokens  activations  x parameters  with checkpointing  same gradients")
for tokens in (64, 128, 512):
    x = torch.randn(1, tokens, 64, requires_grad=True)
    kept, grads = step(x, use_checkpoint=False)
    kept_ckpt, grads_ckpt = step(x, use_checkpoint=True)
    pairs = zip(grads, grads_ckpt, strict=True)
    same = all(torch.allclose(a, b, atol=1e-6) for a, b in pairs)
    print(f"{tokens:6} {kept:>12,} {kept / param_bytes:13.1f} {kept_ckpt:>19,}  {same}")
