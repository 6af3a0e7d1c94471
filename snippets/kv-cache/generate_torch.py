"""Decoding one token at a time in one attention layer, without and with a KV cache:
the same outputs, and the cache's bytes are 2 x key/value heads x head width x bytes
per number, per token (times the layers, in a whole model)."""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
d, H, K, T = 32, 4, 2, 16  # width, query heads, key/value heads, tokens
h = d // H  # head width
q, k, v = (nn.Linear(d, n * h, bias=False) for n in (H, K, K))  # no biases, as in Llama
x = torch.randn(T, d)  # the tokens' vectors as they reach this layer, one per step


def heads(y):  # (tokens, n * h) -> (n heads, tokens, h)
    return y.view(len(y), -1, h).transpose(0, 1)


def attend(x_new, keys, values, causal):  # the new tokens' queries read keys, values
    a = F.scaled_dot_product_attention(heads(q(x_new)), keys, values,
                                       is_causal=causal, enable_gqa=True)
    return a.transpose(0, 1).reshape(len(x_new), H * h)  # output projection left out


# --8<-- [start:decode]
with torch.no_grad():
    plain, cached, projected = [], [], 0
    k_cache, v_cache = torch.empty(K, 0, h), torch.empty(K, 0, h)
    for t in range(T):
        seen = x[: t + 1]  # without a cache: every token so far, projected again
        out = attend(seen, heads(k(seen)), heads(v(seen)), causal=True)
        plain.append(out[-1])
        projected += len(seen)
        new = x[t : t + 1]  # with a cache: only the new token, appended
        k_cache = torch.cat([k_cache, heads(k(new))], dim=1)
        v_cache = torch.cat([v_cache, heads(v(new))], dim=1)
        cached.append(attend(new, k_cache, v_cache, causal=False)[-1])
# --8<-- [end:decode]

same = torch.allclose(torch.stack(plain), torch.stack(cached), atol=1e-6)
print(f"{T} steps, the same outputs (within 1e-6): {same}")
print(f"tokens through the key and value projections: {projected} without, {T} with")
measured = k_cache.nbytes + v_cache.nbytes
formula = 2 * K * h * 4 * T  # a key and a value per key/value head, float32 = 4 bytes
print(f"cache after {T} tokens: {measured:,} B measured, {formula:,} B by formula")
