"""One attention layer's projections, counted and run: MHA, GQA, MQA and MLA."""

import numpy as np

d, H, T = 64, 8, 6  # width, query heads, tokens
h = d // H  # head width: the heads split the width
C = 16  # MLA's latent width: what it caches instead of keys and values
rng = np.random.default_rng(0)
x = rng.standard_normal((T, d))


def linear(n_in, n_out):
    return rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)  # no bias, as in Llama


def attend(q, k, v):
    """Causal attention. q: H x T x h; k, v: K heads, each read by H/K query heads."""
    k, v = (np.repeat(t, H // t.shape[0], axis=0) for t in (k, v))
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(h)  # H x T x T: query i against key j
    scores = np.where(np.tril(np.ones((T, T), bool)), scores, -np.inf)  # no look-ahead
    weights = np.exp(scores - scores.max(-1, keepdims=True))
    weights /= weights.sum(-1, keepdims=True)  # softmax over the keys
    return (weights @ v).transpose(1, 0, 2).reshape(T, H * h)  # heads side by side


def attend_head_by_head(q, k, v):
    """The same computation, one query head and one token at a time: the reference."""
    out = np.zeros((T, H * h))
    for i in range(H):
        kv = i // (H // k.shape[0])  # the key/value head this query head reads
        for t in range(T):
            s = k[kv, : t + 1] @ q[i, t] / np.sqrt(h)
            w = np.exp(s - s.max()) / np.exp(s - s.max()).sum()
            out[t, i * h:(i + 1) * h] = w @ v[kv, : t + 1]
    return out


def heads(y, n):
    return y.reshape(T, n, h).transpose(1, 0, 2)  # n heads x T tokens x h


print(f"d={d}, {H} query heads of width {h}; parameters per projection, numbers cached")
print("kind  K  weights per projection" + " " * 32 + "total  cached per token")
for kind, K in [("MHA", H), ("GQA", 2), ("MQA", 1), ("MLA", None)]:
    W = {"q": linear(d, H * h)}
    if K:  # keys and values from x: K heads each
        W["k"], W["v"] = linear(d, K * h), linear(d, K * h)
        k, v = heads(x @ W["k"], K), heads(x @ W["v"], K)
        cached = 2 * K * h  # one key and one value vector per key/value head
    else:  # MLA: one small latent per token, expanded to all heads' keys and values
        W["down"] = linear(d, C)
        W["k_up"], W["v_up"] = linear(C, H * h), linear(C, H * h)
        latent = x @ W["down"]
        k, v = heads(latent @ W["k_up"], H), heads(latent @ W["v_up"], H)
        cached = C
    W["o"] = linear(H * h, d)
    q = heads(x @ W["q"], H)
    out = attend(q, k, v) @ W["o"]
    same = np.allclose(attend(q, k, v), attend_head_by_head(q, k, v), atol=1e-6)
    sizes = "  ".join(f"{n} {w.size:,}" for n, w in W.items())
    total = sum(w.size for w in W.values())
    print(f"{kind}  {K or '-'}  {sizes:52} {total:>6,}  {cached:>3} numbers per layer")
    print(f"        output {out.shape}, equals the head-by-head loop: {same}")
