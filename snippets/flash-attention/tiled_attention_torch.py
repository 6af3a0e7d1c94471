"""Causal attention computed in tiles with an online softmax, as FlashAttention does,
against torch's scaled_dot_product_attention (SDPA): the same output, without ever
holding the T x T scores.

Each block of queries walks over the blocks of keys, keeping only a running maximum m
and a running total of exponentials per query, and an output that is rescaled whenever
the maximum grows. Tiles wholly above the diagonal are masked, so they are skipped."""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
T, h, B = 256, 32, 32  # tokens, head width, tile size (queries and keys)
q, k, v = torch.randn(3, T, h, dtype=torch.float64)
scale = h**-0.5
above = torch.ones(B, B, dtype=torch.bool).triu(1)  # later keys within a tile

# Plain attention: the whole T x T matrix of scores, then a softmax over each row.
scores = (q @ k.T * scale).masked_fill(torch.ones(T, T).triu(1).bool(), -torch.inf)
weights = scores.softmax(dim=1)
sdpa = F.scaled_dot_product_attention(q, k, v, is_causal=True)  # torch's own


def tiled_attention(q, k, v):
    out, lse = torch.empty_like(q), torch.empty(T, dtype=q.dtype)  # lse: for backward
    largest, tiles = 0, 0
    for i in range(0, T, B):  # one block of queries at a time
        m = torch.full((B,), -torch.inf, dtype=q.dtype)  # running max of the scores
        total = torch.zeros(B, dtype=q.dtype)  # running sum of exp(score - m)
        acc = torch.zeros(B, h, dtype=q.dtype)  # running sum of exp(score - m) * value
        for j in range(0, i + B, B):  # key blocks at or left of the diagonal
            s = q[i : i + B] @ k[j : j + B].T * scale  # one B x B tile of scores
            if j == i:  # the diagonal tile: mask the later keys
                s = s.masked_fill(above, -torch.inf)
            m_new = torch.maximum(m, s.amax(dim=1))
            p = torch.exp(s - m_new[:, None])
            rescale = torch.exp(m - m_new)  # what the old sums were measured against
            total = total * rescale + p.sum(dim=1)
            acc = acc * rescale[:, None] + p @ v[j : j + B]
            m = m_new
            held = s.numel() + p.numel() + m.numel() + total.numel() + acc.numel()
            largest, tiles = max(largest, held), tiles + 1
        out[i : i + B] = acc / total[:, None]
        lse[i : i + B] = m + torch.log(total)
    return out, lse, largest, tiles


tiled, lse, largest, tiles = tiled_attention(q, k, v)
print(f"{T} tokens, head width {h}, tiles of {B} x {B}")
print("tiled output equals SDPA (within 1e-12):",
      bool((tiled - sdpa).abs().max() < 1e-12))
print(f"tiles computed: {tiles} of {(T // B) ** 2} (the rest are masked)")
print(f"numbers held at once: plain {scores.numel() + weights.numel():,} (scores and"
      f" weights), tiled {largest:,} (a tile of each, m, total, output)")
print(f"kept for the backward pass: plain {weights.numel():,} weights, tiled"
      f" {lse.numel()} log-sum-exps")
rebuilt = torch.exp(scores - lse[:, None])  # what backward recomputes, tile by tile
print("the log-sum-exps give back every weight (within 1e-12):",
      bool((rebuilt - weights).abs().max() < 1e-12))
