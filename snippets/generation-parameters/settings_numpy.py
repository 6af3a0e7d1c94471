"""Each sampling setting applied to one fixed set of logits: what it does to the
next-token probabilities. No parameter of the model changes."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

# --8<-- [start:settings]
vocab = ["sat", "ran", "slept", "is", "was", "ate", "the", "."]
logits = np.array([3.0, 2.25, 2.0, 1.5, 1.0, 0.5, -0.5, -1.5])
context = "the dog sat and the cat"  # the text so far; the logits score what comes next
earlier = context.split()  # its tokens (one per word here), prompt included


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def show(label, p):
    print(f"{label:26}" + " ".join(f"{x:5.3f}" for x in p))


def temperature(z, t):
    return z / t


def top_k(z, k):  # keep the k highest logits
    return np.where(z >= np.sort(z)[-k], z, -np.inf)


def top_p(z, p):  # keep the fewest top tokens whose probabilities add up to p
    order = np.argsort(-z)
    before = np.cumsum(softmax(z)[order]) - softmax(z)[order]  # mass above each token
    keep = np.zeros(len(z), bool)
    keep[order[before < p]] = True
    return np.where(keep, z, -np.inf)


def min_p(z, m):  # keep tokens at least m times as likely as the top one
    p = softmax(z)
    return np.where(p >= m * p.max(), z, -np.inf)


# Hugging Face's variant (RepetitionPenaltyLogitsProcessor): a seen token's logit is
# divided by r when positive and multiplied by r when negative, so it always drops.
# CTRL (Keskar et al. 2019, Section 4.1) divides it by r whatever its sign, which
# raises a negative one.
def repetition_penalty(z, r, seen):
    z = z.copy()
    for i in {vocab.index(w) for w in seen if w in vocab}:
        z[i] = z[i] / r if z[i] > 0 else z[i] * r
    return z


def frequency_presence(z, freq, pres, seen):  # subtract per occurrence, and once
    counts = np.array([seen.count(w) for w in vocab])
    return z - freq * counts - pres * (counts > 0)


seen = ", ".join(f"{w!r} x{earlier.count(w)}" for w in vocab if w in earlier)
print(f"after {context!r}; already in it: {seen}")
print(" " * 26 + " ".join(f"{w:>5}" for w in vocab))
show("no setting", softmax(logits))
show("temperature 0.5", softmax(temperature(logits, 0.5)))
show("temperature 1.5", softmax(temperature(logits, 1.5)))
show("top-k 3", softmax(top_k(logits, 3)))
show("top-p 0.8", softmax(top_p(logits, 0.8)))
show("min-p 0.1", softmax(min_p(logits, 0.1)))
# the three cut-offs in turn, in transformers' order: each sees what the last one left
after_k = top_k(logits, 3)
chained = min_p(top_p(after_k, 0.8), 0.1)
show("top-k, top-p, min-p", softmax(chained))
show("repetition penalty 1.5", softmax(repetition_penalty(logits, 1.5, earlier)))
penalized = frequency_presence(logits, 0.5, 0.5, earlier)
show("freq 0.5 + presence 0.5", softmax(penalized))

kept = [int(np.isfinite(z).sum()) for z in
        (top_k(logits, 3), top_p(logits, 0.8), min_p(logits, 0.1), chained)]
print("tokens kept: top-k {}, top-p {}, min-p {} alone; {} in turn".format(*kept))
left = softmax(after_k)  # renormalized over the three that top-k kept
print(f"after top-k, 'sat' + 'ran' = {left[:2].sum():.4f} of what is left")
# --8<-- [end:settings]

# The figure: the probabilities at three temperatures, and where each cut-off ends
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.8, 3.2))
x = np.arange(len(vocab))
for i, t in enumerate([0.5, 1.0, 1.5]):
    p = softmax(temperature(logits, t)).round(3)
    ax.bar(x + 0.27 * (i - 1), p, 0.27, label=f"T = {t}")
for n, label in zip(kept[:3], ["top-k 3", "top-p 0.8", "min-p 0.1"], strict=True):
    ax.axvline(n - 0.5, color="0.3", linestyle="--", linewidth=1)
    ax.text(n - 0.55, 0.69, f"{label} keeps {n}", rotation=90, ha="right", va="top")
ax.set_xticks(x, vocab)
ax.set_ylabel("probability")
ax.set_title("Cut-offs (dashed) applied at temperature 1", fontsize=10)
ax.legend(title="temperature")
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # lighter
fig.savefig("temperature_and_cutoffs.svg", metadata=no_metadata)
