"""What pre-training can reach on a corpus: the best possible next-token loss for each
amount of context."""

# data: corpus.txt

from collections import Counter
from pathlib import Path

import numpy as np

CORPUS = Path("corpus.txt")

tokens = []
for line in CORPUS.read_text(encoding="utf-8").splitlines():
    tokens += ["<s>", "<s>"] + line.split() + ["</s>"]
# every position that has a next token
targets = [i for i in range(2, len(tokens)) if tokens[i] != "<s>"]
V = len(set(tokens))
print(f"uniform over {V} tokens: {np.log(V):.3f} nats")
for k in range(3):  # tokens of context: 0 (word frequencies only), 1, 2
    # (context..., next token)
    joint = Counter(tuple(tokens[i - k : i + 1]) for i in targets)
    context = Counter(tuple(tokens[i - k : i]) for i in targets)
    n = np.array([joint[key] for key in joint], dtype=np.float64)
    m = np.array([context[key[:-1]] for key in joint], dtype=np.float64)
    # cross-entropy of the best model with k tokens of context
    loss = -(n * np.log(n / m)).sum() / n.sum()
    print(f"best possible with {k} token(s) of context: {loss:.3f} nats")
