"""The same count-based bigram model with torch: logits table, softmax, next-word
probabilities."""

import torch

corpus = (
    "the cat took a cat nap . the dog took a long walk . a cat nap is short . "
    "the cat sat on the mat . the dog sat on the rug . my cat likes a cat nap ."
).split()
vocab = sorted(set(corpus))
index = {word: i for i, word in enumerate(vocab)}
V = len(vocab)

ids = torch.tensor([index[w] for w in corpus])
counts = torch.zeros(V, V, dtype=torch.float64)
counts.index_put_(
    (ids[:-1], ids[1:]), torch.ones(len(ids) - 1, dtype=torch.float64), accumulate=True
)

logits = torch.log(counts + 0.01)  # one parameter per ordered word pair

print(
    "tokens:",
    len(corpus),
    "| vocabulary:",
    V,
    "| parameters (V x V logits):",
    logits.numel(),
)
print(
    "the parameter for 'cat' -> 'nap':",
    round(logits[index["cat"], index["nap"]].item(), 4),
)
for word in ("cat", "dog", "the"):
    p = torch.softmax(logits[index[word]], dim=0)
    top = torch.argsort(-p, stable=True)[:3]
    print(f"after '{word}':", ", ".join(f"{vocab[i]} {p[i].item():.3f}" for i in top))
