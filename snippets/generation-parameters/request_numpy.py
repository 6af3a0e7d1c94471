"""The settings that end or repeat a request: max new tokens, stop sequences and the
seed, on a toy bigram model whose logits never change."""

import numpy as np

words = ["the", "cat", "dog", "sat", "ran", "on", "mat", "."]
logits = np.random.default_rng(0).normal(size=(len(words), len(words)))  # fixed "model"
gaps = []  # how close each random draw came to a boundary between two tokens


def sample(p, rng):
    """Inverse-CDF sampling: a uniform number picks the token whose interval has it."""
    cdf, u = np.cumsum(p), rng.random()
    gaps.append(np.abs(cdf - u).min())
    return int(np.searchsorted(cdf, u))


def generate(prompt, max_new_tokens, stop=None, seed=None, temperature=1.0):
    rng = np.random.default_rng(seed)  # seed=None: fresh randomness on every call
    out = prompt
    for _ in range(max_new_tokens):  # a hard cap on generated tokens
        z = logits[words.index(out.split()[-1])] / temperature
        out += " " + words[sample(np.exp(z - z.max()) / np.exp(z - z.max()).sum(), rng)]
        if stop and out.endswith(stop):  # a stop sequence ends the text; it is dropped
            return f"{out[: -len(stop)].rstrip()!r} (finish: stop)"
    return f"{out!r} (finish: length)"


print("seed 42: ", generate("the cat", max_new_tokens=8, seed=42))
print("seed 42: ", generate("the cat", max_new_tokens=8, seed=42))
print("seed 7:  ", generate("the cat", max_new_tokens=8, seed=7))
print("stop '.':", generate("the cat", max_new_tokens=8, stop=".", seed=42))
print("3 tokens:", generate("the cat", max_new_tokens=3, seed=42))
print("every draw clear of a token boundary by > 1e-6:", min(gaps) > 1e-6)
