"""Greedy generation with and without a KV cache: the same tokens, and the cache's bytes
are 2 x layers x key/value heads x head width x bytes per number, per token."""

import torch
from torch import nn

torch.manual_seed(0)
# vocabulary, width, layers, query heads, key/value heads, positions
V, d, L, H, K, P = 50, 32, 2, 4, 2, 64
h = d // H


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        # no biases, as in Llama
        self.q, self.o = nn.Linear(d, H * h, False), nn.Linear(H * h, d, False)
        self.k, self.v = nn.Linear(d, K * h, False), nn.Linear(d, K * h, False)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        self.n1, self.n2 = nn.LayerNorm(d), nn.LayerNorm(d)

    def forward(self, x, cache=None):
        """x: the new tokens (T x d); cache: this layer's keys and values, or None."""
        T, a = x.shape[0], self.n1(x)
        q = self.q(a).view(T, H, h).transpose(0, 1)
        k = self.k(a).view(T, K, h).transpose(0, 1)
        v = self.v(a).view(T, K, h).transpose(0, 1)
        if cache is not None:  # append the new keys and values; attend to all of them
            cache["k"] = k = torch.cat([cache["k"], k], dim=1)
            cache["v"] = v = torch.cat([cache["v"], v], dim=1)
        S = k.shape[1]  # positions attended to: the past and the new tokens
        k, v = k.repeat_interleave(H // K, 0), v.repeat_interleave(H // K, 0)
        mask = torch.ones(T, S, dtype=torch.bool).tril(S - T)  # query i: keys 0..S-T+i
        scores = (q @ k.transpose(1, 2) / h**0.5).masked_fill(~mask, float("-inf"))
        w = scores.softmax(-1)
        x = x + self.o((w @ v).transpose(0, 1).reshape(T, H * h))
        return x + self.mlp(self.n2(x))


class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok, self.pos = nn.Embedding(V, d), nn.Embedding(P, d)
        self.blocks = nn.ModuleList(Block() for _ in range(L))
        self.head = nn.Linear(d, V, bias=False)

    def forward(self, ids, start=0, caches=None):
        x = self.tok(ids) + self.pos(torch.arange(start, start + len(ids)))
        for i, block in enumerate(self.blocks):
            x = block(x, None if caches is None else caches[i])
        return self.head(x)  # logits, one row per new token


model, prompt, new = TinyLM().eval(), torch.tensor([3, 14, 15, 9]), 12

with torch.no_grad():
    ids, gaps = prompt, []  # without a cache: run the whole sequence at every step
    for _ in range(new):
        logits = model(ids)[-1]
        gaps.append(logits.topk(2).values.diff().abs().item())  # best minus second best
        ids = torch.cat([ids, logits.argmax().view(1)])
    plain = ids

    caches = [{"k": torch.empty(K, 0, h), "v": torch.empty(K, 0, h)} for _ in range(L)]
    logits = model(prompt, 0, caches)[-1]  # prefill: the prompt's keys and values
    ids = prompt
    for _ in range(new):  # then one token per step, reading the cache
        ids = torch.cat([ids, logits.argmax().view(1)])
        logits = model(ids[-1:], len(ids) - 1, caches)[-1]
    cached = ids

print("without cache:", plain.tolist())
print("with cache:   ", cached.tolist())
print("same tokens:", torch.equal(plain, cached))
print("every choice clear by > 0.01:", min(gaps) > 0.01)  # not decided by rounding

tokens = len(cached)  # every token fed so far, the last one included
measured = sum(c[n].nbytes for c in caches for n in ("k", "v"))
formula = 2 * L * K * h * 4 * tokens  # keys and values, float32 = 4 bytes
print(f"cache after {tokens} tokens: {measured:,} B measured, {formula:,} B by formula")
