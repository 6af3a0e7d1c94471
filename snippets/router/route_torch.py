"""A router in torch: scores for 8 experts, the top 2 per token, and the load of each
expert over a batch, before and after the bias that DeepSeek-V3 uses to balance it.

The router is an nn.Linear without bias, experts x width. Softmax scores are
renormalized over the chosen experts (Mixtral); sigmoid scores are normalized the same
way (DeepSeek-V3). The balancing bias is a buffer, not a parameter: no gradient moves
it. The numbers are the numpy version's.
"""

import numpy as np
import torch
from torch import nn

rng = np.random.default_rng(0)  # the same router and tokens as the numpy version
d, E, k, T = 16, 8, 2, 1024  # width, experts, experts per token, tokens in a batch
W = torch.from_numpy(rng.normal(size=(E, d)) / np.sqrt(d))
x = torch.from_numpy(rng.normal(size=(T, d))) + 0.8 * W[0] / W[0].norm()


class Router(nn.Module):
    def __init__(self):
        super().__init__()
        self.gate = nn.Linear(d, E, bias=False, dtype=torch.float64)
        self.register_buffer("bias", torch.zeros(E, dtype=torch.float64))

    def forward(self, x, sigmoid=False):
        logits = self.gate(x)
        scores = logits.sigmoid() if sigmoid else logits.softmax(dim=-1)
        chosen = torch.topk(scores + self.bias, k, dim=-1).indices  # bias: who ...
        w = scores.gather(-1, chosen)  # ... not how much
        return chosen, w / w.sum(dim=-1, keepdim=True), logits, scores


router = Router()
with torch.no_grad():
    router.gate.weight.copy_(W)
n_params = sum(p.numel() for p in router.parameters())
print(f"router parameters: {E} experts x width {d} = {n_params}")

with torch.no_grad():
    chosen, weights, logits, probs = router(x)
    same = torch.allclose(weights, torch.topk(logits, k).values.softmax(dim=-1))
    print("softmax router, tokens 0-3: experts", chosen[:4].tolist())
    print("  weights", np.round(weights[:4].numpy(), 2).tolist())
    print("  the same as a softmax over the top-2 logits only:", same)

    s_chosen, s_weights, _, _ = router(x, sigmoid=True)
    print("sigmoid router, tokens 0-3: experts", s_chosen[:4].tolist())
    print("  weights", np.round(s_weights[:4].numpy(), 2).tolist())

    def load(chosen):  # tokens sent to each expert
        return torch.bincount(chosen.flatten(), minlength=E)

    before, gamma = load(s_chosen), 0.01
    for _ in range(200):  # one batch at a time, as in training
        c, _, _, _ = router(x, sigmoid=True)
        router.bias += gamma * torch.sign(T * k / E - load(c))
    after = load(router(x, sigmoid=True)[0])
    print(f"load over {T} tokens (ideal {T * k // E} each):")
    even = T * k / E
    print("  no bias:  ", before.tolist(), f"max/ideal {before.max() / even:.2f}")
    print("  with bias:", after.tolist(), f"max/ideal {after.max() / even:.2f}")
    steps = torch.round(router.bias / gamma).int().tolist()
    print(f"  bias, in steps of {gamma}:", steps)
    f = load(chosen) / chosen.numel()  # Switch Transformer's loss, without alpha
    aux = E * float(f.double() @ probs.mean(dim=0))
    print(f"balance loss of the softmax router (1.00 is even): {aux:.2f}")
print("trained by gradients:", [n for n, p in router.named_parameters()],
      "| kept but not trained:", [n for n, b in router.named_buffers()])
