"""The parameters of a multimodal model by part: LLaVA-1.5 7B (a CLIP ViT-L/14 vision
tower at 336 pixels, a two-layer MLP projector, a language model of Llama 2 7B's
shapes), and the SigLIP vision tower of Gemma 3; and what an image costs in the
language model's KV cache.

The vision towers are counted from their shapes (width, MLP width, layers, patch and
image size); the language model by the parameter counter (count_params) from the
config that comes with it. The cache is bf16.
"""

import matplotlib
from count_params import count_parameters, load_config

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def vision_tower(width, mlp, layers, patch, image, class_token, patch_bias):
    patches = (image // patch) ** 2
    embed = width * 3 * patch * patch + (width if patch_bias else 0)  # a conv per patch
    embed += (patches + class_token) * width + class_token * width  # positions, [CLS]
    block = 4 * (width * width + width) + mlp * width * 2 + mlp + width + 4 * width
    norms = (2 if class_token else 1) * 2 * width  # CLIP has a norm before the layers
    return patches, embed + layers * block + norms


clip_patches, clip = vision_tower(1024, 4096, 24, 14, 336, class_token=1,
                                  patch_bias=False)
siglip_patches, siglip = vision_tower(1152, 4304, 27, 14, 896, class_token=0,
                                      patch_bias=True)
projector = 1024 * 4096 + 4096 + 4096 * 4096 + 4096  # Linear, GELU, Linear
lm_config = load_config("llama-2-7b")
lm = count_parameters(lm_config)
parts = {"vision tower": clip, "projector": projector, "language model": lm["total"]}
total = sum(parts.values())
print("LLaVA-1.5 7B:")
for name, n in parts.items():
    print(f"  {name:15} {n:13,}  {n / total:6.2%}")
print(f"  {'total':15} {total:13,}")
print(f"Gemma 3's SigLIP vision tower: {siglip:,} parameters")

per_token = lm["kv_values_per_token"] * 2  # bytes, bf16
for name, tokens in [("LLaVA-1.5, 336 px", clip_patches),
                     ("Gemma 3, 896 px pooled 4 x 4", siglip_patches // 16)]:
    print(f"one image, {name}: {tokens} tokens")
image_mib = clip_patches * per_token / 2**20
print(f"  in LLaVA-1.5 7B's cache: {image_mib:.0f} MiB per image")

colors = ["#f28e2b", "#59a14f", "#4e79a7"]  # tower, projector, language model
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.4, 2.0))
left = 0
for (name, n), color in zip(parts.items(), colors, strict=True):
    ax.barh(0, round(n / 1e9, 3), height=0.5, left=round(left / 1e9, 3), color=color,
            label=f"{name}: {n / 1e9:.2f}B")
    left += n
ax.set_yticks([])
ax.set_ylim(-0.4, 1.2)  # room above the bar for the legend
ax.set_xlabel("parameters of LLaVA-1.5 7B, billions")
ax.legend(frameon=False, fontsize=8, loc="upper left", ncol=3)
ax.spines[["top", "right", "left"]].set_visible(False)
ax.patch.set_visible(False)
fig.tight_layout()
fig.savefig("parts.svg", metadata={"Date": None})
