"""One attention layer's projections, counted and run: MHA, GQA, MQA and MLA."""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
d, H, T = 64, 8, 6  # width, query heads, tokens
h = d // H  # head width: the heads split the width
C = 16  # MLA's latent width: what it caches instead of keys and values
x = torch.randn(T, d)


def attend(q, k, v):
    """Causal attention. q: H x T x h; k, v: K heads, each read by H/K query heads."""
    k, v = (t.repeat_interleave(H // t.shape[0], dim=0) for t in (k, v))
    scores = q @ k.transpose(1, 2) / h**0.5  # H x T x T: query i against key j
    causal = torch.ones(T, T, dtype=torch.bool).tril()
    weights = scores.masked_fill(~causal, float("-inf")).softmax(-1)  # no look-ahead
    return (weights @ v).transpose(0, 1).reshape(T, H * h)  # heads side by side


def attend_sdpa(q, k, v):
    """The reference: torch's fused attention, which shares key/value heads itself."""
    out = F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
    return out.transpose(0, 1).reshape(T, H * h)


def heads(y, n):
    return y.reshape(T, n, h).transpose(0, 1)  # n heads x T tokens x h


print(f"d={d}, {H} query heads of width {h}; parameters per projection, numbers cached")
print("kind  K  weights per projection" + " " * 32 + "total  cached per token")
for kind, K in [("MHA", H), ("GQA", 2), ("MQA", 1), ("MLA", None)]:
    W = nn.ModuleDict({"q": nn.Linear(d, H * h, bias=False)})  # no bias, as in Llama
    with torch.no_grad():
        if K:  # keys and values from x: K heads each
            W["k"] = nn.Linear(d, K * h, bias=False)
            W["v"] = nn.Linear(d, K * h, bias=False)
            k, v = heads(W["k"](x), K), heads(W["v"](x), K)
            cached = 2 * K * h  # one key and one value vector per key/value head
        else:  # MLA: one small latent per token, expanded to all heads' keys and values
            W["down"] = nn.Linear(d, C, bias=False)
            W["k_up"] = nn.Linear(C, H * h, bias=False)
            W["v_up"] = nn.Linear(C, H * h, bias=False)
            latent = W["down"](x)
            k, v = heads(W["k_up"](latent), H), heads(W["v_up"](latent), H)
            cached = C
        W["o"] = nn.Linear(H * h, d, bias=False)
        q = heads(W["q"](x), H)
        out = W["o"](attend(q, k, v))
        same = torch.allclose(attend(q, k, v), attend_sdpa(q, k, v), atol=1e-6)
    sizes = "  ".join(f"{n} {w.weight.numel():,}" for n, w in W.items())
    total = sum(p.numel() for p in W.parameters())
    print(f"{kind}  {K or '-'}  {sizes:52} {total:>6,}  {cached:>3} numbers per layer")
    print(f"        output {tuple(out.shape)}, equals torch's fused attention: {same}")
