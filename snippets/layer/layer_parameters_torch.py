"""The parameters of each kind of layer in a transformer, as torch modules; numel()
counts them."""

import torch
from torch import nn

torch.manual_seed(0)
d, vocab, heads = 64, 100, 4


def gated_mlp(d, hidden):
    return nn.ModuleList(
        [
            nn.Linear(d, hidden, bias=False),
            nn.Linear(d, hidden, bias=False),
            nn.Linear(hidden, d, bias=False),
        ]
    )


layers = {
    "embedding (vocab x d)": nn.Embedding(vocab, d),
    "linear d->d": nn.Linear(d, d),
    # in_proj holds q, k, v stacked
    "attention (q, k, v, out)": nn.MultiheadAttention(d, heads),
    "MLP d->4d->d": nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d)),
    "gated MLP, no bias": gated_mlp(d, 172),
    "LayerNorm (gain, shift)": nn.LayerNorm(d),
    "RMSNorm (gain)": nn.RMSNorm(d),
    "activation (GELU)": nn.GELU(),
}
for name, module in layers.items():
    params = list(module.parameters())
    print(
        f"{name:26} tensors={len(params)}  parameters={sum(p.numel() for p in params)}"
    )

print("formulas:", 4 * (d * d + d), 8 * d * d + 5 * d, 2 * d)

for h in (1, heads, 8):
    attn = nn.MultiheadAttention(d, h)
    q = attn.in_proj_weight[:d].reshape(h, d // h, d)
    print(
        f"heads={h}: q slices {tuple(q.shape)}, attention parameters "
        f"{sum(p.numel() for p in attn.parameters())}"
    )
