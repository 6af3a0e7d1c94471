"""GGUF's Q4_0 and Q8_0 in numpy: quantize blocks of 32, count bytes, dequantize."""

import numpy as np

rng = np.random.default_rng(0)
w = (rng.standard_normal(4096) * 0.02).astype(np.float32)  # one row of a weight matrix


# --8<-- [start:q4_0]
def quantize_q4_0(x):
    """As quantize_row_q4_0_ref: d = (signed value of largest magnitude) / -8."""
    blocks = x.reshape(-1, 32)
    biggest = blocks[np.arange(len(blocks)), np.abs(blocks).argmax(axis=1)]
    d = biggest / np.float32(-8)
    inv_d = (np.float32(1) / d)[:, None]
    q = np.minimum(15, np.floor(blocks * inv_d + np.float32(8.5))).astype(
        np.uint8
    )  # 0..15
    qs = q[:, :16] | (q[:, 16:] << 4)  # two 4-bit codes per byte
    return d.astype(np.float16), qs


def dequantize_q4_0(d, qs):
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8
    return (q * d.astype(np.float32)[:, None]).reshape(-1)
# --8<-- [end:q4_0]


def quantize_q8_0(x):
    """As quantize_row_q8_0_ref: d = absmax / 127, rounding half away from zero."""
    blocks = x.reshape(-1, 32)
    d = np.abs(blocks).max(axis=1) / np.float32(127)
    v = blocks * (np.float32(1) / d)[:, None]
    qs = (np.sign(v) * np.floor(np.abs(v).astype(np.float64) + 0.5)).astype(np.int8)
    return d.astype(np.float16), qs


def dequantize_q8_0(d, qs):
    return (qs.astype(np.float32) * d.astype(np.float32)[:, None]).reshape(-1)


# --8<-- [start:count]
for name, quantize, dequantize in [
    ("Q4_0", quantize_q4_0, dequantize_q4_0),
    ("Q8_0", quantize_q8_0, dequantize_q8_0),
]:
    d, qs = quantize(w)
    stored = d.nbytes + qs.nbytes  # every byte a GGUF file holds for this tensor
    err = dequantize(d, qs) - w
    rel = np.sqrt(np.mean(err**2) / np.mean(w**2))
    print(
        f"{name}: scales {d.nbytes} B + codes {qs.nbytes} B = "
        f"{stored} B for {w.size} weights"
    )
    print(f"  bits per weight: {8 * stored / w.size}")
    print(f"  relative RMS error: {rel:.4f}")
# --8<-- [end:count]
