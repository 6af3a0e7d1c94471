"""A QLoRA layer: a frozen NF4 weight (4-bit codes, absmax scales) plus LoRA."""

from statistics import NormalDist

import torch
from torch import nn

torch.manual_seed(0)

# NF4's 16 levels, built as on the quantization page (QLoRA, Section 3):
# normal quantiles plus an exact zero
normal, offset = NormalDist(), 0.9677083
pos = [normal.inv_cdf(offset - i * (offset - 0.5) / 8) for i in range(8)]
neg = [-normal.inv_cdf(offset - i * (offset - 0.5) / 7) for i in range(7)]
NF4 = torch.tensor(sorted(pos + [0.0] + neg))
NF4 = NF4 / NF4.max()


class QLoRALinear(nn.Module):
    def __init__(self, weight, r=8, alpha=16, block=64):
        super().__init__()
        d_out, d_in = weight.shape
        blocks = weight.reshape(-1, block)
        absmax = blocks.abs().amax(dim=1, keepdim=True)
        codes = (
            (blocks / absmax)
            .unsqueeze(-1)
            .sub(NF4)
            .abs()
            .argmin(dim=-1)
            .to(torch.uint8)
        )
        # buffers, not parameters: saved with the model, never given a gradient
        self.register_buffer(
            "packed", (codes[:, 0::2] | (codes[:, 1::2] << 4)).contiguous()
        )
        self.register_buffer("absmax", absmax.squeeze(1))
        self.shape, self.scale = (d_out, d_in), alpha / r
        self.A = nn.Parameter(
            torch.randn(r, d_in) / d_in**0.5
        )  # LoRA: trained in 32 bits
        self.B = nn.Parameter(
            torch.zeros(d_out, r)
        )  # zero, so training starts from the base model

    def base_weight(self):
        """Dequantize on the fly: unpack the codes, look up the levels, scale blocks."""
        codes = torch.stack([self.packed & 0x0F, self.packed >> 4], dim=-1).reshape(
            len(self.absmax), -1
        )
        return (NF4[codes.long()] * self.absmax[:, None]).reshape(self.shape)

    def forward(self, x):
        return x @ self.base_weight().T + self.scale * (x @ self.A.T) @ self.B.T




W = torch.randn(64, 128) * 0.05  # a "pre-trained" weight
layer = QLoRALinear(W)
print("trainable:", [name for name, p in layer.named_parameters() if p.requires_grad])
print("frozen buffers:", {name: str(b.dtype) for name, b in layer.named_buffers()})

x = torch.randn(256, 128)
target = (
    x @ (W + 0.02 * torch.randn(8, 128).repeat(8, 1)).T
)  # the task wants a small change of W
packed_before = layer.packed.clone()
opt = torch.optim.AdamW(layer.parameters(), lr=1e-2)
losses = []
for _ in range(200):
    loss = (layer(x) - target).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    losses.append(loss.item())
print(f"loss fell to less than a tenth: {losses[-1] < losses[0] / 10}")
print("4-bit codes unchanged by training:", torch.equal(layer.packed, packed_before))

base = layer.packed.nbytes + layer.absmax.nbytes
lora = sum(p.nbytes for p in layer.parameters())
print(
    f"frozen base: {base:,} B ({8 * base / W.numel()} bits per weight); "
    f"fp32 W was {W.nbytes:,} B"
)
print(f"LoRA A and B: {lora:,} B, + gradients and AdamW state: {4 * lora:,} B in all")
