"""RoPE scaling in torch: the same frequencies as the numpy version, and a rotary
layer whose state_dict shows that scaling stores no parameter.

Qwen3's shapes: head_dim 128, rope_theta 1,000,000, trained on 32,768 tokens, a
factor of 4. The frequencies are a buffer computed from those numbers at start-up; a
config's rope_scaling only changes how they are computed.
"""

import math

import torch
from torch import nn

d, theta, trained, s = 128, 1_000_000.0, 32_768, 4.0


class Rotary(nn.Module):
    def __init__(self, method="as trained"):
        super().__init__()
        i = torch.arange(d // 2, dtype=torch.float64)
        freq = theta ** (-2 * i / d)
        self.attention_factor = 1.0
        if method == "interpolation":
            freq = freq / s
        elif method == "NTK-aware":
            freq = (theta * s ** (d / (d - 2))) ** (-2 * i / d)
        elif method == "YaRN":
            def pair_at(turns):
                return d * math.log(trained / (turns * 2 * math.pi)) / (
                    2 * math.log(theta))
            low, high = math.floor(pair_at(32)), math.ceil(pair_at(1))
            self.ramp = low, high
            keep = 1 - torch.clamp((i - low) / (high - low), 0, 1)
            freq = freq / s * (1 - keep) + freq * keep
            self.attention_factor = 0.1 * math.log(s) + 1
        self.register_buffer("freq", freq, persistent=False)  # not in the checkpoint

    def forward(self, x, positions):  # x: (tokens, d), rotated pair by pair
        angle = positions[:, None].double() * self.freq
        x1, x2 = x[:, 0::2], x[:, 1::2]
        out = torch.stack([x1 * angle.cos() - x2 * angle.sin(),
                           x1 * angle.sin() + x2 * angle.cos()], dim=-1)
        return out.flatten(1) * self.attention_factor  # on q and k: q.k x its square


methods = {m: Rotary(m) for m in ["as trained", "interpolation", "NTK-aware", "YaRN"]}
pairs = [0, 16, 32, 40, 48, 63]
print(f"wavelength in tokens of pairs {pairs}:")
for name, r in methods.items():
    print(f"  {name:14}" + "".join(f"{2 * math.pi / r.freq[p]:12,.0f}" for p in pairs))
yarn = methods["YaRN"]
low, high = yarn.ramp
print(f"YaRN keeps pairs 0-{low} as trained, divides pairs {high}-{d // 2 - 1}"
      f" by {s:g}, and blends the {high - low - 1} between")
print(f"YaRN attention factor: 0.1 ln {s:g} + 1 = {yarn.attention_factor:.4f}")
print("pair 0, radians between neighbouring tokens:",
      ", ".join(f"{name} {r.freq[0]:.2f}" for name, r in methods.items()))
seen = trained * methods["as trained"].freq
print(f"pairs turning past the angles seen in training, by token {int(s * trained):,}:")
for name, r in methods.items():
    new = (seen < 2 * math.pi) & (s * trained * r.freq > 1.001 * seen)
    print(f"  {name:14} {int(new.sum()):2} of {d // 2}")

params = sum(t.numel() for r in methods.values() for t in r.state_dict().values())
print("parameters added by any of them:", params)
