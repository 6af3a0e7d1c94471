"""Each sampling setting applied to one fixed set of logits: what it does to the
next-token probabilities. No parameter of the model changes."""

import torch

vocab = ["sat", "ran", "slept", "is", "was", "ate", "the", "."]
logits = torch.tensor([3.0, 2.25, 2.0, 1.5, 1.0, 0.5, -0.5, -1.5], dtype=torch.float64)
context = "the dog sat and the cat"  # the text so far; the logits score what comes next
earlier = context.split()  # its tokens (one per word here), prompt included
NEG = float("-inf")


def show(label, p):
    print(f"{label:26}" + " ".join(f"{x:5.3f}" for x in p.tolist()))


# --8<-- [start:settings]
def temperature(z, t):
    return z / t


def top_k(z, k):  # keep the k highest logits
    return z.masked_fill(z < z.topk(k).values[-1], NEG)


def top_p(z, p):  # keep the fewest top tokens whose probabilities add up to p
    probs, order = z.softmax(-1).sort(descending=True)
    before = probs.cumsum(-1) - probs  # mass above each token
    keep = torch.zeros_like(z, dtype=torch.bool)
    keep[order[before < p]] = True
    return z.masked_fill(~keep, NEG)


def min_p(z, m):  # keep tokens at least m times as likely as the top one
    p = z.softmax(-1)
    return z.masked_fill(p < m * p.max(), NEG)


# Hugging Face's variant (RepetitionPenaltyLogitsProcessor): a seen token's logit is
# divided by r when positive and multiplied by r when negative, so it always drops.
# CTRL (Keskar et al. 2019, Section 4.1) divides it by r whatever its sign, which
# raises a negative one.
def repetition_penalty(z, r, seen):
    idx = torch.tensor(sorted({vocab.index(w) for w in seen if w in vocab}))
    z = z.clone()
    z[idx] = torch.where(z[idx] > 0, z[idx] / r, z[idx] * r)
    return z


def frequency_presence(z, freq, pres, seen):  # subtract per occurrence, and once
    counts = torch.tensor([seen.count(w) for w in vocab], dtype=z.dtype)
    return z - freq * counts - pres * (counts > 0)
# --8<-- [end:settings]


seen = ", ".join(f"{w!r} x{earlier.count(w)}" for w in vocab if w in earlier)
print(f"after {context!r}; already in it: {seen}")
print(" " * 26 + " ".join(f"{w:>5}" for w in vocab))
show("no setting", logits.softmax(-1))
show("temperature 0.5", temperature(logits, 0.5).softmax(-1))
show("temperature 1.5", temperature(logits, 1.5).softmax(-1))
show("top-k 3", top_k(logits, 3).softmax(-1))
show("top-p 0.8", top_p(logits, 0.8).softmax(-1))
show("min-p 0.1", min_p(logits, 0.1).softmax(-1))
# the three cut-offs in turn, in transformers' order: each sees what the last one left
after_k = top_k(logits, 3)
chained = min_p(top_p(after_k, 0.8), 0.1)
show("top-k, top-p, min-p", chained.softmax(-1))
show("repetition penalty 1.5", repetition_penalty(logits, 1.5, earlier).softmax(-1))
penalized = frequency_presence(logits, 0.5, 0.5, earlier)
show("freq 0.5 + presence 0.5", penalized.softmax(-1))

kept = [int(z.isfinite().sum()) for z in
        (top_k(logits, 3), top_p(logits, 0.8), min_p(logits, 0.1), chained)]
print("tokens kept: top-k {}, top-p {}, min-p {} alone; {} in turn".format(*kept))
left = after_k.softmax(-1)  # renormalized over the three that top-k kept
print(f"after top-k, 'sat' + 'ran' = {left[:2].sum():.4f} of what is left")
