"""The state tensors that torch's optimizers allocate, in bytes per parameter."""

import matplotlib
import torch
from torch import nn

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)


def state_bytes(make_optimizer):
    model = nn.Sequential(nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 512))
    opt = make_optimizer(model.parameters())
    model(torch.randn(8, 512)).pow(2).mean().backward()
    opt.step()  # the state is allocated lazily, at the first step
    n = sum(p.numel() for p in model.parameters())
    kinds = {}
    for state in opt.state.values():
        for key, t in state.items():
            if torch.is_tensor(t):
                kinds[key] = kinds.get(key, 0) + t.nbytes
    return n, kinds


optimizers = {
    "SGD": lambda ps: torch.optim.SGD(ps, lr=0.1),
    "SGD, momentum 0.9": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9),
    "Adam": lambda ps: torch.optim.Adam(ps),
    "AdamW": lambda ps: torch.optim.AdamW(ps),
    "AdamW, amsgrad": lambda ps: torch.optim.AdamW(ps, amsgrad=True),
}
per_param = {}  # optimizer -> bytes per parameter of each kind of state tensor
for name, make in optimizers.items():
    n, kinds = state_bytes(make)
    per_param[name] = {k: v / n for k, v in kinds.items()}
    total = sum(kinds.values())
    detail = ", ".join(f"{k} {v:,} B" for k, v in kinds.items()) or "nothing"
    print(f"{name:18} {total / n:5.2f} B/param  ({detail})")
print(f"parameters: {n:,} in fp32, {4 * n:,} B")

# Llama 2 7B, trained with AdamW: the optimizer state per parameter and in all, and the
# whole model state (weights, gradients and optimizer state) per parameter
# count-params: llama-2-7b
n = 6_738_415_616
EIGHT_BIT = 2 * (1 + 4 / 256)  # two 1-byte moments, one fp32 absmax per 256 values
print(f"Llama 2 7B, {n:,} parameters:")
for label, weights, grads, state in [
    ("fp32 AdamW", 4, 4, 8),
    ("mixed precision AdamW", 2, 2, 12),  # the state holds an fp32 master copy too
    ("8-bit AdamW, pure bf16", 2, 2, EIGHT_BIT),  # bitsandbytes; no master copy
]:
    total = weights + grads + state
    print(
        f"{label:23} state {state:5.2f} B/param = {state * n / 1e9:4.1f} GB;"
        f" model state {total:5.2f} B/param"
    )
print(f"8-bit AdamW, pure bf16: model state {(2 + 2 + EIGHT_BIT) * n / 1e9:.1f} GB")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(4.6, 2.9), layout="constrained")
# 8-bit AdamW: each moment 1 byte of code and 4 bytes of absmax per 256 values
per_param["8-bit AdamW"] = dict.fromkeys(["exp_avg", "exp_avg_sq"], EIGHT_BIT / 2)
kinds = {  # state tensor: label, color
    "momentum_buffer": ("momentum", "#59a14f"),
    "exp_avg": ("m, mean of gradients", "#4e79a7"),
    "exp_avg_sq": ("v, mean of squares", "#f28e2b"),
    "max_exp_avg_sq": ("max of v (amsgrad)", "#e15759"),
}
left = [0.0] * len(per_param)
for kind, (label, color) in kinds.items():
    widths = [state.get(kind, 0) for state in per_param.values()]
    ax.barh(list(per_param), widths, left=left, color=color, label=label)
    left = [a + b for a, b in zip(left, widths, strict=True)]
for row, total in enumerate(left):
    ax.text(total + 0.15, row, f"{total:.3g}", va="center")
ax.invert_yaxis()
ax.set_xlim(0, 13.5)
ax.set_xticks(range(0, 13, 2))
ax.set_xlabel("bytes of optimizer state per parameter")
ax.spines[["top", "right"]].set_visible(False)
fig.legend(loc="outside lower left", frameon=False, ncols=2)
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig("state_per_parameter.svg", metadata=no_metadata)
