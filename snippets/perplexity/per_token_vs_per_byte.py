"""Perplexity depends on the tokenizer: two models of the same text, one over words and
one over characters, compared per token and per byte.

Each is a unigram model with add-one smoothing, fit on a tiny corpus and scored on a
held-out sentence; the per-byte measure is what compares them fairly.
"""

import math
from collections import Counter

train = ("the cat sat on the mat . the dog sat on the log . "
         "a cat and a dog sat on a mat .")
test = "the dog sat on the mat ."


def nats(train_tokens, test_tokens):
    """Total negative log-likelihood of the test tokens, add-one smoothed unigram."""
    counts, vocab = Counter(train_tokens), set(train_tokens) | set(test_tokens)
    total = len(train_tokens) + len(vocab)
    return -sum(math.log((counts[t] + 1) / total) for t in test_tokens)


n_bytes = len(test.encode("utf-8"))
print(f"test sentence: {n_bytes} bytes")
print("tokenizer   tokens  perplexity per token  bits per byte")
for name, split in {"words": str.split, "characters": list}.items():
    tokens = split(test)
    loss = nats(split(train), tokens)
    print(f"{name:11} {len(tokens):6} {math.exp(loss / len(tokens)):21.2f}"
          f" {loss / math.log(2) / n_bytes:14.2f}")
