"""A bigram language model built from counts: each parameter really is a connection from
one word to the next.

This is the "cat -> nap" picture taken literally. The model has one logit per (previous
word, next word) pair;
softmax over a row turns the logits into the probabilities of the next word.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

corpus = (
    "the cat took a cat nap . the dog took a long walk . a cat nap is short . "
    "the cat sat on the mat . the dog sat on the rug . my cat likes a cat nap ."
).split()
vocab = sorted(set(corpus))
index = {word: i for i, word in enumerate(vocab)}
V = len(vocab)

# Count every (previous, next) pair in the corpus.
counts = np.zeros((V, V))
for prev, nxt in zip(corpus[:-1], corpus[1:], strict=True):
    counts[index[prev], index[nxt]] += 1

# The parameters: a V x V table of logits (log of smoothed counts), one per ordered word
# pair.
logits = np.log(counts + 0.01)


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


print(
    "tokens:",
    len(corpus),
    "| vocabulary:",
    V,
    "| parameters (V x V logits):",
    logits.size,
)
print(
    "the parameter for 'cat' -> 'nap':",
    round(float(logits[index["cat"], index["nap"]]), 4),
)
for word in ("cat", "dog", "the"):
    p = softmax(logits[index[word]])
    top = np.argsort(-p, kind="stable")[:3]
    print(f"after '{word}':", ", ".join(f"{vocab[i]} {p[i]:.3f}" for i in top))

# The figure: the whole table, each row turned into next-word probabilities
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
table = np.array([softmax(row) for row in logits]).round(3)
fig, ax = plt.subplots(figsize=(4.4, 4.4))
ax.imshow(table, cmap="Blues", vmin=0, vmax=1, interpolation="none")
ax.set_xticks(range(V), vocab, rotation=90)
ax.set_yticks(range(V), vocab)
ax.set_xlabel("next word")
ax.set_ylabel("previous word")
ax.set_title("P(next | previous): white 0, dark blue 1", fontsize=10)
ax.add_patch(plt.Rectangle((index["nap"] - 0.5, index["cat"] - 0.5), 1, 1,
                           fill=False, edgecolor="tab:red", linewidth=2))
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # lighter
fig.savefig("bigram_table.svg", metadata=no_metadata)
