"""Logits from the output head, turned into probabilities by softmax; temperature
divides the logits first."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

vocab = ["the", "cat", "sat", "on", "mat"]
hidden = np.array([1.0, -0.5, 0.5, 2.0])  # last layer's vector, last token
head = np.array([[0.5, 0.0, 1.0, 0.5],  # output head: one row per vocabulary token
                 [1.0, 1.0, 0.0, 1.0],
                 [-0.5, 0.5, 0.0, 1.5],
                 [0.0, -1.0, 1.5, -0.5],
                 [1.5, 0.5, -1.0, 0.0]])


def show(xs, digits):
    return "[" + ", ".join(f"{x:.{digits}f}" for x in xs) + "]"


def softmax(z):
    e = np.exp(z - z.max())  # subtracting the max changes nothing and avoids overflow
    return e / e.sum()


logits = head @ hidden  # one score per token: a dot product with its row
p = softmax(logits)
print("logits:       ", show(logits, 2))
print("probabilities:", show(p, 3), "sum to 1:", np.isclose(p.sum(), 1.0))
print("adding 10 to every logit changes nothing:", np.allclose(softmax(logits + 10), p))

for T in (0.5, 1.0, 2.0):
    pT = softmax(logits / T)  # temperature acts on the logits, before softmax
    print(f"T={T}: {show(pT, 3)}  top token: {vocab[pT.argmax()]}")

# The figure: the logits, and the probabilities softmax makes of them
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, (left, right) = plt.subplots(1, 2, figsize=(4.8, 2.8))
for ax, values, title, digits in [(left, logits, "logits", 2),
                                  (right, p, "softmax: probabilities", 3)]:
    bars = ax.bar(vocab, values.round(3), color="tab:blue")
    ax.bar_label(bars, [f"{v:.{digits}f}" for v in values], fontsize=9)
    ax.set_title(title)
    ax.set_ylim(0, max(values) * 1.2)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # lighter
fig.savefig("logits_to_probabilities.svg", metadata=no_metadata)
