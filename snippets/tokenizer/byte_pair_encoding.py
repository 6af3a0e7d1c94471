"""A byte-pair-encoding tokenizer learned from text: every merge adds one token to the
vocabulary (and one row to the embedding table and the output head), and the same text
takes fewer tokens."""

# data: corpus.txt

from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

CORPUS = Path("corpus.txt")
text = " ".join(CORPUS.read_text().splitlines()[:400])
d = 64  # the model's width, to size the tables


def words_as_symbols(text):
    """Each word as a tuple of symbols; '_' marks a word's start, as a space would."""
    return Counter(("_",) + tuple(w) for w in text.split())


def merge(word, pair, new):
    out, i = [], 0
    while i < len(word):
        if word[i:i + 2] == pair:
            out.append(new)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return tuple(out)


words = words_as_symbols(text)
vocab = sorted({s for w in words for s in w})  # start from single characters
merges, history = [], []  # (vocabulary size, tokens for the text) every 10 merges
print("merges  vocabulary  tokens for the text  table + untied head, width 64")
for step in range(301):
    tokens = sum(n * len(w) for w, n in words.items())
    if step % 10 == 0:
        history.append((len(vocab), tokens))
    if step % 100 == 0:
        print(f"{step:>6}  {len(vocab):>10}  {tokens:>19,}  {2 * len(vocab) * d:>29,}")
    pairs = Counter()
    for w, n in words.items():
        for i in range(len(w) - 1):
            pairs[w[i:i + 2]] += n  # each adjacent pair, weighted by the word's count
    best = max(pairs, key=lambda p: (pairs[p], p))  # most frequent pair; ties by name
    merges.append(best)
    vocab.append(best[0] + best[1])
    words = Counter({merge(w, best, best[0] + best[1]): n for w, n in words.items()})

def encode(word):
    symbols = ("_",) + tuple(word)
    for pair in merges:  # apply the merges in the order they were learned
        symbols = merge(symbols, pair, pair[0] + pair[1])
    return list(symbols)


print("first merges:", ["+".join(p) for p in merges[:6]])
for word in ["farmer", "the", "lunchbox", "zookeeper"]:
    pieces = encode(word)
    unknown = [p for p in pieces if p not in vocab]  # characters never seen in training
    print(f"{word!r:12} -> {pieces}  not in the vocabulary: {unknown}")

# The figure: the text's length in tokens against the size of the vocabulary, and the
# parameters that vocabulary costs
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.8, 3.2))
sizes, counts = zip(*history, strict=True)
ax.plot(sizes, counts, "o-", markersize=3, label="tokens for the text (left)")
ax.plot([], [], "--", label="table + head parameters (right)")  # legend entry only
ax.set_xlabel("vocabulary size")
ax.set_ylabel("tokens for the text")
ax.set_ylim(0, 18_000)
right = ax.twinx()  # the second y axis: parameters of the two tables, width 64
right.plot(sizes, [2 * v * d for v in sizes], "--", color="tab:orange")
right.set_ylabel("parameters, width 64")
right.set_ylim(0, 54_000)
ax.legend(loc="upper center")
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # lighter
fig.savefig("tokens_vs_vocabulary.svg", metadata=no_metadata)
