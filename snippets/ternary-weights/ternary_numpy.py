"""Ternary weights in numpy: a weight matrix rounded to {-1, 0, 1} times one scale, as
BitNet b1.58 does, a matrix product with additions only, and the bits each weight
takes when packed.

The scale is the mean absolute weight (absmean); a weight becomes 0 when it is smaller
than half of it. Activations are rounded to 8-bit integers per token (absmax), so the
product is a sum of integers. The numbers are the torch version's.
"""

import math

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
W = rng.normal(0, 0.02, size=(256, 512))  # out x in, as trained in full precision
x = rng.normal(size=(4, 512))  # 4 tokens
print(f"weights: {W.shape[0]} x {W.shape[1]} = {W.size}")

gamma = np.abs(W).mean()  # one scale for the whole matrix
T = np.clip(np.round(W / gamma), -1, 1).astype(np.int8)  # ternary codes
s = 127 / np.abs(x).max(axis=1, keepdims=True)  # one scale per token
xq = np.clip(np.round(x * s), -128, 127).astype(np.int32)  # 8-bit activations
y = (xq @ T.T.astype(np.int32)) * gamma / s  # integer sums, rescaled once
shares = [(T == v).mean() for v in (-1, 0, 1)]
print(f"scale (mean |w|): {gamma:.5f}; shares of -1, 0, 1:",
      " ".join(f"{v:.3f}" for v in shares))
error = np.linalg.norm(gamma * T - W) / np.linalg.norm(W)
print(f"relative error of the weights: {error:.3f}")
exact = x @ W.T
out_error = np.linalg.norm(y - exact) / np.linalg.norm(exact)
print(f"relative error of the outputs: {out_error:.3f}")

plus, minus = (T == 1), (T == -1)  # each output: add some inputs, subtract others
adds = np.stack([xq[:, p].sum(axis=1) - xq[:, m].sum(axis=1)
                 for p, m in zip(plus, minus, strict=True)], axis=1)
same = bool((adds == xq @ T.T.astype(np.int32)).all())
print("additions only give the same integers:", same)

codes = (T + 1).astype(np.uint8).ravel()  # 0, 1, 2
four = codes.reshape(-1, 4) << np.array([0, 2, 4, 6], dtype=np.uint8)
two_bit = np.bitwise_or.reduce(four, axis=1)  # 4 weights a byte
five = codes[: codes.size // 5 * 5].reshape(-1, 5).astype(np.int32)
base3 = (five * 3 ** np.arange(5)).sum(axis=1).astype(np.uint8)  # 3**5 = 243 <= 256
back = (base3[:, None] // 3 ** np.arange(5)) % 3
print("5 weights a byte, unpacked:", bool((back.ravel() == codes[: back.size]).all()))
n = W.size
print(f"bits per weight: log2(3) = {math.log2(3):.3f} at best;"
      f" {8 * two_bit.size / n:.2f} at 4 a byte; {8 * base3.size / five.size:.2f}"
      f" at 5 a byte; plus {16 / n:.5f} for the bf16 scale")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.2, 2.8))
edges = np.linspace(-0.08, 0.08, 65)
counts, _ = np.histogram(W, edges)
centers = (edges[:-1] + edges[1:]) / 2
for value, color in zip((-1, 0, 1), ("#e15759", "#bab0ac", "#4e79a7"), strict=True):
    chosen = np.clip(np.round(centers / gamma), -1, 1) == value
    ax.bar(centers[chosen], counts[chosen], width=edges[1] - edges[0], color=color,
           label=f"{value:2d}: {shares[value + 1]:.1%}")
for edge in (-gamma / 2, gamma / 2):
    ax.axvline(edge, color="gray", lw=1, ls="--")
ax.set_xlabel("weight before rounding (dashed: half the scale)")
ax.set_ylabel("weights")
ax.legend(frameon=False, fontsize=8, title="becomes", title_fontsize=8)
ax.spines[["top", "right"]].set_visible(False)
ax.patch.set_visible(False)
fig.tight_layout()
fig.savefig("ternary_histogram.svg", metadata={"Date": None})
