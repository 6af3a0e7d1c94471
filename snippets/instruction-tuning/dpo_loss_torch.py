"""The DPO loss on a tiny language model: the policy is trained, the reference is a
frozen copy. At the start the two agree, so the loss is log 2; the reference gets no
gradient, and one step raises the preferred answer's margin over the rejected one."""

import copy
import math

import torch
from torch import nn

torch.manual_seed(0)
vocab, d, beta = 16, 8, 0.1
policy = nn.Sequential(nn.Embedding(vocab, d), nn.Linear(d, vocab))
reference = copy.deepcopy(policy).requires_grad_(False)  # frozen: never updated
optimizer = torch.optim.SGD(policy.parameters(), lr=1.0)

prompt, chosen, rejected = [1, 2], [3, 4, 5], [6, 7, 8]


def log_prob(model, answer):
    """Sum of log-probabilities of the answer's tokens, each predicted from the token
    before it (a bigram model keeps the example small)."""
    tokens = torch.tensor(prompt + answer)
    logits = model(tokens[:-1]).log_softmax(-1)
    picked = logits[torch.arange(len(tokens) - 1), tokens[1:]]
    return picked[len(prompt) - 1 :].sum()


def margin(model):
    return log_prob(model, chosen) - log_prob(model, rejected)


# Rafailov et al. (2023), Section 4:
# -log sigmoid(beta * (policy margin - reference margin))
loss = -nn.functional.logsigmoid(beta * (margin(policy) - margin(reference)))
print(
    "loss at the start is log 2:", math.isclose(loss.item(), math.log(2), rel_tol=1e-6)
)
loss.backward()
print(
    "reference has gradients:", any(p.grad is not None for p in reference.parameters())
)
trained = sum(p.numel() for p in policy.parameters() if p.grad is not None)
print(
    f"policy parameters with gradients: {trained} of"
    f" {sum(p.numel() for p in policy.parameters())}"
)
before = margin(policy).item()
optimizer.step()
print("margin of chosen over rejected grew:", margin(policy).item() > before)
