"""Quantize to 8 bits and back, as the formula reads: q = clamp(round(x / s) + z)."""

import numpy as np


# --8<-- [start:codes]
def quantize(x, scale, zero_point, qmin, qmax):
    q = np.rint(x / scale) + zero_point  # np.rint rounds halfway cases to even
    return np.clip(q, qmin, qmax).astype(np.int64)


def dequantize(q, scale, zero_point):
    return scale * (q - zero_point)


x = np.array([-1.2, -0.4, 0.0, 0.25, 0.6, 0.75, 1.25, 2.0])

# affine (asymmetric): map [min, max] onto the 256 codes of uint8; zero stays exact
scale = (x.max() - x.min()) / 255
zero_point = int(round(-x.min() / scale))
q = quantize(x, scale, zero_point, 0, 255)
print(f"affine    scale={scale:.6f} zero_point={zero_point}")
print("  codes      ", q.tolist())
x_hat = dequantize(q, scale, zero_point)
print("  dequantized", " ".join(f"{v:.4f}" for v in x_hat))
print("  max error  ", round(float(np.abs(x_hat - x).max()), 5))

# symmetric: zero_point = 0, the scale covers the largest magnitude;
# one side wastes codes
scale = np.abs(x).max() / 127
q = quantize(x, scale, 0, -128, 127)
print(f"symmetric scale={scale:.6f} zero_point=0")
print("  codes      ", q.tolist())
print("  max error  ", round(float(np.abs(dequantize(q, scale, 0) - x).max()), 5))

# ties: with scale 0.5, these inputs land exactly halfway; they go to the even code
ties = np.array([-1.25, -0.75, -0.25, 0.25, 0.75, 1.25])
print("ties x/scale ", (ties / 0.5).tolist())
print("ties codes   ", quantize(ties, 0.5, 0, -128, 127).tolist())
# --8<-- [end:codes]
