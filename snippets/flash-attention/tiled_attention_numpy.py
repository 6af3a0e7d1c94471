"""Causal attention computed in tiles with an online softmax, as FlashAttention does:
the same output as the plain computation, without ever holding the T x T scores.

Each block of queries walks over the blocks of keys, keeping only a running maximum m
and a running total of exponentials per query, and an output that is rescaled whenever
the maximum grows. Tiles wholly above the diagonal are masked, so they are skipped."""

import numpy as np

rng = np.random.default_rng(0)
T, h, B = 256, 32, 32  # tokens, head width, tile size (queries and keys)
q, k, v = rng.normal(size=(3, T, h))
scale = 1 / np.sqrt(h)

# Plain attention: the whole T x T matrix of scores, then a softmax over each row.
scores = q @ k.T * scale
scores[np.triu_indices(T, 1)] = -np.inf  # causal: no token reads a later one
weights = np.exp(scores - scores.max(axis=1, keepdims=True))
weights /= weights.sum(axis=1, keepdims=True)
plain = weights @ v


def tiled_attention(q, k, v):
    out, lse = np.empty_like(q), np.empty(T)  # lse: kept for the backward pass
    largest, tiles = 0, 0
    for i in range(0, T, B):  # one block of queries at a time
        m = np.full(B, -np.inf)  # running maximum of each query's scores
        total = np.zeros(B)  # running sum of exp(score - m)
        acc = np.zeros((B, h))  # running sum of exp(score - m) * value
        for j in range(0, i + B, B):  # key blocks at or left of the diagonal
            s = q[i : i + B] @ k[j : j + B].T * scale  # one B x B tile of scores
            if j == i:  # the diagonal tile: mask the later keys
                s[np.triu_indices(B, 1)] = -np.inf
            m_new = np.maximum(m, s.max(axis=1))
            p = np.exp(s - m_new[:, None])
            rescale = np.exp(m - m_new)  # what the old sums were measured against
            total = total * rescale + p.sum(axis=1)
            acc = acc * rescale[:, None] + p @ v[j : j + B]
            m = m_new
            held = s.size + p.size + m.size + total.size + acc.size
            largest, tiles = max(largest, held), tiles + 1
        out[i : i + B] = acc / total[:, None]
        lse[i : i + B] = m + np.log(total)
    return out, lse, largest, tiles


tiled, lse, largest, tiles = tiled_attention(q, k, v)
print(f"{T} tokens, head width {h}, tiles of {B} x {B}")
print("tiled output equals plain attention (within 1e-12):",
      bool(np.abs(tiled - plain).max() < 1e-12))
print(f"tiles computed: {tiles} of {(T // B) ** 2} (the rest are masked)")
print(f"numbers held at once: plain {scores.size + weights.size:,} (scores and"
      f" weights), tiled {largest:,} (a tile of each, m, total, output)")
print(f"kept for the backward pass: plain {weights.size:,} weights, tiled {lse.size}"
      " log-sum-exps")
rebuilt = np.exp(scores - lse[:, None])  # what backward recomputes, tile by tile
print("the log-sum-exps give back every weight (within 1e-12):",
      bool(np.abs(rebuilt - weights).max() < 1e-12))
