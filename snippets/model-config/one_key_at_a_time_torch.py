"""Which config.json keys change the parameter count: build a small Llama-style model
on torch's meta device (shapes only, no memory) from a config, change one key at a time,
and count the parameters, all of them and those one token uses.

The modules mirror the parameter tensors of Hugging Face's Llama and Mixtral
models: q/k/v/o projections without biases, a gated MLP (gate, up, down), two RMSNorm
weights per layer, a final norm, the embedding table and the output head (the same
tensor if tied).
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torch import nn

BASE = {
    "vocab_size": 1000,
    "hidden_size": 256,
    "intermediate_size": 688,
    "num_hidden_layers": 4,
    "num_attention_heads": 8,
    "num_key_value_heads": 2,
    "head_dim": 32,
    "tie_word_embeddings": False,
    "max_position_embeddings": 2048,
    "rope_theta": 10000.0,
    "sliding_window": None,
    "num_local_experts": 1,
    "num_experts_per_tok": 1,
}


def mlp(d, ff):
    return nn.ModuleDict(
        {
            "gate": nn.Linear(d, ff, bias=False),
            "up": nn.Linear(d, ff, bias=False),
            "down": nn.Linear(ff, d, bias=False),
        }
    )


def build(c):
    d, hd = c["hidden_size"], c["head_dim"]
    q, kv = c["num_attention_heads"] * hd, c["num_key_value_heads"] * hd
    experts = c["num_local_experts"]
    layers = nn.ModuleList()
    for _ in range(c["num_hidden_layers"]):
        layer = nn.ModuleDict(
            {
                "q": nn.Linear(d, q, bias=False),
                "k": nn.Linear(d, kv, bias=False),
                "v": nn.Linear(d, kv, bias=False),
                "o": nn.Linear(q, d, bias=False),
                "experts": nn.ModuleList(
                    mlp(d, c["intermediate_size"]) for _ in range(experts)
                ),
                "norms": nn.ParameterList(
                    [nn.Parameter(torch.ones(d)) for _ in range(2)]
                ),
            }
        )
        if experts > 1:
            layer["router"] = nn.Linear(d, experts, bias=False)
        layers.append(layer)
    model = nn.ModuleDict(
        {
            "embed": nn.Embedding(c["vocab_size"], d),
            "layers": layers,
            "norm": nn.LayerNorm(d, bias=False),
            "head": nn.Linear(d, c["vocab_size"], bias=False),
        }
    )
    if c["tie_word_embeddings"]:
        model["head"].weight = model["embed"].weight  # one tensor, counted once
    return model


def count(c):
    """All parameters (parameters() yields a tied tensor once), and the active ones: all
    but the experts a token does not use."""
    with torch.device("meta"):
        model = build(c)
    total = sum(p.numel() for p in model.parameters())
    expert = sum(p.numel() for p in model["layers"][0]["experts"][0].parameters())
    unused = c["num_local_experts"] - c["num_experts_per_tok"]
    return total, total - c["num_hidden_layers"] * unused * expert


CHANGES = [
    ("hidden_size", 512),
    ("intermediate_size", 1376),
    ("num_hidden_layers", 8),
    ("num_attention_heads", 16),
    ("num_key_value_heads", 8),
    ("head_dim", 64),
    ("vocab_size", 2000),
    ("tie_word_embeddings", True),
    ("max_position_embeddings", 8192),
    ("rope_theta", 500000.0),
    ("sliding_window", 512),
    ("num_local_experts", 8),
]
base, _ = count(BASE)
print(f"{'base config':34} {base:>10,}")
bars = []  # for the figure
for key, value in CHANGES:
    total, active = count({**BASE, key: value})
    bars.append((f"{key} = {value}", total))
    change = f"{total - base:+,}" if total != base else "no change"
    print(f"{key + ' = ' + str(value):34} {total:>10,}  {change}")
moe = {**BASE, "num_local_experts": 8, "num_experts_per_tok": 2}
total, active = count(moe)
print(f"8 experts, num_experts_per_tok = 2: {total:,} in all, {active:,} active")

# The figure: each change's count as a multiple of the base count, on a log scale.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
fig, ax = plt.subplots(figsize=(5.4, 3.8))
labels = [label for label, _ in bars]
ratios = [round(total / base, 3) for _, total in bars]
colors = ["#3949ab" if r > 1 else "#c62828" for r in ratios]
ax.barh(labels, [r - 1 for r in ratios], left=1, color=colors)
ax.axvline(1, color="0.3", linewidth=1)
for i, (_, total) in enumerate(bars):
    note = f"{(total - base) / 1e6:+.2f} M" if total != base else "no change"
    ax.text(max(ratios[i], 1) * 1.03, i, note, va="center", fontsize=8)
ax.set_xscale("log")
ax.set_xlim(0.85, 8.5)
ax.set_xticks([1, 2, 4, 8], ["1", "2", "4", "8"])
ax.minorticks_off()
ax.invert_yaxis()
ax.tick_params(axis="y", labelsize=9)
ax.set_xlabel(f"parameters ÷ base ({base / 1e6:.2f} M), log scale")
fig.tight_layout()
fig.savefig("count_by_key.svg", metadata={"Date": None})
