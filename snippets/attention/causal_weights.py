"""The attention weights of one causal head on six tokens: each row is a softmax over
the token itself and the tokens before it, and every later token gets weight 0."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

tokens = ["the", "cat", "sat", "on", "the", "mat"]
T, d = len(tokens), 16  # tokens, head width
rng = np.random.default_rng(0)
vocab = {t: rng.standard_normal(d) for t in dict.fromkeys(tokens)}
x = np.array([vocab[t] for t in tokens])  # both "the" get the same vector
W_q, W_k = rng.standard_normal((2, d, d)) / np.sqrt(d)  # the head's parameters

scores = (x @ W_q) @ (x @ W_k).T / np.sqrt(d)  # query i against key j
causal = np.tril(np.ones((T, T), bool))
scores = np.where(causal, scores, -np.inf)  # no look-ahead
weights = np.exp(scores - scores.max(1, keepdims=True))
weights /= weights.sum(1, keepdims=True)  # softmax over each row

print("query   weight on key: " + " ".join(f"{t:>4}" for t in tokens) + "    sum")
for t, row in zip(tokens, weights, strict=True):
    print(f"{t:>5}                  " + " ".join(f"{w:4.2f}" for w in row)
          + f"   {row.sum():.2f}")
print("largest weight on a later token:", weights[~causal].max())
weights = weights.round(2)  # what the figure shows

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.2, 3.8))
ax.set_facecolor("#e0e0e0")  # shows where cells are masked
ax.pcolormesh(np.ma.masked_where(~causal, weights), cmap="Blues", vmin=0, vmax=1,
              edgecolors="white")
for i in range(T):
    for j in range(i + 1):
        ax.text(j + 0.5, i + 0.5, f"{weights[i, j]:.2f}", ha="center", va="center",
                color="white" if weights[i, j] > 0.5 else "black", fontsize=9)
ax.set_xticks(np.arange(T) + 0.5, tokens)
ax.set_yticks(np.arange(T) + 0.5, tokens)
ax.invert_yaxis()
ax.tick_params(length=0)
ax.xaxis.set_ticks_position("top")
ax.xaxis.set_label_position("top")
ax.set_xlabel("key: the token read (grey: masked, weight 0)")
ax.set_ylabel("query: the token reading")
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("causal_weights.svg", metadata=no_metadata)
