"""Activation memory of a small GPT-style stack, measured from the tensors autograd
saves for the backward pass, without and with gradient checkpointing; then the
estimate of Korthikanti et al. (2022) for a model of Llama 3 8B's size."""

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
H, HEADS, LAYERS, BATCH = 256, 4, 4, 2


class Block(nn.Module):  # pre-norm attention and a 4h GELU MLP, no dropout
    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(H), nn.LayerNorm(H)
        self.qkv, self.proj = nn.Linear(H, 3 * H), nn.Linear(H, H)
        self.mlp = nn.Sequential(nn.Linear(H, 4 * H), nn.GELU(), nn.Linear(4 * H, H))

    def forward(self, x):
        b, s, _ = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, s, 3, HEADS, -1).permute(2, 0, 3, 1, 4)
        scores = (q @ k.transpose(-1, -2)) / (H // HEADS) ** 0.5
        mask = torch.ones(s, s, dtype=torch.bool).triu(1)
        att = scores.masked_fill(mask, float("-inf")).softmax(-1) @ v
        x = x + self.proj(att.transpose(1, 2).reshape(b, s, H))
        return x + self.mlp(self.ln2(x))


blocks = nn.ModuleList(Block() for _ in range(LAYERS))
weights = {p.untyped_storage().data_ptr() for p in blocks.parameters()}


def saved_bytes(seq, checkpointing):
    seen = {}

    def pack(t):  # count each saved storage once; weights are not activations
        ptr = t.untyped_storage().data_ptr()
        if ptr not in weights:
            seen[ptr] = t.untyped_storage().nbytes()
        return t

    x = torch.randn(BATCH, seq, H, requires_grad=True)
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        for block in blocks:
            # reentrant checkpointing saves only each block's input
            x = checkpoint(block, x, use_reentrant=True) if checkpointing else block(x)
    x.sum().backward()
    return sum(seen.values())


for seq in (64, 128):
    full, ckpt = saved_bytes(seq, False), saved_bytes(seq, True)
    sbh = seq * BATCH * H * 4  # one fp32 activation of shape (s, b, h)
    print(f"s={seq:3}: saved {full / 2**20:5.2f} MiB = {full / sbh / LAYERS:4.1f} sbh a"
          f" layer; checkpointed {ckpt / 2**20:4.2f} MiB"
          f" = {ckpt / sbh / LAYERS:3.1f} sbh")

# Korthikanti et al. 2022, Section 4.1, Eq. 1: bytes a layer with 16-bit activations
s, b, h, a, L = 4096, 1, 4096, 32, 32  # Llama 3 8B's width, heads and layers
per_layer = s * b * h * (34 + 5 * a * s / h)
print(f"Eq. 1, s={s}, b={b}: {L * per_layer / 1e9:5.1f} GB;"
      f" without the 5as/h score terms {L * 34 * s * b * h / 1e9:4.1f} GB;"
      f" full recomputation, 2sbh a layer: {L * 2 * s * b * h / 1e9:4.2f} GB")
