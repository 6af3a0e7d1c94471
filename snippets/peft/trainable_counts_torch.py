"""PEFT methods compared by what they train, on GPT-2 small's real shapes.

GPT-2 small (the gpt2 config.json): vocabulary 50257, 1024 positions, width 768,
12 layers.
The model is built on the meta device: shapes only, no memory, no weights, no download.
"""

import torch
from torch import nn

V, P, d, L = 50257, 1024, 768, 12
ff = 4 * d


def gpt2_block():
    # the same tensors as Hugging Face's GPT2Block: c_attn is q, k and v side by side
    return nn.ModuleDict(
        {
            "ln_1": nn.LayerNorm(d),
            "c_attn": nn.Linear(d, 3 * d),
            "c_proj": nn.Linear(d, d),
            "ln_2": nn.LayerNorm(d),
            "c_fc": nn.Linear(d, ff),
            "mlp_c_proj": nn.Linear(ff, d),
        }
    )


with torch.device("meta"):
    model = nn.ModuleDict(
        {
            "wte": nn.Embedding(V, d),  # also the output head (tied): counted once
            "wpe": nn.Embedding(P, d),
            "h": nn.ModuleList([gpt2_block() for _ in range(L)]),
            "ln_f": nn.LayerNorm(d),
        }
    )

total = sum(p.numel() for p in model.parameters())
biases = sum(
    p.numel() for name, p in model.named_parameters() if name.endswith(".bias")
)
r, m, p_prefix, p_prompt = 8, 64, 10, 20
methods = {
    "full fine-tuning": total,
    "bias-only (BitFit)": biases,
    f"adapters, bottleneck {m}, two per layer": L * 2 * (d * m + m + m * d + d),
    f"LoRA r={r} on query and value": L * 2 * r * (d + d),
    f"prefix tuning, {p_prefix} key/value vectors per layer": L * 2 * p_prefix * d,
    "IA3: rescale keys, values, MLP": L * (d + d + ff),
    f"prompt tuning, {p_prompt} soft tokens": p_prompt * d,
}
for name, n in methods.items():
    print(f"{name:46} {n:>12,}  {100 * n / total:8.4f}%")
