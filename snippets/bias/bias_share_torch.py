"""How many of a model's parameters are biases? GPT-2 small's shapes against a
Llama-style model of the same size.

Both are built on the meta device: shapes only, no memory, no weights.
"""

import torch
from torch import nn

vocab, d, layers = 50257, 768, 12


def gpt2_style_block(d):
    return nn.ModuleDict(
        {
            "ln_1": nn.LayerNorm(d),
            "qkv": nn.Linear(d, 3 * d),
            "attn_out": nn.Linear(d, d),
            "ln_2": nn.LayerNorm(d),
            "fc_in": nn.Linear(d, 4 * d),
            "fc_out": nn.Linear(4 * d, d),
        }
    )


def llama_style_block(d):
    # bias=False everywhere; RMSNorm (torch.nn.RMSNorm) has a gain and no shift.
    return nn.ModuleDict(
        {
            "norm_1": nn.RMSNorm(d),
            "qkv": nn.Linear(d, 3 * d, bias=False),
            "attn_out": nn.Linear(d, d, bias=False),
            "norm_2": nn.RMSNorm(d),
            "gate": nn.Linear(d, 8 * d // 3, bias=False),
            "up": nn.Linear(d, 8 * d // 3, bias=False),
            "down": nn.Linear(8 * d // 3, d, bias=False),
        }
    )


with torch.device("meta"):
    models = {
        "GPT-2 style": nn.ModuleList(
            [nn.Embedding(vocab, d), *[gpt2_style_block(d) for _ in range(layers)]]
        ),
        "Llama style": nn.ModuleList(
            [nn.Embedding(vocab, d), *[llama_style_block(d) for _ in range(layers)]]
        ),
    }

for label, model in models.items():
    total = sum(p.numel() for p in model.parameters())
    linear_bias = sum(
        p.numel()
        for n, p in model.named_parameters()
        if n.endswith("bias") and "ln" not in n
    )
    norm_shift = sum(
        p.numel()
        for n, p in model.named_parameters()
        if n.endswith("bias") and "ln" in n
    )
    print(
        f"{label}: total {total:,}  linear-layer biases {linear_bias:,} "
        f"({linear_bias / total:.3%})"
        f"  LayerNorm shifts {norm_shift:,}"
    )
