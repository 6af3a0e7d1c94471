"""Train small word embeddings on corpus.txt and list each word's nearest
neighbours."""

# data: corpus.txt

from pathlib import Path

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

torch.manual_seed(0)
# tiny tensors: one thread is fastest, and the sums run in one fixed order
torch.set_num_threads(1)
CORPUS = Path("corpus.txt")

# --8<-- [start:train]
sentences = [line.split() for line in CORPUS.read_text(encoding="utf-8").splitlines()]
vocab = sorted({w for s in sentences for w in s})
index = {w: i for i, w in enumerate(vocab)}
V, d = len(vocab), 16

# Co-occurrence counts: how often word c appears in the same sentence as word w.
per_sentence = torch.zeros(len(sentences), V, dtype=torch.float64)
for row, s in enumerate(sentences):
    for w in s:
        per_sentence[row, index[w]] += 1
counts = per_sentence.T @ per_sentence
counts.fill_diagonal_(0)
target = counts / counts.sum(dim=1, keepdim=True)  # P(context | word)
weight = counts.sum(dim=1) / counts.sum()  # frequent words count more

# Skip-gram with a full softmax: predict a word's sentence-mates from its embedding.
# the embeddings (input vectors)
emb = torch.nn.Parameter(0.1 * torch.randn(V, d, dtype=torch.float64))
# the output vectors
out = torch.nn.Parameter(0.1 * torch.randn(V, d, dtype=torch.float64))
# a bias per context word
bias = torch.nn.Parameter(torch.zeros(V, dtype=torch.float64))
opt = torch.optim.Adam([emb, out, bias], lr=0.05)
for step in range(301):
    logp = torch.log_softmax(emb @ out.T + bias, dim=1)
    loss = -(weight[:, None] * target * logp).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 100 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")
# --8<-- [end:train]

# --8<-- [start:neighbours]
E = torch.nn.functional.normalize(emb.detach(), dim=1)
cos = E @ E.T  # cosine similarity of every pair of words
print(f"embedding table: {V} words x width {d} = {emb.numel()} parameters")
print(
    "output vectors and biases (used only in training): "
    f"{out.numel() + bias.numel()} parameters"
)
for word in ["cat", "bread", "nurse", "engineer", "teacher", "mother"]:
    sims = cos[index[word]].clone()
    sims[index[word]] = -2  # leave the word itself out
    top = torch.topk(sims, 3).indices.tolist()
    print(
        f"{word:9} -> "
        + ", ".join(f"{vocab[j]} {cos[index[word], j]:.3f}" for j in top)
    )
# --8<-- [end:neighbours]

GROUPS = {
    "animals": ["cat", "dog", "horse", "cow", "sheep", "goat"],
    "food": ["bread", "cheese", "apple", "soup", "rice", "cake"],
    "occupations": [
        "engineer",
        "pilot",
        "carpenter",
        "mechanic",
        "nurse",
        "librarian",
        "dancer",
        "receptionist",
        "teacher",
        "doctor",
        "writer",
        "lawyer",
    ],
    "people": ["he", "she", "his", "her", "man", "woman", "father", "mother"],
}
words = [w for g in GROUPS.values() for w in g]
X = E[[index[w] for w in words]].numpy()
X = X - X.mean(axis=0)
u, s, vt = np.linalg.svd(X, full_matrices=False)
# fix the sign of each axis
vt[:2] *= np.sign(vt[np.arange(2), np.abs(vt[:2]).argmax(axis=1)])[:, None]
# Rounded: the figure must not change with the last digits, which differ from CPU to
# CPU.
xy = np.round(X @ vt[:2].T, 2)

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 4))
for (group, members), marker in zip(GROUPS.items(), "osD^", strict=True):
    idx = [words.index(w) for w in members]
    ax.scatter(xy[idx, 0], xy[idx, 1], marker=marker, label=group)
    for i in idx:
        ax.annotate(
            words[i], xy[i], fontsize=7, xytext=(3, 2), textcoords="offset points"
        )
ax.set_xlabel("first principal component")
ax.set_ylabel("second principal component")
ax.set_title("Trained embeddings, projected to two dimensions")
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig("embedding_map.svg", metadata={"Date": None})
