"""DoRA and rsLoRA beside LoRA: what each changes in an adapted matrix, and its cost.

DoRA writes the adapted weight as a magnitude times a direction: the direction is
W + s B A with each output row scaled to norm 1, the magnitude is one trained number
per output row (peft's lora_magnitude_vector). rsLoRA trains the same A and B as LoRA
and changes only the scale s, from alpha / r to alpha / sqrt(r)."""

import torch

torch.manual_seed(0)
d_in, d_out, alpha = 512, 256, 16
W = torch.randn(d_out, d_in, dtype=torch.float64) / d_in**0.5


def dora(W, m, B, A, s):
    V = W + s * B @ A
    return m * V / V.norm(dim=1, keepdim=True)


r = 8
A = torch.randn(r, d_in, dtype=torch.float64)
B = torch.zeros(d_out, r, dtype=torch.float64)  # zero at the start, as in LoRA
m = W.norm(dim=1, keepdim=True)  # starts at the rows' norms, so DoRA starts at W
print("DoRA at the start equals W:", torch.allclose(dora(W, m, B, A, alpha / r), W))

# the update s B A x once A and B hold numbers of a fixed size (random stand-ins):
# B A x grows like sqrt(r), so alpha / r shrinks it and alpha / sqrt(r) does not
X = torch.randn(d_in, 256, dtype=torch.float64)  # 256 inputs
print(" rank  alpha/r  alpha/sqrt(r)  RMS of update: LoRA  rsLoRA")
for r in [4, 16, 64, 256]:
    A = torch.randn(r, d_in, dtype=torch.float64) / d_in**0.5
    B = torch.randn(d_out, r, dtype=torch.float64) / alpha
    u = B @ (A @ X)
    rms = [(s * u).pow(2).mean().sqrt().item() for s in (alpha / r, alpha / r**0.5)]
    print(f"{r:5} {alpha / r:8.4f} {alpha / r**0.5:14.4f} {rms[0]:19.2f} {rms[1]:7.2f}")

# Llama 3 8B, rank 16 on q, k, v, o in its 32 layers: (d_in, d_out) of each
r, layers = 16, 32
targets = [(4096, 4096), (4096, 1024), (4096, 1024), (4096, 4096)]
lora = layers * sum(r * (i + o) for i, o in targets)
magnitudes = layers * sum(o for _, o in targets)  # DoRA: one per output row
print(f"LoRA and rsLoRA: {lora:,} trainable")
print(f"DoRA: {lora + magnitudes:,} ({magnitudes:,} magnitudes, "
      f"+{magnitudes / lora:.1%})")
