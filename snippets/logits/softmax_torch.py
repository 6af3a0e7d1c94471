"""Logits from the output head, turned into probabilities by softmax; temperature
divides the logits first."""

import torch
from torch import nn

vocab = ["the", "cat", "sat", "on", "mat"]
hidden = torch.tensor([1.0, -0.5, 0.5, 2.0])  # last layer's vector, last token
head = nn.Linear(4, 5, bias=False)  # output head: one weight row per vocabulary token
with torch.no_grad():
    head.weight.copy_(torch.tensor([[0.5, 0.0, 1.0, 0.5],
                                    [1.0, 1.0, 0.0, 1.0],
                                    [-0.5, 0.5, 0.0, 1.5],
                                    [0.0, -1.0, 1.5, -0.5],
                                    [1.5, 0.5, -1.0, 0.0]]))



def show(xs, digits):
    return "[" + ", ".join(f"{x:.{digits}f}" for x in xs.tolist()) + "]"


with torch.no_grad():
    logits = head(hidden)  # one score per token: a dot product with its row
p = logits.softmax(-1)
print("logits:       ", show(logits, 2))
print("probabilities:", show(p, 3), "sum to 1:",
      torch.isclose(p.sum(), torch.tensor(1.0)).item())
print("adding 10 to every logit changes nothing:",
      torch.allclose((logits + 10).softmax(-1), p))

for T in (0.5, 1.0, 2.0):
    pT = (logits / T).softmax(-1)  # temperature acts on the logits, before softmax
    print(f"T={T}: {show(pT, 3)}  top token: {vocab[pT.argmax()]}")
