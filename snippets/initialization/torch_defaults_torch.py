"""What torch does by default: nn.Linear weights and biases, LayerNorm gains and shifts,
embeddings."""

import math

import torch
from torch import nn

torch.manual_seed(0)
fan_in = 1024
linear = nn.Linear(fan_in, 1024)
bound = 1 / math.sqrt(fan_in)
print(
    f"nn.Linear weight: max |w| {linear.weight.abs().max():.5f}, bound "
    f"1/sqrt(fan_in) = {bound:.5f}"
)
print(
    f"nn.Linear weight: std {linear.weight.std():.5f}, uniform std 1/sqrt(3 fan_in) "
    f"= {bound / math.sqrt(3):.5f}"
)
print(
    f"nn.Linear bias: max |b| {linear.bias.abs().max():.5f} (also uniform within "
    "the same bound)"
)
norm = nn.LayerNorm(1024)
print(
    f"nn.LayerNorm gain: all ones {bool((norm.weight == 1).all())}, shift: all "
    f"zeros {bool((norm.bias == 0).all())}"
)
emb = nn.Embedding(1000, 64)
print(f"nn.Embedding: std {emb.weight.std():.3f} (normal with std 1)")

# the usual overrides in LLM code: small normal weights, zero biases
nn.init.normal_(linear.weight, mean=0.0, std=0.02)
nn.init.zeros_(linear.bias)
print(
    f"after normal_(std=0.02) and zeros_: std {linear.weight.std():.4f}, max |b| "
    f"{linear.bias.abs().max():.1f}"
)
