"""PEFT methods compared by what they train, on GPT-2 small's real shapes.

The model is built by transformers on the meta device from its default configuration
(GPT-2 small):
shapes only, no weights, no download.
"""

import torch
from transformers import GPT2Config, GPT2LMHeadModel

with torch.device("meta"):
    model = GPT2LMHeadModel(GPT2Config())
cfg = model.config
d, L, ff = cfg.n_embd, cfg.n_layer, 4 * cfg.n_embd
print(
    f"GPT-2 small: {L} layers, width {d}, MLP width {ff}, "
    f"c_attn {list(model.transformer.h[0].attn.c_attn.weight.shape)}"
)

# --8<-- [start:count]
total = sum(
    p.numel() for p in model.parameters()
)  # the tied embedding/output matrix counted once
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
# --8<-- [end:count]
