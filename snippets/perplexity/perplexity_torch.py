"""Perplexity: the exponential of the mean next-token cross-entropy, from logits."""

import torch
import torch.nn.functional as F

# A model's scores (logits) over a 5-token vocabulary at 4 positions, and the tokens
# that actually came next.
logits = torch.tensor([[2.0, 0.5, -1.0, 0.0, 1.0],
                       [0.1, 3.0, 0.2, -0.5, 0.0],
                       [1.5, 1.4, 1.3, 0.2, -2.0],
                       [-1.0, 0.0, 0.5, 2.5, 0.3]], dtype=torch.float64)
targets = torch.tensor([0, 1, 2, 4])

losses = F.cross_entropy(logits, targets, reduction="none")  # nats per token
print("probability of each next token:",
      " ".join(f"{p:.3f}" for p in torch.exp(-losses).tolist()))
print("loss per token (nats):         ", " ".join(f"{v:.3f}" for v in losses.tolist()))
top = logits.softmax(dim=1).max(dim=1).values  # what the model gave its own favourite
print("probability of the top guess:  ", " ".join(f"{p:.3f}" for p in top.tolist()))
print(f"last token's loss {losses[-1]:.3f} nats, the other three's together"
      f" {losses[:-1].sum():.3f}")
mean_loss = F.cross_entropy(logits, targets)  # what training reports as "the loss"
perplexity = torch.exp(mean_loss)
print(f"mean loss {mean_loss:.3f} nats -> perplexity {perplexity:.3f}")
geometric = torch.exp(losses).prod() ** (1 / len(losses))  # geometric mean of 1/p
print("equals the geometric mean of 1/p:", torch.isclose(perplexity, geometric).item())

vocab = logits.shape[1]
uniform = torch.exp(F.cross_entropy(torch.zeros(len(targets), vocab), targets))
print(f"a model that guesses uniformly over {vocab} tokens: perplexity {uniform:.3f}")
