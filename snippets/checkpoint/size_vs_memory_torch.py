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

# Llama 2 7B: 6,738,415,616 parameters, published in 16-bit (2 bytes per parameter)
n = 6_738_415_616
print(f"Llama 2 7B checkpoint, 2 B/param:        {2 * n / 1e9:6.1f} GB")
print(
    f"  inference, + KV cache of 4096 tokens:  "
    f"{(2 * n + 2 * 32 * 4096 * 4096 * 2) / 1e9:6.1f} GB"
)
print(
    f"  mixed-precision Adam, 16 B/param:      "
    f"{16 * n / 1e9:6.1f} GB, before activations"
)
