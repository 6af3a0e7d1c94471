"""The state of 8-bit AdamW as bitsandbytes lays it out, next to torch's own AdamW.

bitsandbytes is not installed here; the tensors below follow its
Optimizer2State.init_state (bitsandbytes/optim/optimizer.py): for a parameter of at
least min_8bit_size = 4096 elements, both moments as uint8 codes of the parameter's
shape plus one fp32 absmax per block of 256; smaller parameters keep fp32 moments.
The two 256-entry code tables (qmap1, qmap2) are shared by all parameters."""

import math

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 512))
n = sum(p.numel() for p in model.parameters())

opt = torch.optim.AdamW(model.parameters())
model(torch.randn(8, 512)).pow(2).mean().backward()
opt.step()  # torch allocates the state here
torch_bytes = sum(t.nbytes for s in opt.state.values() for t in s.values())


def bnb_state(p, min_8bit_size=4096, block=256):
    if p.numel() < min_8bit_size:  # small tensors: 32-bit moments
        return {k: torch.zeros_like(p) for k in ("state1", "state2")}
    blocks = math.ceil(p.numel() / block)
    return {
        "state1": torch.zeros_like(p, dtype=torch.uint8),
        "state2": torch.zeros_like(p, dtype=torch.uint8),
        "absmax1": torch.zeros(blocks),
        "absmax2": torch.zeros(blocks),
    }


states = [bnb_state(p) for p in model.parameters()]
qmaps = [torch.zeros(256), torch.zeros(256)]  # once per optimizer
bnb_bytes = sum(t.nbytes for s in states for t in s.values())
for p, s in zip(model.parameters(), states, strict=True):
    kinds = ", ".join(f"{k} {t.dtype}".replace("torch.", "") for k, t in s.items())
    print(f"parameter {str(tuple(p.shape)):10} {kinds}")
print(f"torch AdamW state: {torch_bytes / n:6.3f} B/param")
print(f"8-bit AdamW state: {bnb_bytes / n:6.3f} B/param"
      f" (+ {sum(q.nbytes for q in qmaps):,} B of shared code tables)")
print(f"large tensors alone: {2 * (1 + 4 / 256):.5f} B/param")
