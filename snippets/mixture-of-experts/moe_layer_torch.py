"""A mixture-of-experts layer: many experts in memory, only a few used for each token.

The router scores the experts for each token and the top 2 of 8 process it. Total
parameters are what the
layer stores; active parameters are the ones a token's computation actually touches.
"""

import matplotlib
import torch
import torch.nn.functional as F
from torch import nn

matplotlib.use("Agg")
import matplotlib.pyplot as plt

torch.manual_seed(0)
d, hidden, n_experts, top_k = 32, 64, 8, 2


class Expert(nn.Module):  # a gated MLP, as in Mixtral
    def __init__(self):
        super().__init__()
        self.gate = nn.Linear(d, hidden, bias=False)
        self.up = nn.Linear(d, hidden, bias=False)
        self.down = nn.Linear(hidden, d, bias=False)

    def forward(self, x):
        return self.down(F.silu(self.gate(x)) * self.up(x))


class MoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.router = nn.Linear(d, n_experts, bias=False)
        self.experts = nn.ModuleList(Expert() for _ in range(n_experts))

    def forward(self, x):  # x: (tokens, d)
        weights, chosen = torch.topk(
            torch.softmax(self.router(x), dim=-1), top_k, dim=-1
        )
        weights = weights / weights.sum(dim=-1, keepdim=True)
        out = torch.zeros_like(x)
        for t in range(x.shape[0]):
            for w, e in zip(weights[t], chosen[t].tolist(), strict=True):
                out[t] += w * self.experts[e](x[t])  # only the chosen experts run
        return out, chosen, weights


moe = MoE()
x = torch.randn(6, d)
out, chosen, weights = moe(x)
print("experts chosen per token:", chosen.tolist())
rounded = [[round(w, 2) for w in row] for row in weights.tolist()]  # same on any CPU
print("their weights:", rounded)

per_expert = sum(p.numel() for p in moe.experts[0].parameters())
router = moe.router.weight.numel()
total = sum(p.numel() for p in moe.parameters())
print(
    f"stored: router {router} + {n_experts} experts x {per_expert} = {total} parameters"
)

# Which parameters does one token's output depend on? Backpropagate from token 0 only.
out[0].sum().backward()
touched = [
    p
    for e in moe.experts
    for p in e.parameters()
    if p.grad is not None and bool((p.grad != 0).any())
]
used = sum(p.numel() for p in touched)
print(
    f"token 0 used experts {chosen[0].tolist()}: {used} expert parameters + "
    f"{router} router = {used + router} active"
    f" ({(used + router) / total:.0%} of the layer)"
)

# Mixtral 8x7B: 32 layers, width 4096, 8 experts of width 14336, top 2, 8 kv heads of
# dim 128, vocab 32000.
# FF: the MLP width of each expert
V, D, FF, L, H, KV, E, K = 32000, 4096, 14336, 32, 32, 8, 8, 2
attn = D * H * 128 + 2 * D * KV * 128 + H * 128 * D
expert, norms, gate = 3 * D * FF, 2 * D, D * E
# embeddings, output head, final norm; attention, norms, router
shared = V * D * 2 + D + L * (attn + norms + gate)
mixtral_total = shared + L * E * expert
mixtral_active = shared + L * K * expert
print(
    f"Mixtral 8x7B: total {mixtral_total:,} parameters, active per token "
    f"{mixtral_active:,}"
)
print(
    f"  memory for bf16 weights: {2 * mixtral_total / 1e9:.1f} GB = "
    f"{2 * mixtral_total / 2**30:.1f} GiB (all experts)"
)
# Compute: 2 FLOPs per weight that multiplies; the embedding table is only looked up.
table = V * D
print(
    "  forward FLOPs per token, 2 x (active - embedding table): "
    f"{2 * (mixtral_active - table) / 1e9:.1f} GFLOPs"
    f" (all experts: {2 * (mixtral_total - table) / 1e9:.1f})"
)

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(4.6, 2.6))
for t, (row, experts) in enumerate(zip(rounded, chosen.tolist(), strict=True)):
    for w, e in zip(row, experts, strict=True):  # a cell for each chosen expert
        ax.add_patch(plt.Rectangle((e - 0.5, t - 0.5), 1, 1, color="#4e79a7", alpha=w))
        ax.text(e, t, f"{w:.2f}", ha="center", va="center")
ax.set_xticks(range(n_experts))
ax.set_yticks(range(len(x)))
ax.set_xticks([e + 0.5 for e in range(n_experts - 1)], minor=True)
ax.set_yticks([t + 0.5 for t in range(len(x) - 1)], minor=True)
ax.grid(which="minor", color="#dddddd")
ax.tick_params(which="both", length=0)
ax.set_xlim(-0.5, n_experts - 0.5)
ax.set_ylim(len(x) - 0.5, -0.5)
ax.set_xlabel("expert")
ax.set_ylabel("token")
ax.set_title(f"Router weights of the top {top_k} experts of each token", fontsize=10)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig("routing.svg", metadata=no_metadata)
