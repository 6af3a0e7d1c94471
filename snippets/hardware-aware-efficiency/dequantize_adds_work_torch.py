"""Weight-only int8 in plain torch: the weight is dequantized to float32 before the
matmul, which adds work."""

import torch
from torch import nn

# private path; "Extending PyTorch" documents the mode
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)


class Int8Linear(nn.Module):
    """Stores int8 weights and one float32 scale per output row; dequantizes them in
    every forward."""

    def __init__(self, linear):
        super().__init__()
        w = linear.weight.detach()
        scale = w.abs().amax(dim=1, keepdim=True) / 127
        self.register_buffer(
            "q", torch.clamp(torch.round(w / scale), -127, 127).to(torch.int8)
        )
        self.register_buffer("scale", scale)
        self.register_buffer("bias", linear.bias.detach().clone())

    def forward(self, x):
        # a full float32 copy of the weight, made on every call
        w = self.q.to(torch.float32) * self.scale
        return nn.functional.linear(x, w, self.bias)


class OpRecorder(TorchDispatchMode):
    """Records every aten op that runs and how many elements it writes (a view writes
    none)."""

    def __init__(self):
        super().__init__()
        self.ops = []

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        self.ops.append(
            (func.overloadpacket.__name__, "view" if func.is_view else out.numel())
        )
        return out


def record(layer, x):
    with (
        torch.no_grad(),
        FlopCounterMode(display=False) as counter,
        OpRecorder() as recorder,
    ):
        y = layer(x)
    # FlopCounterMode counts matmul-like ops only; elementwise ops do not appear in it
    flops = {op.__name__: n for op, n in counter.get_flop_counts()["Global"].items()}
    return y, recorder.ops, flops


fp32_layer = nn.Linear(256, 256)
int8_layer = Int8Linear(fp32_layer)
x = torch.randn(8, 256)  # a batch of 8 inputs

results = {}
for name, layer in [
    ("float32 nn.Linear", fp32_layer),
    ("int8 weights, dequantized in forward", int8_layer),
]:
    y, ops, flops = record(layer, x)
    results[name] = (y, ops, flops)
    print(name)
    print(f"  {'aten op':10} {'elements written':>17} {'matmul FLOPs':>13}")
    for op, elements in ops:
        print(f"  {op:10} {elements:>17} {flops.get(op, '-'):>13}")

(y32, ops32, flops32), (y8, ops8, flops8) = results.values()
# ops that only the int8 layer runs
extra = [(op, n) for op, n in ops8 if op not in dict(ops32)]
print("matmul FLOPs the same in both:", flops32 == flops8)
print(
    f"extra ops for dequantizing: {len(extra)} ({', '.join(op for op, _ in extra)}), "
    f"writing {sum(n for _, n in extra)} elements on every call"
)
print("outputs agree within 0.05:", bool((y32 - y8).abs().max() < 0.05))

w_bytes = fp32_layer.weight.nbytes
q_bytes = int8_layer.q.nbytes + int8_layer.scale.nbytes
print(
    f"weight bytes: float32 {w_bytes}, int8 + scales {q_bytes} "
    f"({q_bytes / w_bytes:.3f} of float32)"
)
print(
    f"temporary float32 weight made in each forward: {int8_layer.q.numel() * 4} bytes"
)
