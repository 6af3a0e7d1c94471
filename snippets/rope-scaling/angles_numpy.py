"""RoPE scaling in numpy: the rotation frequencies of one attention head, as trained
and as stretched 4 times by position interpolation, NTK-aware scaling and YaRN.

Qwen3's shapes: head_dim 128 (64 rotating pairs), rope_theta 1,000,000, trained on
32,768 tokens; a factor of 4 for 131,072. Pair i turns by theta**(-2i/d) radians per
token; its wavelength is the tokens one full turn takes. Nothing here is learned: each
method only changes these numbers. The plot shows every pair's wavelength; the numbers
are the torch version's.
"""

import math

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

d, theta, trained, s = 128, 1_000_000.0, 32_768, 4.0
i = np.arange(d // 2)  # the rotating pairs of one head

freq = theta ** (-2 * i / d)  # radians per token, as trained
linear = freq / s  # position interpolation: every position divided by s
ntk = (theta * s ** (d / (d - 2))) ** (-2 * i / d)  # NTK-aware: a larger base


def pair_at(turns):  # the pair whose wavelength fits `turns` times in the context
    return d * math.log(trained / (turns * 2 * math.pi)) / (2 * math.log(theta))


low, high = math.floor(pair_at(32)), math.ceil(pair_at(1))  # YaRN's beta 32, alpha 1
keep = 1 - np.clip((i - low) / (high - low), 0, 1)  # 1: fast pairs, 0: slow pairs
yarn = linear * (1 - keep) + freq * keep  # slow pairs interpolated, fast ones kept
attention_factor = 0.1 * math.log(s) + 1  # YaRN scales q.k by this squared

methods = {"as trained": freq, "interpolation": linear, "NTK-aware": ntk, "YaRN": yarn}
pairs = [0, 16, 32, 40, 48, 63]
print(f"wavelength in tokens of pairs {pairs}:")
for name, f in methods.items():
    print(f"  {name:14}" + "".join(f"{2 * math.pi / f[p]:12,.0f}" for p in pairs))
print(f"YaRN keeps pairs 0-{low} as trained, divides pairs {high}-{d // 2 - 1}"
      f" by {s:g}, and blends the {high - low - 1} between")
print(f"YaRN attention factor: 0.1 ln {s:g} + 1 = {attention_factor:.4f}")

print("pair 0, radians between neighbouring tokens:",
      ", ".join(f"{name} {f[0]:.2f}" for name, f in methods.items()))
# A pair that never made a full turn in training has only seen angles up to
# trained * freq; past that, at 4 times the context, its angles are new to the model.
seen = trained * freq
print(f"pairs turning past the angles seen in training, by token {int(s * trained):,}:")
for name, f in methods.items():
    new = (seen < 2 * math.pi) & (s * trained * f > 1.001 * seen)
    print(f"  {name:14} {int(new.sum()):2} of {d // 2}")
print("parameters added by any of them: 0")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.2, 3.4))
styles = {"as trained": "-", "interpolation": "--", "NTK-aware": ":", "YaRN": "-."}
for name, f in methods.items():
    ax.semilogy(i, np.round(2 * np.pi / f, 3), styles[name], label=name)
ax.axhline(trained, color="gray", lw=1)
ax.text(0, trained * 1.5, f"trained context, {trained:,} tokens", fontsize=8)
ax.set_xlabel("rotating pair of the head (fast to slow)")
ax.set_ylabel("wavelength, tokens per turn")
ax.legend(frameon=False, fontsize=8)
ax.spines[["top", "right"]].set_visible(False)
ax.patch.set_visible(False)
fig.tight_layout()
fig.savefig("wavelengths.svg", metadata={"Date": None})
