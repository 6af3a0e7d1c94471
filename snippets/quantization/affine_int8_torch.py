"""torch's own int8 quantizer on the same inputs: quantize_per_tensor, int_repr and
dequantize."""

import warnings

import torch

# torch 2.13 warns that quantized tensor dtypes (torch.qint8, torch.quint8) are
# deprecated; the
# "quantization" page shows that message. Here it is recorded so that the output stays
# clean.
with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")
    torch.quantize_per_tensor(torch.zeros(1), 1.0, 0, torch.qint8)

# --8<-- [start:codes]
# No input lands near a halfway point between two codes: there every build of torch
# gives the same integers.
x = torch.tensor([-1.2, -0.4, 0.0, 0.25, 0.6, 0.75, 1.25, 2.0])

# affine (asymmetric): map [min, max] onto the 256 codes of uint8; zero is exactly
# representable
scale = float(x.max() - x.min()) / 255
zero_point = int(round(-float(x.min()) / scale))
q = torch.quantize_per_tensor(x, scale, zero_point, torch.quint8)
print(f"affine    scale={scale:.6f} zero_point={zero_point}")
print("  codes      ", q.int_repr().tolist())
print("  dequantized", " ".join(f"{v:.4f}" for v in q.dequantize().tolist()))
print("  max error  ", round(float((q.dequantize() - x).abs().max()), 5))

# symmetric: zero_point = 0, the scale covers the largest magnitude; one side wastes
# codes
scale = float(x.abs().max()) / 127
q = torch.quantize_per_tensor(x, scale, 0, torch.qint8)
print(f"symmetric scale={scale:.6f} zero_point=0")
print("  codes      ", q.int_repr().tolist())
print("  max error  ", round(float((q.dequantize() - x).abs().max()), 5))

# ties: with scale 0.5, the inputs below land exactly halfway; they go to the even
# integer
ties = torch.tensor([-1.25, -0.75, -0.25, 0.25, 0.75, 1.25])
print("ties x/scale ", (ties / 0.5).tolist())
print(
    "ties codes   ",
    torch.quantize_per_tensor(ties, 0.5, 0, torch.qint8).int_repr().tolist(),
)
# --8<-- [end:codes]
