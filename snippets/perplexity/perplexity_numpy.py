"""Perplexity: the exponential of the mean next-token cross-entropy, from logits."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

# A model's scores (logits) over a 5-token vocabulary at 4 positions, and the tokens
# that actually came next.
logits = np.array([[2.0, 0.5, -1.0, 0.0, 1.0],
                   [0.1, 3.0, 0.2, -0.5, 0.0],
                   [1.5, 1.4, 1.3, 0.2, -2.0],
                   [-1.0, 0.0, 0.5, 2.5, 0.3]])
targets = np.array([0, 1, 2, 4])

shifted = logits - logits.max(axis=1, keepdims=True)  # softmax without overflow
log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
losses = -log_probs[np.arange(len(targets)), targets]  # nats per token
print("probability of each next token:", " ".join(f"{p:.3f}" for p in np.exp(-losses)))
print("loss per token (nats):         ", " ".join(f"{v:.3f}" for v in losses))
top = np.exp(log_probs.max(axis=1))  # what the model gave its own favourite token
print("probability of the top guess:  ", " ".join(f"{p:.3f}" for p in top))
print(f"last token's loss {losses[-1]:.3f} nats, the other three's together"
      f" {losses[:-1].sum():.3f}")
mean_loss = losses.mean()
perplexity = np.exp(mean_loss)
print(f"mean loss {mean_loss:.3f} nats -> perplexity {perplexity:.3f}")
geometric = np.prod(np.exp(losses)) ** (1 / len(losses))  # geometric mean of 1/p
print("equals the geometric mean of 1/p:", np.isclose(perplexity, geometric))

vocab = logits.shape[1]
uniform = np.exp(-np.log(np.full(len(targets), 1 / vocab)).mean())
print(f"a model that guesses uniformly over {vocab} tokens: perplexity {uniform:.3f}")

# The figure: the loss of each token, its mean (the log of the perplexity), and the
# uniform guess
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.8, 3.2))
positions = np.arange(1, len(losses) + 1)
ax.bar(positions, losses.round(3), 0.6, color="tab:blue")
for x, loss, p in zip(positions, losses, np.exp(-losses), strict=True):
    ax.text(x, loss + 0.05, f"p = {p:.3f}", ha="center")
ax.axhline(mean_loss, color="tab:orange", linewidth=2,
           label=f"mean {mean_loss:.3f} nats: perplexity {perplexity:.3f}")
ax.axhline(np.log(vocab), color="0.3", linestyle="--",
           label=f"uniform guess: ln {vocab}, perplexity {vocab}")
ax.set_xticks(positions)
ax.set_xlabel("position in the text")
ax.set_ylabel("loss of the right token (nats)")
ax.set_ylim(0, 3.6)
ax.legend(loc="upper left")
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # lighter
fig.savefig("loss_per_token.svg", metadata=no_metadata)
