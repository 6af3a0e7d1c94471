"""LayerNorm and RMSNorm on two token vectors, written out from their formulas."""

import numpy as np


def show(name, rows):
    print(name)
    for row in rows:
        print("   " + " ".join(f"{float(v):7.3f}" for v in row))


x = np.array([[2.0, -1.0, 0.7, 3.0, -2.5, 1.0],
              [0.2, 0.9, -0.4, 0.3, 1.6, 0.2]])  # 2 tokens, width d = 6
d, eps = x.shape[1], 1e-5
gain = np.array([1.0, 0.5, 2.0, 1.0, 1.5, 1.0])  # learned, one per feature
shift = np.array([0.0, 0.1, 0.0, -0.2, 0.0, 0.3])  # learned, LayerNorm only

# LayerNorm: subtract the mean, divide by the standard deviation, then scale and shift.
mean = x.mean(axis=-1, keepdims=True)
var = x.var(axis=-1, keepdims=True)
layernorm = (x - mean) / np.sqrt(var + eps) * gain + shift
# RMSNorm: no mean, no shift; divide by the root mean square, then scale.
rms = np.sqrt((x**2).mean(axis=-1, keepdims=True) + eps)
rmsnorm = x / rms * gain

show("LayerNorm output:", layernorm)
show("RMSNorm output:", rmsnorm)
print("parameters: LayerNorm", gain.size + shift.size, " RMSNorm", gain.size)

# Before the gain, each LayerNorm row has mean 0 and variance 1; each RMSNorm row has
# mean square 1 but keeps a mean. Both ignore the scale of their input.
plain_ln, plain_rms = (x - mean) / np.sqrt(var + eps), x / rms
print("LayerNorm rows: mean 0, variance 1:",
      np.allclose(plain_ln.mean(-1), 0, atol=1e-6),
      np.allclose(plain_ln.var(-1), 1, atol=1e-3))
print("RMSNorm rows: mean square 1:",
      np.allclose((plain_rms**2).mean(-1), 1, atol=1e-3),
      " row means:", *(f"{m:.3f}" for m in plain_rms.mean(-1)))
big = 100 * x
big_rmsnorm = big / np.sqrt((big**2).mean(axis=-1, keepdims=True) + eps) * gain
same = np.allclose(big_rmsnorm, rmsnorm, atol=1e-3)
print("input scaled by 100, same RMSNorm output:", same)
