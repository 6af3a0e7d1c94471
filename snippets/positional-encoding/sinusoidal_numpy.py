"""Sinusoidal and rotary position encodings are computed from a formula: they have no
parameters."""

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

max_len, d = 64, 16

pos = np.arange(max_len)[:, None]  # positions 0..63
freq = 1.0 / 10000 ** (np.arange(0, d, 2) / d)  # one frequency per pair of dimensions
pe = np.zeros((max_len, d))
pe[:, 0::2] = np.sin(pos * freq)
pe[:, 1::2] = np.cos(pos * freq)
print("table shape:", pe.shape, "| learned parameters: 0")
print("position 1, first 4 values:", np.round(pe[1, :4], 4))


def rotate(v: np.ndarray, p: int) -> np.ndarray:
    """Rotary encoding: turn each pair (v[2i], v[2i+1]) by the angle p * freq[i]."""
    cos, sin = np.cos(p * freq), np.sin(p * freq)
    out = np.empty_like(v)
    out[0::2] = v[0::2] * cos - v[1::2] * sin
    out[1::2] = v[0::2] * sin + v[1::2] * cos
    return out


rng = np.random.default_rng(0)
q, k = rng.normal(size=d), rng.normal(size=d)
for m, n in [(3, 1), (10, 8), (50, 48)]:  # the same offset m - n = 2 at three places
    print(f"query at {m}, key at {n}: score {rotate(q, m) @ rotate(k, n):.6f}")
print(
    "rotation keeps the length:",
    np.isclose(np.linalg.norm(rotate(q, 7)), np.linalg.norm(q)),
)

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
im = ax.imshow(
    pe.T, aspect="auto", cmap="RdBu", vmin=-1, vmax=1, interpolation="nearest"
)
ax.set_xlabel("position in the sequence")
ax.set_ylabel("dimension")
ax.set_title("Sinusoidal position encoding (computed, not learned)")
fig.colorbar(im, ax=ax)
fig.tight_layout()
fig.savefig("sinusoidal_table.svg", metadata={"Date": None})
