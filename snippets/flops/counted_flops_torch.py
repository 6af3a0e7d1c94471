"""FLOPs of a small decoder counted by torch, against 2N per token plus attention.

FlopCounterMode counts each matrix product as 2 FLOPs (a multiply and an add) per
multiply-add; element-wise work (norms, softmax, SiLU) is not counted.
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
vocab, d, ff, layers, heads = 512, 128, 344, 4, 4


class Block(nn.Module):
    """Llama-style pre-norm block without biases; attention written as two matmuls."""

    def __init__(self):
        super().__init__()
        self.norm1, self.norm2 = nn.RMSNorm(d), nn.RMSNorm(d)
        self.qkv, self.o = nn.Linear(d, 3 * d, bias=False), nn.Linear(d, d, bias=False)
        self.gate, self.up = nn.Linear(d, ff, bias=False), nn.Linear(d, ff, bias=False)
        self.down = nn.Linear(ff, d, bias=False)

    def forward(self, x):
        b, t, _ = x.shape
        qkv = self.qkv(self.norm1(x)).view(b, t, 3, heads, -1)
        q, k, v = qkv.permute(2, 0, 3, 1, 4)  # each (b, heads, t, head width)
        scores = q @ k.transpose(-1, -2) / (d // heads) ** 0.5  # t x t per head
        mask = torch.ones(t, t, dtype=torch.bool).triu(1)
        pattern = scores.masked_fill(mask, float("-inf")).softmax(-1)
        x = x + self.o((pattern @ v).transpose(1, 2).reshape(b, t, d))
        h = self.norm2(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


blocks = [Block() for _ in range(layers)]
model = nn.Sequential(nn.Embedding(vocab, d), *blocks, nn.RMSNorm(d),
                      nn.Linear(d, vocab, bias=False))
n_total = sum(p.numel() for p in model.parameters())
# N: weights used in matrix products (the embedding is a lookup, norms element-wise).
n_matmul = sum(m.weight.numel() for m in model.modules() if isinstance(m, nn.Linear))
print(f"parameters: {n_total:,} in all, N = {n_matmul:,} in matrix products")

print("tokens   forward FLOPs  = 2NT + 4LdT^2  training FLOPs  = 3 x forward",
      " per token")
for t in (64, 128, 512):
    x = torch.randint(vocab, (1, t))
    with FlopCounterMode(display=False) as forward:
        model(x)
    with FlopCounterMode(display=False) as training:
        F.cross_entropy(model(x)[0, :-1], x[0, 1:]).backward()
    fwd, train = forward.get_total_flops(), training.get_total_flops()
    formula = 2 * n_matmul * t + 4 * layers * d * t * t  # q.k and pattern.v: 2dt^2 each
    print(f"{t:6} {fwd:15,}  {fwd == formula!s:14} {train:15,}  {train == 3 * fwd!s:13}"
          f"  {fwd / t / (2 * n_matmul):.2f} x 2N")
