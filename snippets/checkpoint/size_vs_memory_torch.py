"""A checkpoint's size on disk against the memory to run and to train the model."""

import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
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

# a checkpoint to resume training: the fp32 weights and the optimizer's state dict
with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "resume.pt"
    torch.save({"model": model32.state_dict(), "optimizer": opt.state_dict()}, path)
    resume = path.stat().st_size
fp32 = tensor_bytes(model32.parameters())
print(
    f"resume checkpoint:    {resume:>9,} B  "
    f"({resume / fp32:.1f} x the fp32 weights: weights and two moments)"
)

# The figure: the four as stacked bars of weights, gradients and moments, in MB; the
# file overhead, 2 and 12 kB, is too thin to see, and the printed totals include it.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
rows = {
    "bf16 checkpoint": ({"weights": weights}, on_disk),
    "loaded in fp32": ({"weights": fp32}, fp32),
    "fp32 resume checkpoint": ({"weights": fp32, "Adam moments": moments}, resume),
    "fp32 AdamW training": (
        {"weights": fp32, "gradients": grads, "Adam moments": moments},
        training,
    ),
}
colors = {"weights": "#3949ab", "gradients": "#00897b", "Adam moments": "#c62828"}
fig, ax = plt.subplots(figsize=(5.4, 2.6))
for i, (parts, total) in enumerate(rows.values()):
    left = 0.0
    for part, size in parts.items():
        mb = round(size / 1e6, 3)
        ax.barh(i, mb, left=left, color=colors[part], label=part if i == 3 else None)
        left += mb
    ax.text(left + 0.1, i, f"{total / 1e6:.2f}", va="center", fontsize=9)
ax.set_yticks(range(len(rows)), list(rows))
ax.invert_yaxis()
ax.set_xlim(0, 10)
ax.set_xlabel("MB (10⁶ bytes)")
ax.legend(loc="upper right", fontsize=9)
fig.tight_layout()
fig.savefig("checkpoint_bytes.svg", metadata={"Date": None})
