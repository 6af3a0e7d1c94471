"""Why a transformer's parameters are not word-to-word connections.

A tiny one-block transformer is trained on the same corpus as the bigram table. Then: it
uses the words
before "cat" (a bigram cannot); the logit of "nap" after "cat" depends on thousands of
parameters, not one;
and changing one parameter moves predictions after many different words.
"""

import torch
import torch.nn.functional as F
from torch import nn

torch.set_num_threads(1)  # tensors this small run faster on one thread
torch.manual_seed(0)
corpus = (
    "the cat took a cat nap . the dog took a long walk . a cat nap is short . "
    "the cat sat on the mat . the dog sat on the rug . my cat likes a cat nap ."
).split()
vocab = sorted(set(corpus))
index = {word: i for i, word in enumerate(vocab)}
V, d, ctx = len(vocab), 16, 8


class TinyTransformer(nn.Module):
    def __init__(self):
        super().__init__()
        # a vector per word, not a connection between words
        self.tok = nn.Embedding(V, d)
        self.pos = nn.Embedding(ctx, d)
        self.ln1, self.ln2, self.ln_f = (
            nn.LayerNorm(d),
            nn.LayerNorm(d),
            nn.LayerNorm(d),
        )
        self.qkv = nn.Linear(d, 3 * d, bias=False)
        self.out = nn.Linear(d, d, bias=False)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
        self.unembed = nn.Linear(d, V, bias=False)

    def forward(self, ids):  # ids: (batch, T) -> logits (batch, T, V)
        T = ids.shape[1]
        x = self.tok(ids) + self.pos(torch.arange(T))
        q, k, v = self.qkv(self.ln1(x)).chunk(3, dim=-1)
        # each position sees the past
        x = x + self.out(F.scaled_dot_product_attention(q, k, v, is_causal=True))
        x = x + self.mlp(self.ln2(x))
        return self.unembed(self.ln_f(x))


def encode(text):
    return torch.tensor([[index[w] for w in text.split()]])


ids = torch.tensor([index[w] for w in corpus])
windows = ids.unfold(0, ctx + 1, 1)  # every run of ctx + 1 consecutive tokens
model = TinyTransformer()
opt = torch.optim.Adam(model.parameters(), lr=0.03)
for _ in range(100):
    logits = model(windows[:, :-1])
    loss = F.cross_entropy(logits.reshape(-1, V), windows[:, 1:].reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
print(
    f"trained: loss {loss.item():.1f}, parameters "
    f"{sum(p.numel() for p in model.parameters()):,}"
    f" (the bigram table had V x V = {V * V})"
)

model.eval()
nap = index["nap"]
with torch.no_grad():
    for text in ("the dog took a cat", "the cat"):
        p = torch.softmax(model(encode(text))[0, -1], dim=0)[nap].item()
        print(f"P(nap | '{text}') = {p:.2f}")
print("a bigram table gives both the same P(nap | cat): it only sees the previous word")

# One logit, "nap" after "...a cat": which parameters does it depend on?
logit = model(encode("the dog took a cat"))[0, -1, nap]
model.zero_grad()
logit.backward()
touched = sum(int((p.grad != 0).sum()) for p in model.parameters())
tensors = sum(1 for p in model.parameters() if (p.grad != 0).any())
print(
    f"parameters with a non-zero gradient for that one logit: {touched:,} in "
    f"{tensors} tensors"
    " (in the bigram table: 1)"
)

# Nudge one parameter inside the MLP and see which predictions move.
texts = [" ".join(corpus[i : i + 5]) for i in range(0, len(corpus) - 5)]
with torch.no_grad():
    # next-word logits after each context
    before = torch.stack([model(encode(t))[0, -1] for t in texts])
    model.mlp[0].weight[0, 0] += 0.5
    after = torch.stack([model(encode(t))[0, -1] for t in texts])
moved = (after - before).abs().max(dim=1).values > 1e-3
last_words = sorted({t.split()[-1] for t, m in zip(texts, moved, strict=True) if m})
print(
    f"one MLP weight changed: next-word logits moved in {int(moved.sum())} of "
    f"{len(texts)} contexts,"
    f" after {len(last_words)} different words"
)

# At real scale, a table of word-to-word connections is hopeless.
V_real = 32000  # Llama 2's vocabulary
print(
    f"vocabulary {V_real:,}: bigram table {V_real**2:,} parameters; one per "
    f"two-word context {V_real**3:,}"
)
