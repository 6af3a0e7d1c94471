"""Sliding-window attention: each token sees the last W tokens, so the cache keeps W
entries and each query is scored against at most W keys, and stacked layers still pass
information further back."""

import numpy as np

T, W = 10, 3  # tokens, window

i, j = np.arange(T)[:, None], np.arange(T)[None, :]
causal = j <= i
window = causal & (i - j < W)  # key j is visible to query i if it is among the last W
for row in window:
    print("".join("x" if v else "." for v in row))
print("keys visible per query:", window.sum(1).tolist())
print(f"query-key scores: {int(window.sum())} in the window,"
      f" {int(causal.sum())} with full causal attention")

reach = np.eye(T, dtype=int)  # which earlier tokens can influence each token
for layer in range(1, 5):
    reach = (window.astype(int) @ reach > 0).astype(int)
    furthest = T - 1 - np.argmax(reach[T - 1])  # its oldest visible token
    print(f"after {layer} layer(s): the last token reaches {furthest} tokens back")
