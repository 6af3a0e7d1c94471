"""Pre-training in miniature: learn next-token prediction on a corpus, then reuse the
learned parameters."""

# data: corpus.txt

import math
from collections import Counter
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(1)
CORPUS = Path("corpus.txt")

tokens = []
for line in CORPUS.read_text(encoding="utf-8").splitlines():
    # sentence boundaries are tokens too
    tokens += ["<s>", "<s>"] + line.split() + ["</s>"]
vocab = sorted(set(tokens))
index = {w: i for i, w in enumerate(vocab)}
# Every (two previous tokens -> next token) event, grouped: the same context appears
# many times.
events = Counter(
    (tokens[i - 2], tokens[i - 1], tokens[i])
    for i in range(2, len(tokens))
    if tokens[i] != "<s>"
)
contexts = sorted({(a, b) for a, b, _ in events})
row = {c: i for i, c in enumerate(contexts)}
counts = torch.zeros(len(contexts), len(vocab))
for (a, b, c), n in events.items():
    counts[row[(a, b)], index[c]] = n
ctx_ids = torch.tensor([[index[a], index[b]] for a, b in contexts])
print(
    f"{sum(events.values())} next-token examples, {len(contexts)} distinct "
    f"contexts, vocabulary {len(vocab)}"
)


class TinyLM(nn.Module):
    def __init__(self, V: int, d: int = 16, hidden: int = 64):
        super().__init__()
        self.embed = nn.Embedding(V, d)
        self.mlp = nn.Sequential(
            nn.Linear(2 * d, hidden), nn.Tanh(), nn.Linear(hidden, V)
        )

    # ids: (batch, 2) -> logits (batch, V)
    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.mlp(self.embed(ids).flatten(1))


model = TinyLM(len(vocab))
print("parameters:", sum(p.numel() for p in model.parameters()))
weights = counts / counts.sum()
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
for step in range(301):
    # mean cross-entropy per token
    loss = -(weights * torch.log_softmax(model(ctx_ids), dim=1)).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    # steps whose loss is not near a rounding boundary of the third decimal
    if step in (0, 10, 100, 300):
        print(f"step {step:3d}  loss {loss.item():.3f} nats")
p = counts / counts.sum(dim=1, keepdim=True)
floor = -(weights * torch.log(torch.where(p > 0, p, 1.0))).sum().item()
print(
    f"uniform guessing: {math.log(len(vocab)):.3f} | best possible with two tokens "
    f"of context: {floor:.3f}"
)

# The learned parameters now hold what the corpus taught; reuse them, e.g. to continue a
# text greedily.
words = ["<s>", "the", "farmer"]
with torch.no_grad():
    while words[-1] != "</s>" and len(words) < 12:
        logits = model(torch.tensor([[index[words[-2]], index[words[-1]]]]))
        words.append(vocab[logits.argmax().item()])
print(" ".join(words[1:-1]))
