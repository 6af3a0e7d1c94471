"""How an image becomes tokens for a language model: a vision tower cuts it into
patches and encodes them, a projector maps each to the language model's width, and the
result takes places in the context like text tokens.

The shapes of the cut are LLaVA-1.5's (336 x 336 pixels, 14-pixel patches) and Gemma
3's (896 x 896, 14-pixel patches, then 4 x 4 average pooling); the widths are tiny, so
that it runs in a moment. Each part's parameters are counted.
"""

import torch
from torch import nn

torch.manual_seed(0)
vision_width, lm_width, vocab = 64, 96, 1000


class VisionTower(nn.Module):  # a small ViT: patches, positions, encoder layers
    def __init__(self, image, patch):
        super().__init__()
        self.patches = nn.Conv2d(3, vision_width, patch, stride=patch)  # one per patch
        self.positions = nn.Parameter(torch.zeros((image // patch) ** 2, vision_width))
        layer = nn.TransformerEncoderLayer(vision_width, 4, 4 * vision_width,
                                           batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)

    def forward(self, pixels):  # (1, 3, H, W) -> (1, patches, vision_width)
        x = self.patches(pixels).flatten(2).transpose(1, 2)
        return self.encoder(x + self.positions)


tower = VisionTower(image=336, patch=14).eval()  # inference: no dropout, fast attention
projector = nn.Sequential(nn.Linear(vision_width, lm_width), nn.GELU(),
                          nn.Linear(lm_width, lm_width))  # LLaVA-1.5's: an MLP
embed = nn.Embedding(vocab, lm_width)  # the language model's token table

image = torch.rand(1, 3, 336, 336)
text = torch.tensor([[5, 17, 42, 7, 99, 3]])  # "Describe this image in a word:"
with torch.no_grad():
    image_tokens = projector(tower(image))  # one vector per patch
    sequence = torch.cat([image_tokens, embed(text)], dim=1)  # what the LM reads
print(f"image 336 x 336, patches of 14: {image_tokens.shape[1]} image tokens"
      f" of width {image_tokens.shape[2]}")
print(f"context: {image_tokens.shape[1]} image + {text.shape[1]} text tokens ="
      f" {sequence.shape[1]}")

gemma_tower = VisionTower(image=896, patch=14).eval()
with torch.no_grad():
    patches = gemma_tower(torch.rand(1, 3, 896, 896))  # 64 x 64 patches
    grid = patches.transpose(1, 2).reshape(1, vision_width, 64, 64)
    pooled = nn.AvgPool2d(4)(grid).flatten(2).transpose(1, 2)  # 16 x 16
print(f"image 896 x 896, patches of 14: {patches.shape[1]} patches,"
      f" pooled 4 x 4 into {pooled.shape[1]} image tokens")


def count(module):
    return sum(p.numel() for p in module.parameters())


print(f"parameters: vision tower {count(tower):,}, projector {count(projector):,},"
      f" token table {count(embed):,}")
print(f"  in the tower: patch embedding {count(tower.patches):,},"
      f" positions {tower.positions.numel():,}, encoder {count(tower.encoder):,}")
