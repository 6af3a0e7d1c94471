"""torch.optim's default hyperparameters, read from the optimizers themselves."""

import torch

param = [torch.zeros(1, requires_grad=True)]
for optimizer in [
    torch.optim.SGD(param),
    torch.optim.Adam(param),
    torch.optim.AdamW(param),
]:
    d = optimizer.defaults
    keys = [k for k in ("lr", "momentum", "betas", "eps", "weight_decay") if k in d]
    print(f"{type(optimizer).__name__:<6}", ", ".join(f"{k}={d[k]}" for k in keys))
