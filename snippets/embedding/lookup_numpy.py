"""An embedding lookup is a row of a matrix: the same numbers as a one-hot vector times
that matrix."""

import numpy as np

rng = np.random.default_rng(0)
vocab = ["the", "cat", "dog", "sat", "ran"]
V, d = len(vocab), 4

# the embedding matrix: one learned row per token
E = np.round(rng.normal(size=(V, d)), 3)
print("parameters in the table:", V, "x", d, "=", E.size)

token_ids = np.array([1, 3])  # "cat", "sat"
looked_up = E[token_ids]  # the lookup: pick rows
one_hot = np.eye(V)[token_ids]  # the same tokens as one-hot vectors, shape (2, V)
multiplied = one_hot @ E  # a matrix product with the table
print("lookup:\n", looked_up)
print("one-hot @ E equals the lookup:", np.array_equal(looked_up, multiplied))


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


for w in ["dog", "sat"]:
    print(f"cosine(cat, {w}) = {cosine(E[1], E[vocab.index(w)]):.3f}")
