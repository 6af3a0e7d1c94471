"""Cross-entropy for next-token prediction and mean squared error, written out by
hand."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
vocab_size = 6
# the model's scores at 4 positions, one per vocabulary token
logits = 2 * rng.normal(size=(4, vocab_size))
targets = np.array([2, 0, 5, 2])  # the token that really came next at each position

# shift for numerical stability (changes nothing else)
log_probs = logits - logits.max(1, keepdims=True)
log_probs -= np.log(np.exp(log_probs).sum(1, keepdims=True))  # log-softmax
# minus the log-probability of the right token
per_token = -log_probs[np.arange(len(targets)), targets]
loss = per_token.mean()
print("probability of the right token:", np.exp(-per_token).round(4))
print("per-token loss:", per_token.round(4))
print(f"cross-entropy (mean) {loss:.4f}, perplexity exp(loss) {np.exp(loss):.4f}")
print(
    f"a uniform guess over {vocab_size} tokens: {-np.log(1 / vocab_size):.4f} = "
    f"ln({vocab_size})"
)

prediction, target = np.array([2.5, 0.0, 2.1]), np.array([3.0, -0.5, 2.0])
print(f"mean squared error {np.mean((prediction - target) ** 2):.4f}")

# The figure: the loss -ln p against the probability p of the right token, with the
# four positions above on the curve
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.8, 3.2))
curve = np.geomspace(0.01, 1, 40)  # denser where the curve bends
ax.plot(curve, -np.log(curve).round(3), color="tab:blue", label="loss = -ln p")
right = np.exp(-per_token)
ax.plot(right.round(4), per_token.round(4), "o", color="tab:orange",
        label="the four positions")
ax.axhline(np.log(vocab_size), color="0.3", linestyle="--",
           label=f"uniform guess: ln {vocab_size}")
ax.set_xlabel("probability of the right token")
ax.set_ylabel("loss (nats)")
ax.set_xlim(0, 1)
ax.set_ylim(0, 5)
ax.legend()
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # lighter
fig.savefig("cross_entropy_curve.svg", metadata=no_metadata)
