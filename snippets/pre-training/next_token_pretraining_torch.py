"""Pre-training in miniature: learn next-token prediction on a corpus, then reuse the
learned parameters."""

# data: corpus.txt

import math
from collections import Counter
from pathlib import Path

import matplotlib
import torch
from torch import nn

matplotlib.use("Agg")
import matplotlib.pyplot as plt

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
history = []  # the loss at every step, for the figure
for step in range(301):
    # mean cross-entropy per token
    loss = -(weights * torch.log_softmax(model(ctx_ids), dim=1)).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    history.append(loss.item())
    # steps whose loss is not near a rounding boundary of the third decimal
    if step in (0, 10, 100, 300):
        print(f"step {step:3d}  loss {loss.item():.3f} nats")


# The best possible loss given counts[context, next token]: each context's own
# frequencies.
def floor(c: torch.Tensor) -> float:
    p = c / c.sum(dim=1, keepdim=True)
    return -(c / c.sum() * torch.log(torch.where(p > 0, p, 1.0))).sum().item()


# the same events, with the context cut to the last token, or to nothing
last_only = torch.zeros(len(vocab), len(vocab)).index_add_(0, ctx_ids[:, 1], counts)
floors = [floor(counts.sum(dim=0, keepdim=True)), floor(last_only), floor(counts)]
print(f"uniform guessing: {math.log(len(vocab)):.3f} nats")
print(
    "best possible with 0, 1, 2 tokens of context:",
    ", ".join(f"{f:.3f}" for f in floors),
)

# The learned parameters now hold what the corpus taught; reuse them, e.g. to continue a
# text greedily.
words = ["<s>", "the", "farmer"]
with torch.no_grad():
    while words[-1] != "</s>" and len(words) < 12:
        logits = model(torch.tensor([[index[words[-2]], index[words[-1]]]]))
        words.append(vocab[logits.argmax().item()])
print(" ".join(words[1:-1]))

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3))
steps = [1, 2, 3, 4, 6, 8, 10, 15, 20, 30, 40, 50, 70, 100, 150, 200, 300]
# two decimals: the curve does not depend on float32's last digits
ax.semilogx(
    steps, [round(history[s], 2) for s in steps], "o-", color="#4e79a7", markersize=3
)
# the printed values, so that the figure does not depend on the last digits
levels = [round(v, 3) for v in [math.log(len(vocab))] + floors]
names = ["uniform guess", "best with word frequencies"] + [
    f"best with {k} of context" for k in ("1 token", "2 tokens")
]
for level, name in zip(levels, names, strict=True):
    ax.axhline(level, color="#555555", linestyle="--", linewidth=1)
    below = level == levels[-1]  # the curve ends on this line: write under it
    ax.text(
        290,
        level - 0.08 if below else level + 0.08,
        f"{name}: {level:.3f}",
        ha="right",
        va="top" if below else "bottom",
        fontsize=9,
    )
ax.set_xlim(1, 300)
ax.set_ylim(0, 5.4)
ax.set_xlabel("training step (log scale)")
ax.set_ylabel("loss (nats per token)")
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("loss_to_floors.svg", metadata=no_metadata)
