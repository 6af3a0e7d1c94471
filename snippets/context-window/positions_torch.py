"""A longer context window: more parameters with a learned position table, none with
rotary positions, whose angles are computed for any position."""

import torch
from count_params import load_config
from torch import nn

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

OFFSET = {"gpt2": 0, "opt": 2}  # learned tables; OPT reads position p from row p + 2
for name in ("gpt2", "opt-125m", "llama-2-7b", "llama-3-8b", "mistral-7b-v0.1"):
    c = load_config(name)  # a published config, as the parameter counter ships it
    key = "n_positions" if "n_positions" in c else "max_position_embeddings"
    width = c.get("n_embd") or c["hidden_size"]
    if c["model_type"] in OFFSET:
        rows = c[key] + OFFSET[c["model_type"]]
        kind = f"learned table of {rows:,} rows x {width}: {rows * width:,} parameters"
    else:  # Llama and Mistral use rotary positions
        kind = "rotary, 0 parameters"
        if c.get("sliding_window"):
            kind += f"; sliding window {c['sliding_window']}"
    print(f"{name:15} {key:23} {c[key]:>6}  {kind}")
