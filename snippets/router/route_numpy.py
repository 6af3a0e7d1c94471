"""A router in numpy: scores for 8 experts, the top 2 per token, and the load of each
expert over a batch, before and after the bias that DeepSeek-V3 uses to balance it.

The router is one matrix, experts x width, and nothing else. Softmax scores are
renormalized over the chosen experts (Mixtral); sigmoid scores are normalized the same
way (DeepSeek-V3). A bias added to the scores changes which experts are chosen, not
their weights; after each batch it is nudged up for experts with too few tokens and
down for experts with too many. The numbers are the torch version's.
"""

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
d, E, k, T = 16, 8, 2, 1024  # width, experts, experts per token, tokens in a batch
W = rng.normal(size=(E, d)) / np.sqrt(d)  # the router: E x d parameters, no bias
x = rng.normal(size=(T, d)) + 0.8 * W[0] / np.linalg.norm(W[0])  # expert 0 favoured
print(f"router parameters: {E} experts x width {d} = {W.size}")


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def top_k(scores, k):  # the k highest scores of each row, highest first
    chosen = np.argsort(-scores, axis=-1, kind="stable")[:, :k]
    return chosen, np.take_along_axis(scores, chosen, axis=-1)


logits = x @ W.T  # one score per token and expert
chosen, p = top_k(softmax(logits), k)  # softmax over all experts, keep the top k
weights = p / p.sum(axis=-1, keepdims=True)  # renormalized over the chosen k
_, top_logits = top_k(logits, k)
same = np.allclose(weights, softmax(top_logits))  # = softmax over the top-k logits
print("softmax router, tokens 0-3: experts", chosen[:4].tolist())
print("  weights", np.round(weights[:4], 2).tolist())
print("  the same as a softmax over the top-2 logits only:", same)

sig = 1 / (1 + np.exp(-logits))  # sigmoid scores: each expert on its own, 0 to 1
s_chosen, s = top_k(sig, k)
s_weights = s / s.sum(axis=-1, keepdims=True)
print("sigmoid router, tokens 0-3: experts", s_chosen[:4].tolist())
print("  weights", np.round(s_weights[:4], 2).tolist())


def load(chosen):  # tokens sent to each expert
    return np.bincount(chosen.ravel(), minlength=E)


def balance_loss(chosen, probs):  # Switch Transformer's, without its factor alpha
    f = load(chosen) / chosen.size  # the share of assignments each expert gets
    P = probs.mean(axis=0)  # the mean router probability of each expert
    return E * float(f @ P)  # 1.0 when both are uniform


before = load(s_chosen)
bias, gamma = np.zeros(E), 0.01
for _ in range(200):  # one batch at a time, as in training
    c, _ = top_k(sig + bias, k)  # the bias decides which experts ...
    bias += gamma * np.sign(T * k / E - load(c))  # ... and follows their load
chosen_b, _ = top_k(sig + bias, k)
weights_b = np.take_along_axis(sig, chosen_b, axis=-1)  # ... but not their weights
weights_b /= weights_b.sum(axis=-1, keepdims=True)
after = load(chosen_b)
print(f"load over {T} tokens (ideal {T * k // E} each):")
print("  no bias:  ", before.tolist(), f"max/ideal {before.max() / (T * k / E):.2f}")
print("  with bias:", after.tolist(), f"max/ideal {after.max() / (T * k / E):.2f}")
print(f"  bias, in steps of {gamma}:", np.round(bias / gamma).astype(int).tolist())
aux = balance_loss(chosen, softmax(logits))
print(f"balance loss of the softmax router (1.00 is even): {aux:.2f}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 2.8))
xs = np.arange(E)
ax.bar(xs - 0.2, before.tolist(), 0.4, label="scores alone", color="#e15759")
ax.bar(xs + 0.2, after.tolist(), 0.4, label="scores + bias", color="#4e79a7")
ax.axhline(T * k / E, color="gray", ls="--", lw=1)
ax.text(E - 0.5, T * k / E, " even", va="bottom", ha="right", fontsize=9)
ax.set_xticks(xs)
ax.set_xlabel("expert")
ax.set_ylabel(f"tokens of {T} sent to it")
ax.legend(frameon=False, fontsize=9)
ax.spines[["top", "right"]].set_visible(False)
ax.patch.set_visible(False)
fig.tight_layout()
fig.savefig("expert_load.svg", metadata={"Date": None})
