"""The KV cache of each attention kind, measured from the tensors a tiny layer caches.

One attention layer of width 512 runs over a 64-token prompt and keeps what it would
need for the next token, in bf16. Bytes per token are the cache tensors' `nbytes`
divided by the tokens; the formula column is what a calculator should predict."""

import torch
from torch import nn

torch.manual_seed(0)
D, T, WINDOW = 512, 64, 16  # width, prompt tokens, sliding window
BF16 = 2


class Attention(nn.Module):
    """Grouped-query attention; heads == kv_heads is MHA, kv_heads == 1 is MQA."""

    def __init__(self, heads, kv_heads, head_dim, window=None):
        super().__init__()
        self.h, self.kv, self.hd, self.window = heads, kv_heads, head_dim, window
        self.q = nn.Linear(D, heads * head_dim, bias=False)
        self.k = nn.Linear(D, kv_heads * head_dim, bias=False)
        self.v = nn.Linear(D, kv_heads * head_dim, bias=False)

    def cache(self, x):  # what must be kept for later tokens, (kv_heads, tokens, hd)
        k = self.k(x).view(-1, self.kv, self.hd).transpose(0, 1)
        v = self.v(x).view(-1, self.kv, self.hd).transpose(0, 1)
        if self.window:  # a sliding-window layer never looks further back
            k, v = k[:, -self.window :], v[:, -self.window :]
        return [k.bfloat16().contiguous(), v.bfloat16().contiguous()]


class LatentAttention(nn.Module):
    """Multi-head latent attention (DeepSeek-V2, Section 2.1): keys and values are
    rebuilt from a shared latent c of width d_c; one rotary key of width d_r is shared
    by all heads."""

    def __init__(self, heads, d_c, d_r, d_nope, d_v):
        super().__init__()
        self.h, self.d_nope, self.d_v = heads, d_nope, d_v
        self.down = nn.Linear(D, d_c + d_r, bias=False)  # W^DKV and W^KR together
        self.d_c, self.d_r = d_c, d_r
        self.up = nn.Linear(d_c, heads * (d_nope + d_v), bias=False)  # W^UK, W^UV

    def cache(self, x):  # the latent and the rotary key: what vLLM and SGLang keep
        c, k_rope = self.down(x).split([self.d_c, self.d_r], -1)
        return [c.bfloat16().contiguous(), k_rope.bfloat16().contiguous()]

    def decompressed(self, x):  # per-head keys and values rebuilt from the latent
        c, k_rope = self.down(x).split([self.d_c, self.d_r], -1)
        kv = self.up(c).view(-1, self.h, self.d_nope + self.d_v)
        k_nope, v = kv.split([self.d_nope, self.d_v], -1)
        k = torch.cat([k_nope, k_rope[:, None].expand(-1, self.h, -1)], -1)
        return [k.bfloat16().contiguous(), v.bfloat16().contiguous()]


def per_token(tensors, tokens=T):
    return sum(t.nbytes for t in tensors) / tokens


# --8<-- [start:measure]
x = torch.randn(T, D)
print(f"{'kind':34} {'B/token':>7} {'formula':>22}")
for name, heads, kv_heads, head_dim in [
    ("MHA, 8 heads of 64", 8, 8, 64),
    ("GQA, 8 query / 2 kv heads", 8, 2, 64),
    ("MQA, 8 query / 1 kv head", 8, 1, 64),
    ("GQA, head_dim 128, not 512 / 8", 8, 2, 128),
]:
    got = per_token(Attention(heads, kv_heads, head_dim).cache(x))
    formula = 2 * kv_heads * head_dim * BF16
    assert got == formula
    print(f"{name:34} {got:7.0f}   2 x {kv_heads} x {head_dim:3} x 2 = {formula:4}")
# --8<-- [end:measure]

layer = Attention(8, 2, 64, window=WINDOW)
cached = layer.cache(x)
print(f"sliding window of {WINDOW}, {T} tokens: caches {cached[0].shape[1]} tokens,"
      f" {per_token(cached):.0f} B per token of prompt")

mla = LatentAttention(heads=8, d_c=128, d_r=32, d_nope=64, d_v=64)
latent, full = per_token(mla.cache(x)), per_token(mla.decompressed(x))
print(f"MLA latent + rotary key            {latent:7.0f}     (128 + 32) x 2 ="
      f" {160 * BF16:4}")
print(f"MLA decompressed K and V           {full:7.0f}  8 x (96 + 64) x 2 ="
      f" {8 * 160 * BF16:4}")
