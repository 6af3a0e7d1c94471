"""A learning-rate schedule as LLMs use it: linear warm-up, then cosine decay to a
floor."""

import math

import torch

param = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.AdamW([param], lr=3e-4)
# steps of warm-up, all steps, final lr as a fraction of the peak
warmup, total, floor = 100, 1000, 0.1


def factor(step: int) -> float:
    """Multiplier of the peak learning rate at a given step."""
    if step < warmup:
        return (step + 1) / warmup
    progress = (step - warmup) / (total - warmup)
    return floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * progress))


scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
for step in range(total):
    if step in (0, 49, 99, 300, 550, 999):
        print(f"step {step:4d}: lr {optimizer.param_groups[0]['lr']:.3e}")
    optimizer.step()  # (a real loop computes a loss and calls backward() first)
    scheduler.step()
