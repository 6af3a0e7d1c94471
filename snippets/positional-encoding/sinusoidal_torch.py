"""The same sinusoidal and rotary encodings in torch: computed from a formula, so no
parameters."""

import numpy as np
import torch

max_len, d = 64, 16

pos = torch.arange(max_len, dtype=torch.float64)[:, None]
freq = 1.0 / 10000 ** (torch.arange(0, d, 2, dtype=torch.float64) / d)
pe = torch.zeros(max_len, d, dtype=torch.float64)
pe[:, 0::2] = torch.sin(pos * freq)
pe[:, 1::2] = torch.cos(pos * freq)
print("table shape:", tuple(pe.shape), "| learned parameters: 0")
print("position 1, first 4 values:", np.round(pe[1, :4].numpy(), 4))


def rotate(v: torch.Tensor, p: int) -> torch.Tensor:
    """Rotary encoding as a complex multiplication: pair i is multiplied by exp(1j * p *
    freq[i])."""
    pairs = torch.view_as_complex(v.reshape(-1, 2).contiguous())
    return torch.view_as_real(
        pairs * torch.polar(torch.ones_like(freq), p * freq)
    ).reshape(-1)


rng = np.random.default_rng(0)  # the same q and k as the numpy version
q, k = torch.from_numpy(rng.normal(size=d)), torch.from_numpy(rng.normal(size=d))
for m, n in [(3, 1), (10, 8), (50, 48)]:  # the same offset m - n = 2 at three places
    print(f"query at {m}, key at {n}: score {rotate(q, m) @ rotate(k, n):.6f}")
print("rotation keeps the length:", torch.isclose(rotate(q, 7).norm(), q.norm()).item())
