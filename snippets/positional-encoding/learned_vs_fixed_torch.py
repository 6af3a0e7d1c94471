"""A learned position table adds max_len x width parameters; sinusoidal and rotary
encodings add none."""

import torch
from torch import nn

vocab, width, max_len = 1000, 64, 128


class Embeddings(nn.Module):
    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        self.tokens = nn.Embedding(vocab, width)
        if kind == "learned":
            # a parameter table, trained like the tokens
            self.positions = nn.Embedding(max_len, width)
        elif kind == "sinusoidal":
            pos = torch.arange(max_len)[:, None]
            freq = 1.0 / 10000 ** (torch.arange(0, width, 2) / width)
            table = torch.zeros(max_len, width)
            table[:, 0::2], table[:, 1::2] = (
                torch.sin(pos * freq),
                torch.cos(pos * freq),
            )
            # a constant, not a parameter
            self.register_buffer("positions", table, persistent=False)
        # "rotary": nothing here; attention rotates queries and keys by a
        # position-dependent angle

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.tokens(ids)
        if self.kind == "learned":
            x = x + self.positions(torch.arange(ids.shape[-1]))
        elif self.kind == "sinusoidal":
            x = x + self.positions[: ids.shape[-1]]
        return x


# --8<-- [start:count]
for kind in ["learned", "sinusoidal", "rotary"]:
    model = Embeddings(kind)
    n = sum(p.numel() for p in model.parameters())
    print(f"{kind:10} parameters: {n:6d}  (positions: {n - vocab * width})")
print(f"GPT-2 small's learned table: 1024 x 768 = {1024 * 768:,} parameters")
# --8<-- [end:count]

too_long = torch.zeros(1, max_len + 1, dtype=torch.long)
for kind in ["learned", "sinusoidal", "rotary"]:
    try:
        Embeddings(kind)(too_long)
        print(f"{kind:10} {max_len + 1} tokens: works")
    except (IndexError, RuntimeError) as err:
        print(f"{kind:10} {max_len + 1} tokens: {type(err).__name__}")
