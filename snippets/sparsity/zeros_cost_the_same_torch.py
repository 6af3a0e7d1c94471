"""Zeros stored in a dense tensor cost the same bytes and the same multiply-adds as any
other number."""

import torch
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
x = torch.randn(64, 512)

for sparsity in [0.0, 0.9]:
    w = torch.randn(512, 512)
    w[torch.rand(512, 512) < sparsity] = 0.0
    with FlopCounterMode(display=False) as counter:
        y = x @ w.T  # a dense matmul multiplies the zeros too
    density = (w != 0).float().mean().item()
    print(
        f"sparsity {sparsity:.1f}: density {density:.3f}, {w.nbytes} bytes, "
        f"{counter.get_total_flops()} FLOPs"
    )
