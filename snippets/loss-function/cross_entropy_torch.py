"""The same losses with torch.nn.functional: cross_entropy takes raw logits and class
indices."""

import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(0)  # the same logits as the numpy version
vocab_size = 6
logits = torch.from_numpy(2 * rng.normal(size=(4, vocab_size)))
targets = torch.tensor([2, 0, 5, 2])

# log-softmax and pick, in one stable call
per_token = F.cross_entropy(logits, targets, reduction="none")
loss = F.cross_entropy(logits, targets)  # reduction="mean" is the default
print("probability of the right token:", np.exp(-per_token.numpy()).round(4))
print("per-token loss:", per_token.numpy().round(4))
print(f"cross-entropy (mean) {loss:.4f}, perplexity exp(loss) {loss.exp():.4f}")
uniform = F.cross_entropy(torch.zeros(1, vocab_size), torch.tensor([0]))
print(f"a uniform guess over {vocab_size} tokens: {uniform:.4f} = ln({vocab_size})")

prediction, target = torch.tensor([2.5, 0.0, 2.1]), torch.tensor([3.0, -0.5, 2.0])
print(f"mean squared error {F.mse_loss(prediction, target):.4f}")
