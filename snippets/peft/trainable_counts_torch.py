"""PEFT methods compared by what they train, on GPT-2 small's real shapes.

GPT-2 small (the gpt2 config.json): vocabulary 50257, 1024 positions, width 768,
12 layers.
The model is built on the meta device: shapes only, no memory, no weights, no download.
"""

import matplotlib
import torch
from torch import nn

matplotlib.use("Agg")
import matplotlib.pyplot as plt

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

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(4.6, 2.6))
labels = ["BitFit", "adapters", "LoRA", "prefix tuning", "IA3", "prompt tuning"]
counts = list(methods.values())[1:]  # every method but full fine-tuning
ax.barh(labels, [100 * n / total for n in counts], color="#4e79a7")
for row, n in enumerate(counts):
    ax.text(100 * n / total * 1.15, row, f"{n:,}", va="center")
ax.set_xscale("log")
ax.set_xlim(0.005, 20)
ax.minorticks_off()
ax.set_xticks([0.01, 0.1, 1, 10], ["0.01%", "0.1%", "1%", "10%"])
ax.set_xlabel("trainable share of GPT-2 small (log scale)")
ax.invert_yaxis()
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig("trainable_share.svg", metadata=no_metadata)
