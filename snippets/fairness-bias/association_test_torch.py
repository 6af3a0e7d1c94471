"""Measure a gender association that trained embeddings absorb from their corpus, and
try two mitigations."""

# data: corpus.txt, corpus_balanced.txt

from pathlib import Path

import matplotlib
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# tiny tensors: one thread is fastest, and the sums run in one fixed order
torch.set_num_threads(1)


def train_embeddings(
    corpus: Path, d: int = 16, steps: int = 301
) -> dict[str, torch.Tensor]:
    """Skip-gram with a full softmax over sentence-mates, as on the embedding page;
    returns unit vectors."""
    torch.manual_seed(0)
    sentences = [
        line.split() for line in corpus.read_text(encoding="utf-8").splitlines()
    ]
    vocab = sorted({w for s in sentences for w in s})
    index = {w: i for i, w in enumerate(vocab)}
    per_sentence = torch.zeros(len(sentences), len(vocab), dtype=torch.float64)
    for row, s in enumerate(sentences):
        for w in s:
            per_sentence[row, index[w]] += 1
    counts = per_sentence.T @ per_sentence  # how often two words share a sentence
    counts.fill_diagonal_(0)
    target = counts / counts.sum(dim=1, keepdim=True)
    weight = counts.sum(dim=1) / counts.sum()
    emb = torch.nn.Parameter(0.1 * torch.randn(len(vocab), d, dtype=torch.float64))
    out = torch.nn.Parameter(0.1 * torch.randn(len(vocab), d, dtype=torch.float64))
    bias = torch.nn.Parameter(torch.zeros(len(vocab), dtype=torch.float64))
    opt = torch.optim.Adam([emb, out, bias], lr=0.05)
    for _ in range(steps):
        loss = -(
            weight[:, None] * target * torch.log_softmax(emb @ out.T + bias, dim=1)
        ).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    unit = torch.nn.functional.normalize(emb.detach(), dim=1)
    return {w: unit[i] for w, i in index.items()}


# --8<-- [start:test]
MALE, FEMALE = ["he", "his", "man", "father"], ["she", "her", "woman", "mother"]
SKEWED_MALE = ["engineer", "pilot", "carpenter", "mechanic"]  # 85% "he" in corpus.txt
# 85% "she" in corpus.txt
SKEWED_FEMALE = ["nurse", "librarian", "dancer", "receptionist"]
EVEN = ["teacher", "doctor", "writer", "lawyer"]  # 50% in both corpora
JOBS = SKEWED_MALE + SKEWED_FEMALE + EVEN


def association(vec: dict[str, torch.Tensor], word: str) -> float:
    """Mean cosine with the male words minus mean cosine with the female words."""
    v = torch.nn.functional.normalize(vec[word], dim=0)
    return (
        sum(v @ vec[m] for m in MALE) / 4 - sum(v @ vec[f] for f in FEMALE) / 4
    ).item()


def gap(vec: dict[str, torch.Tensor]) -> float:
    """Mean association of the male-skewed occupations minus that of the female-skewed
    ones."""
    return (
        sum(association(vec, w) for w in SKEWED_MALE) / 4
        - sum(association(vec, w) for w in SKEWED_FEMALE) / 4
    )


def r2(x: float) -> float:
    return round(x, 2) + 0.0  # + 0.0 turns -0.0 into 0.0


skewed = train_embeddings(Path("corpus.txt"))
balanced = train_embeddings(Path("corpus_balanced.txt"))
scores = {}
for name, vec in [("skewed corpus", skewed), ("balanced corpus", balanced)]:
    scores[name] = [r2(association(vec, w)) for w in JOBS]  # plotted as printed
    print(f"{name:16} gap between the skewed groups {r2(gap(vec)):+.2f}")
    for group, words in [
        ("male-skewed", SKEWED_MALE),
        ("female-skewed", SKEWED_FEMALE),
        ("even", EVEN),
    ]:
        print(
            f"  {group:13} "
            + "  ".join(f"{w} {r2(association(vec, w)):+.2f}" for w in words)
        )
# --8<-- [end:test]

# --8<-- [start:project]
# Mitigation after training: remove the gender direction from every occupation vector
# (hard debiasing).
g = sum(skewed[m] for m in MALE) / 4 - sum(skewed[f] for f in FEMALE) / 4
g = g / g.norm()
debiased = dict(skewed)
for w in JOBS:
    debiased[w] = skewed[w] - (skewed[w] @ g) * g
print(f"projected        gap between the skewed groups {r2(gap(debiased)):+.2f}")
print(
    "  largest |association| after projection: "
    f"{r2(max(abs(association(debiased, w)) for w in JOBS)):.2f}"
)
# --8<-- [end:project]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
x = torch.arange(len(JOBS)).numpy()
ax.bar(
    x - 0.2, scores["skewed corpus"], width=0.4, label="trained on the skewed corpus"
)
ax.bar(
    x + 0.2,
    scores["balanced corpus"],
    width=0.4,
    label="trained on the balanced corpus",
)
ax.axhline(0, color="black", linewidth=0.8)
ax.set_xticks(x, JOBS, rotation=45, ha="right", fontsize=8)
ax.set_ylabel("association (he-words minus she-words)")
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig("association_scores.svg", metadata={"Date": None})
