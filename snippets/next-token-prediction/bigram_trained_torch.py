"""Train the bigram table by next-token prediction (cross-entropy and gradient descent)
instead of counting.

It learns the same probabilities as counting, and one training pair only changes the row
of its previous word.
"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
corpus = (
    "the cat took a cat nap . the dog took a long walk . a cat nap is short . "
    "the cat sat on the mat . the dog sat on the rug . my cat likes a cat nap ."
).split()
vocab = sorted(set(corpus))
index = {word: i for i, word in enumerate(vocab)}
V = len(vocab)
ids = torch.tensor([index[w] for w in corpus])
prev, nxt = ids[:-1], ids[1:]

# logits table: W[a, b] scores word b after word a
W = torch.zeros(V, V, requires_grad=True)
# large, because the loss is an average over 40 pairs and each row gets a small share
lr = 20.0
for step in range(301):
    # next-token prediction loss over every pair in the corpus
    loss = F.cross_entropy(W[prev], nxt)
    W.grad = None
    loss.backward()
    with torch.no_grad():
        W -= lr * W.grad  # one step of gradient descent
    if step % 100 == 0:
        print(f"step {step:3d}  loss {loss.item():.3f}")

with torch.no_grad():
    p_cat = torch.softmax(W[index["cat"]], dim=0)
print(
    f"learned P(nap | cat) = {p_cat[index['nap']].item():.2f}   (counting gives 3/6 "
    f"= {3 / 6:.2f})"
)

# The gradient of the loss on one pair, ("cat", "nap"), is non-zero only in the row of
# "cat".
W.grad = None
F.cross_entropy(W[index["cat"]].unsqueeze(0), torch.tensor([index["nap"]])).backward()
rows = torch.nonzero(W.grad.abs().sum(dim=1)).flatten().tolist()
print("rows changed by the pair (cat, nap):", [vocab[r] for r in rows], "of", V)
