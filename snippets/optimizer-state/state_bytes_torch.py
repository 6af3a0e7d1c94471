"""The state tensors that torch's optimizers allocate, in bytes per parameter."""

import torch
from torch import nn

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
for name, make in optimizers.items():
    n, kinds = state_bytes(make)
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
