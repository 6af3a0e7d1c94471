"""The same lookup with torch.nn.Embedding: a row of its weight, equal to one-hot times
the weight."""

import numpy as np
import torch
from torch import nn

rng = np.random.default_rng(0)  # the same numbers as the numpy version
vocab = ["the", "cat", "dog", "sat", "ran"]
V, d = len(vocab), 4

emb = nn.Embedding(V, d)
with torch.no_grad():
    emb.weight.copy_(torch.from_numpy(np.round(rng.normal(size=(V, d)), 3)))
print(
    "parameters in the table:", V, "x", d, "=", sum(p.numel() for p in emb.parameters())
)

token_ids = torch.tensor([1, 3])  # "cat", "sat"
looked_up = emb(token_ids).detach()  # the lookup: pick rows
one_hot = nn.functional.one_hot(token_ids, V).float()  # shape (2, V)
multiplied = one_hot @ emb.weight.detach()  # a matrix product with the table
print("lookup:\n", looked_up.numpy())
print("one-hot @ E equals the lookup:", torch.equal(looked_up, multiplied))

for w in ["dog", "sat"]:
    sim = nn.functional.cosine_similarity(
        emb.weight[1], emb.weight[vocab.index(w)], dim=0
    )
    print(f"cosine(cat, {w}) = {sim.item():.3f}")
