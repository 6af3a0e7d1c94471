"""A longer context window: more parameters with a learned position table, none with
rotary positions, whose angles are computed for any position."""

import json
from pathlib import Path

import torch
from torch import nn

CONFIGS = Path(__file__).resolve().parents[1] / "parameter-count" / "configs"
d = 64  # width


class Rotary(nn.Module):
    """Rotary positions: fixed angles, computed on demand; nothing is learned."""

    def __init__(self, head_width, base=10_000.0):
        super().__init__()
        inv_freq = base ** (-torch.arange(0, head_width, 2) / head_width)
        self.register_buffer("inv_freq", inv_freq, persistent=False)  # not a parameter

    def angles(self, positions):
        return positions[:, None].float() * self.inv_freq  # any position works


for ctx in (1024, 4096):
    learned, rotary = nn.Embedding(ctx, d), Rotary(d)
    n_learned = sum(p.numel() for p in learned.parameters())
    n_rotary = sum(p.numel() for p in rotary.parameters())
    print(f"context {ctx:>5}: learned table {n_learned:>7,} parameters,"
          f" rotary {n_rotary}")

table, rotary = nn.Embedding(1024, d), Rotary(d)
try:
    table(torch.tensor([1024]))  # one position past the table's last row
except IndexError as err:
    print("learned table, position 1024:", type(err).__name__, "-", err)
angles = rotary.angles(torch.tensor([100_000]))
print("rotary, position 100000: angles of shape", tuple(angles.shape))

for name, key in [("gpt2", "n_positions"), ("llama-2-7b", "max_position_embeddings"),
                  ("llama-3-8b", "max_position_embeddings")]:
    c = json.loads((CONFIGS / f"{name}.json").read_text())
    width = c.get("n_embd") or c["hidden_size"]
    learned = c["model_type"] == "gpt2"  # GPT-2 learns a table; Llama uses rotary
    table = c[key] * width if learned else 0
    print(f"{name:11} {key} = {c[key]:>5}: position parameters {table:,}")
