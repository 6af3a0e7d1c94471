"""CPU autocast to bfloat16: which tensors change dtype, what memory it saves, and how
close the result stays."""

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(256, 512), nn.GELU(), nn.Linear(512, 256), nn.LayerNorm(256)
)


def run(x, use_autocast):
    """One forward and backward; returns output dtypes, output, loss, and bytes autograd
    saved for backward."""
    saved = {"activations": {}, "weight copies": {}}
    param_shapes = {tuple(p.shape) for p in model.parameters()} | {
        tuple(reversed(p.shape)) for p in model.parameters()
    }
    param_storage = {p.untyped_storage().data_ptr() for p in model.parameters()}

    def pack(t):  # called for every tensor autograd keeps for the backward pass
        if t.untyped_storage().data_ptr() in param_storage:
            return t  # the fp32 weights themselves (or a view of them): no extra memory
        kind = "weight copies" if tuple(t.shape) in param_shapes else "activations"
        # bf16 copies of weights that autocast made, or activations
        saved[kind][id(t)] = t.nbytes
        return t

    dtypes = {}

    def record(module, inputs, output):
        dtypes.setdefault(type(module).__name__, output.dtype)

    hooks = [m.register_forward_hook(record) for m in model]
    model.zero_grad()
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_autocast):
            out = model(x)
            loss = out.float().pow(2).mean()
    loss.backward()
    for hook in hooks:
        hook.remove()
    return dtypes, out, loss, {k: sum(v.values()) for k, v in saved.items()}


for batch in [16, 1024]:
    x = torch.randn(batch, 256)
    _, out32, loss32, saved32 = run(x, use_autocast=False)
    dtypes, out16, loss16, saved16 = run(x, use_autocast=True)
    print(f"batch {batch}:")
    for kind in saved32:
        print(
            f"  {kind:13} saved for backward: fp32 {saved32[kind]:8d} bytes, "
            f"autocast {saved16[kind]:8d} bytes"
        )
    print(
        "  all saved for backward, autocast / fp32 = "
        f"{sum(saved16.values()) / sum(saved32.values()):.2f}"
    )
    # bf16 shifts it by about 1e-4
    print(f"  loss fp32 {loss32.item():.3f}, autocast {loss16.item():.3f}")
print(
    "inside autocast, outputs:",
    ", ".join(f"{name} {dtype}" for name, dtype in dtypes.items()),
)
print(
    "parameters stay",
    model[0].weight.dtype,
    "| their gradients are",
    model[0].weight.grad.dtype,
)
print(f"parameter bytes (both runs): {sum(p.nbytes for p in model.parameters())}")
