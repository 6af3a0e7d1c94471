"""What inference and a training step each keep in memory and compute, measured on a
small model: bytes of parameters, gradients, optimizer state and saved activations.
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
vocab, d, tokens = 1000, 256, 512
model = nn.Sequential(nn.Embedding(vocab, d), nn.Dropout(0.1),
                      nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d),
                      nn.LayerNorm(d), nn.Linear(d, vocab))
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
x = torch.randint(vocab, (1, tokens))
params = {p.untyped_storage().data_ptr() for p in model.parameters()}


def run(train):
    """A forward pass (if train, also backward and update): bytes kept, FLOPs."""
    saved = {}  # storage address -> bytes; parameters are counted apart

    def pack(t):
        if t.untyped_storage().data_ptr() not in params:
            saved[t.untyped_storage().data_ptr()] = t.untyped_storage().nbytes()
        return t

    with FlopCounterMode(display=False) as flops:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            logits = model(x)
        if train:
            F.cross_entropy(logits[0, :-1], x[0, 1:]).backward()
            optimizer.step()
    return sum(saved.values()), flops.get_total_flops()


def nbytes(tensors):
    return sum(t.nbytes for t in tensors)


weights = nbytes(model.parameters())
model.eval()
with torch.inference_mode():  # no graph, nothing saved for backward
    infer_saved, infer_flops = run(train=False)
model.train()
train_saved, train_flops = run(train=True)
grads = nbytes(p.grad for p in model.parameters())
# AdamW keeps two moments per parameter (and a scalar step counter per tensor).
adam = nbytes(v for state in optimizer.state.values() for v in state.values()
              if v.dim() > 0)

print(f"{'bytes (float32)':28} {'inference':>11} {'training':>11}")
rows = [("parameters", weights, weights), ("gradients", 0, grads),
        ("optimizer state (AdamW)", 0, adam),
        (f"activations saved, {tokens} tokens", infer_saved, train_saved)]
for name, infer, train in rows:
    print(f"{name:28} {infer:>11,} {train:>11,}")
infer_total, train_total = sum(r[1] for r in rows), sum(r[2] for r in rows)
print(f"{'total':28} {infer_total:>11,} {train_total:>11,}"
      f"  = {train_total / infer_total:.1f}x")
print(f"FLOPs: inference {infer_flops:,}, training step {train_flops:,}"
      f" = {train_flops / infer_flops:.1f}x")

# eval() alone only switches layers such as dropout to inference behaviour;
# autograd still records the graph and keeps activations.
model.eval()
eval_saved, _ = run(train=False)
with torch.no_grad():
    nograd_saved, _ = run(train=False)
print(f"eval() without no_grad: {eval_saved:,} bytes saved;"
      f" with no_grad: {nograd_saved:,}")
with torch.inference_mode():
    same = torch.equal(model(x), model(x))
print("eval() makes outputs repeatable (dropout off):", same)
