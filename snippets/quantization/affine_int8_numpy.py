"""An int8 quantizer in numpy that gives exactly the integers
torch.quantize_per_tensor/_per_channel give on x86."""

import numpy as np

QRANGE = {"qint8": (-128, 127), "quint8": (0, 255)}


# --8<-- [start:quantizer]
def fma_float32(a, b, c):
    """a * b + c with ONE rounding to float32, as a fused multiply-add instruction
    computes it."""
    a, b, c = (np.asarray(v, dtype=np.float32).astype(np.float64) for v in (a, b, c))
    p = a * b  # exact: two 24-bit significands fit in float64's 53 bits
    s = p + c  # float64 sum, possibly rounded ...
    t = s - p
    # ... and its exact rounding error (TwoSum): s + err == p + c
    err = (p - (s - t)) + (c - t)
    # rounding s to float32 is right unless s sits exactly halfway
    r = s.astype(np.float32)
    other = np.nextafter(r, np.where(s > r, np.float32(np.inf), np.float32(-np.inf)))
    halfway = (
        (s != r)
        & (s == (r.astype(np.float64) + other.astype(np.float64)) / 2)
        & (err != 0)
    )
    # the exact sum lies above s: take whichever neighbour is larger, else the smaller
    up = err > 0
    pick = np.where(up == (other > r), other, r)
    return np.where(halfway, pick, r).astype(np.float32)


def quantize_per_tensor(x, scale, zero_point, dtype="qint8"):
    """q = clamp(round(x / scale) + zero_point), rounded the way torch's int8 kernel
    does it."""
    qmin, qmax = QRANGE[dtype]
    # torch multiplies by 1/scale instead of dividing
    inv_scale = np.float32(1) / np.float32(scale)
    # x * (1/scale) + zero_point, rounded once to float32
    y = fma_float32(x, inv_scale, zero_point)
    # np.rint: round half to even
    return np.clip(np.rint(y), qmin, qmax).astype(np.int64)


def quantize_per_channel(x, scales, zero_points, axis, dtype="qint8"):
    """One scale and zero-point per slice along `axis`; torch's per-channel kernel
    rounds twice."""
    qmin, qmax = QRANGE[dtype]
    shape = [1] * np.ndim(x)
    shape[axis] = -1
    inv_scale = (np.float32(1) / np.asarray(scales, dtype=np.float32)).reshape(shape)
    zp = np.asarray(zero_points, dtype=np.float32).reshape(shape)
    y = (np.asarray(x, dtype=np.float32) * inv_scale + zp).astype(np.float32)
    return np.clip(np.rint(y), qmin, qmax).astype(np.int64)


def dequantize(q, scale, zero_point):
    return ((q - zero_point) * np.float32(scale)).astype(np.float32)
# --8<-- [end:quantizer]


# No input lands near a halfway point between two codes: there every build of torch
# gives the same integers.
x = np.array([-1.2, -0.4, 0.0, 0.25, 0.6, 0.75, 1.25, 2.0], dtype=np.float32)

# affine (asymmetric): map [min, max] onto the 256 codes of uint8; zero is exactly
# representable
scale = float(x.max() - x.min()) / 255
zero_point = int(round(-float(x.min()) / scale))
q = quantize_per_tensor(x, scale, zero_point, "quint8")
print(f"affine    scale={scale:.6f} zero_point={zero_point}")
print("  codes      ", q.tolist())
print("  dequantized", " ".join(f"{v:.4f}" for v in dequantize(q, scale, zero_point)))
print(
    "  max error  ", round(float(np.abs(dequantize(q, scale, zero_point) - x).max()), 5)
)

# symmetric: zero_point = 0, the scale covers the largest magnitude; one side wastes
# codes
scale = float(np.abs(x).max()) / 127
q = quantize_per_tensor(x, scale, 0, "qint8")
print(f"symmetric scale={scale:.6f} zero_point=0")
print("  codes      ", q.tolist())
print("  max error  ", round(float(np.abs(dequantize(q, scale, 0) - x).max()), 5))

# ties: with scale 0.5, the inputs below land exactly halfway; they go to the even
# integer
ties = np.array([-1.25, -0.75, -0.25, 0.25, 0.75, 1.25], dtype=np.float32)
print("ties x/scale ", (ties / np.float32(0.5)).tolist())
print("ties codes   ", quantize_per_tensor(ties, 0.5, 0).tolist())
