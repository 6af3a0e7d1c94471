"""The same floors with torch tensors: the best possible next-token loss for each amount
of context."""

# data: corpus.txt

import math
from collections import Counter
from pathlib import Path

import torch

CORPUS = Path("corpus.txt")

tokens = []
for line in CORPUS.read_text(encoding="utf-8").splitlines():
    tokens += ["<s>", "<s>"] + line.split() + ["</s>"]
targets = [i for i in range(2, len(tokens)) if tokens[i] != "<s>"]
V = len(set(tokens))
print(f"uniform over {V} tokens: {math.log(V):.3f} nats")
for k in range(3):
    joint = Counter(tuple(tokens[i - k : i + 1]) for i in targets)
    context = Counter(tuple(tokens[i - k : i]) for i in targets)
    n = torch.tensor([joint[key] for key in joint], dtype=torch.float64)
    m = torch.tensor([context[key[:-1]] for key in joint], dtype=torch.float64)
    loss = -(n * torch.log(n / m)).sum() / n.sum()
    print(f"best possible with {k} token(s) of context: {loss:.3f} nats")
