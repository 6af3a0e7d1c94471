"""Every parameter tensor of a tiny Llama-style model, by kind: weight matrices, norm
gains, an embedding table.

There is no bias anywhere: Llama-style models build their linear layers with bias=False.
"""

import torch
from torch import nn

torch.manual_seed(0)
vocab, d, hidden = 100, 16, 40


class RMSNorm(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))  # a gain per feature, no shift


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.input_norm = RMSNorm(d)
        self.q_proj, self.k_proj = (
            nn.Linear(d, d, bias=False),
            nn.Linear(d, d, bias=False),
        )
        self.v_proj, self.o_proj = (
            nn.Linear(d, d, bias=False),
            nn.Linear(d, d, bias=False),
        )
        self.mlp_norm = RMSNorm(d)
        self.gate_proj, self.up_proj = (
            nn.Linear(d, hidden, bias=False),
            nn.Linear(d, hidden, bias=False),
        )
        self.down_proj = nn.Linear(hidden, d, bias=False)


model = nn.ModuleDict(
    {
        "embed_tokens": nn.Embedding(vocab, d),
        "block": Block(),
        "norm": RMSNorm(d),
        "lm_head": nn.Linear(d, vocab, bias=False),
    }
)


def kind(name: str, p: torch.Tensor) -> str:
    if name.startswith("embed"):
        return "embedding table"
    if "norm" in name:
        return "norm gain"
    return "bias" if name.endswith("bias") else "weight matrix"


totals = {}
for name, p in model.named_parameters():
    totals[kind(name, p)] = totals.get(kind(name, p), 0) + p.numel()
    print(f"{name:24} {str(tuple(p.shape)):10} {p.numel():>5}  {kind(name, p)}")
print("by kind:", totals)
print(
    "tensors:",
    len(list(model.parameters())),
    "| parameters (numbers):",
    sum(p.numel() for p in model.parameters()),
)
print(
    "bias tensors:",
    sum(1 for name, _ in model.named_parameters() if name.endswith("bias")),
)
