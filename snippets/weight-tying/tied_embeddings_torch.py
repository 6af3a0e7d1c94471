"""Tied embeddings: the output head reuses the token embedding matrix, so the same
tensor has two names."""

import torch
from torch import nn

torch.manual_seed(0)
vocab, d = 1000, 64


class TinyLM(nn.Module):
    def __init__(self, tie: bool):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)  # token id -> vector: vocab * d parameters
        self.block = nn.Linear(d, d)  # stands in for the transformer blocks
        # vector -> one logit per token: d * vocab
        self.lm_head = nn.Linear(d, vocab, bias=False)
        if tie:
            self.lm_head.weight = self.embed.weight  # one tensor, two names


# --8<-- [start:count]
for tie in (False, True):
    model = TinyLM(tie)
    # parameters() yields each tensor once
    unique = sum(p.numel() for p in model.parameters())
    every_name = sum(
        p.numel() for _, p in model.named_parameters(remove_duplicate=False)
    )
    # one entry per name
    in_state_dict = sum(t.numel() for t in model.state_dict().values())
    print(
        f"tied={tie}: parameters()={unique:,}  every name={every_name:,}  "
        f"state_dict sum={in_state_dict:,}"
    )

model = TinyLM(tie=True)
print("state_dict keys:", list(model.state_dict()))
print("same storage:", model.embed.weight.data_ptr() == model.lm_head.weight.data_ptr())
# Count unique storage, not names, when all you have is a state_dict:
seen = {t.data_ptr(): t.numel() for t in model.state_dict().values()}
print(
    "unique tensors in state_dict:",
    len(seen),
    "->",
    f"{sum(seen.values()):,}",
    "parameters",
)
# --8<-- [end:count]

# Training updates the one shared matrix through both uses.
with torch.no_grad():
    model.embed.weight[7, 0] = 1.5
print(
    "changing embed.weight[7, 0] changes lm_head.weight[7, 0]:",
    model.lm_head.weight[7, 0].item(),
)
