"""A checkpoint's size on disk against the memory to run and to train the model."""

import tempfile
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(256, 1024), nn.GELU(), nn.Linear(1024, 256)).bfloat16()


def tensor_bytes(tensors):
    return sum(t.nbytes for t in tensors)


with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "model.pt"
    torch.save(
        model.state_dict(), path
    )  # a bf16 checkpoint, as most models are published
    on_disk = path.stat().st_size
weights = tensor_bytes(model.parameters())
print(
    f"checkpoint on disk:   {on_disk:>9,} B  "
    f"(bf16 weights {weights:,} B + file overhead)"
)

# loaded in fp32, the same weights take twice the bytes
model32 = model.float()
print(f"loaded in fp32:       {tensor_bytes(model32.parameters()):>9,} B")

# training with AdamW adds a gradient and two moment tensors per parameter tensor
opt = torch.optim.AdamW(model32.parameters())
x = torch.randn(32, 256)
model32(x).pow(2).mean().backward()
opt.step()
grads = tensor_bytes(p.grad for p in model32.parameters())
moments = tensor_bytes(
    s[k] for s in opt.state.values() for k in ("exp_avg", "exp_avg_sq")
)
training = tensor_bytes(model32.parameters()) + grads + moments
print(
    f"training, fp32 AdamW: {training:>9,} B  "
    f"({training / weights:.0f} x the bf16 weights)"
)
