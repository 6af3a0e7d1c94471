"""GGUF's Q4_0 and Q8_0 in torch: the same blocks, stored bytes and error."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same weights as the numpy version
w = torch.from_numpy((rng.standard_normal(4096) * 0.02).astype(np.float32))


# --8<-- [start:q4_0]
def quantize_q4_0(x):
    """As quantize_row_q4_0_ref: d = (signed value of largest magnitude) / -8."""
    blocks = x.reshape(-1, 32)
    biggest = blocks.gather(1, blocks.abs().argmax(dim=1, keepdim=True)).squeeze(1)
    d = biggest / -8.0
    q = torch.clamp(torch.floor(blocks * (1.0 / d)[:, None] + 8.5), max=15).to(
        torch.uint8
    )
    qs = q[:, :16] | (q[:, 16:] << 4)  # two 4-bit codes per byte
    return d.half(), qs


def dequantize_q4_0(d, qs):
    q = torch.cat([qs & 0x0F, qs >> 4], dim=1).float() - 8
    return (q * d.float()[:, None]).reshape(-1)
# --8<-- [end:q4_0]


def quantize_q8_0(x):
    """As quantize_row_q8_0_ref: d = absmax / 127, rounding half away from zero."""
    blocks = x.reshape(-1, 32)
    d = blocks.abs().amax(dim=1) / 127.0
    v = blocks * (1.0 / d)[:, None]
    qs = (torch.sign(v) * torch.floor(v.abs().double() + 0.5)).to(torch.int8)
    return d.half(), qs


def dequantize_q8_0(d, qs):
    return (qs.float() * d.float()[:, None]).reshape(-1)


for name, quantize, dequantize in [
    ("Q4_0", quantize_q4_0, dequantize_q4_0),
    ("Q8_0", quantize_q8_0, dequantize_q8_0),
]:
    d, qs = quantize(w)
    stored = d.nbytes + qs.nbytes  # every byte a GGUF file holds for this tensor
    err = dequantize(d, qs) - w
    rel = torch.sqrt(torch.mean(err**2) / torch.mean(w**2))
    print(
        f"{name}: scales {d.nbytes} B + codes {qs.nbytes} B = "
        f"{stored} B for {w.numel()} weights"
    )
    print(f"  bits per weight: {8 * stored / w.numel()}")
    print(f"  relative RMS error: {rel:.4f}")
