"""Sparse attention: each query reads a few earlier keys instead of all of them.

A sliding window reads the last W keys; a learned selection (DeepSeek Sparse Attention)
scores every earlier key with a small, cheap indexer and reads only the top k."""

import numpy as np

rng = np.random.default_rng(0)
T, W, k = 8, 3, 3
window = np.tril(np.ones((T, T), bool)) & ~np.tril(np.ones((T, T), bool), -W)
index = rng.standard_normal((T, T))  # stand-in for the indexer's scores
index[np.triu_indices(T, 1)] = -np.inf  # causal: later keys are never chosen
top = np.argsort(-index, axis=1, kind="stable")[:, :k]
chosen = np.zeros((T, T), bool)
for t in range(T):
    chosen[t, top[t, : min(k, t + 1)]] = True
print("query  window  top-k   (x: key read, .: key skipped)")
for t in range(T):
    rows = ["".join("x" if v else "." for v in m[t]) for m in (window, chosen)]
    print(f"{t:5}  {rows[0]}  {rows[1]}")

# scores the main attention computes for one head, over a whole long sequence
T = 131_072
t = np.arange(1, T + 1, dtype=np.int64)  # query t may read t keys
full = t.sum()
for name, most in [("window", 4096), ("top-k", 2048)]:
    share = np.minimum(t, most).sum() / full
    print(f"{name:6} {most}: {share:6.2%} of the {full:,} causal scores")
