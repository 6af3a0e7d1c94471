"""Quantize a small trained model's linear layers to int8 and int4 with plain tensor
ops; measure bytes and accuracy."""

import torch
from torch import nn

torch.manual_seed(11)

# a synthetic 5-class task, and a small MLP trained on it
teacher = nn.Sequential(nn.Linear(32, 64), nn.Tanh(), nn.Linear(64, 5))
x = torch.randn(3000, 32)
with torch.no_grad():
    y = teacher(x).argmax(dim=1)
model = nn.Sequential(
    nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 5)
)
opt = torch.optim.Adam(model.parameters(), lr=0.005)
for _ in range(100):
    opt.zero_grad()
    nn.functional.cross_entropy(model(x[:2000]), y[:2000]).backward()
    opt.step()


# --8<-- [start:quantizers]
def quantize_int8_per_channel(w):
    """Symmetric int8, one float32 scale per output row. Returns what would be
    stored."""
    scale = w.abs().amax(dim=1, keepdim=True) / 127
    # torch.round: half to even
    q = torch.clamp(torch.round(w / scale), -127, 127).to(torch.int8)
    return {"q": q, "scale": scale}


def quantize_int4_groupwise(w, group=32):
    """Symmetric int4 (-7..7), one float16 scale per group of 32 weights, two codes
    packed per byte."""
    g = w.reshape(-1, group)
    scale = (g.abs().amax(dim=1, keepdim=True) / 7).to(torch.float16)
    # 1..15 fits in 4 bits
    q = torch.clamp(torch.round(g / scale.float()), -7, 7).to(torch.int8) + 8
    q = q.reshape(-1, 2).to(torch.uint8)
    packed = q[:, 0] | (q[:, 1] << 4)  # uint8 holding two 4-bit codes
    return {"packed": packed, "scale": scale}


def dequantize_int4(stored, shape, group=32):
    p = stored["packed"]
    q = torch.stack([p & 15, p >> 4], dim=1).to(torch.float32) - 8
    return (q.reshape(-1, group) * stored["scale"].float()).reshape(shape)


def evaluate(weights):
    """Run the model with the given (dequantized) weights; the matmuls still run in
    float32."""
    h = x[2000:]
    for i, (layer, w) in enumerate(zip(model[::2], weights, strict=True)):
        h = h @ w.T + layer.bias
        if i < 2:
            h = torch.relu(h)
    return (h.argmax(dim=1) == y[2000:]).float().mean().item()
# --8<-- [end:quantizers]


linears = list(model[::2])
fp32 = [m.weight.detach() for m in linears]
int8 = [quantize_int8_per_channel(w) for w in fp32]
int4 = [quantize_int4_groupwise(w) for w in fp32]
nbytes = lambda stored: sum(t.nbytes for d in stored for t in d.values())  # noqa: E731
print(f"{'weights':9} {'bytes':>7} {'vs fp32':>7}  accuracy")
print(f"{'fp32':9} {sum(w.nbytes for w in fp32):7d} {1:7.3f}  {evaluate(fp32):.2f}")
for name, stored, deq in [
    ("int8", int8, [s["q"].float() * s["scale"] for s in int8]),
    (
        "int4 g32",
        int4,
        [dequantize_int4(s, w.shape) for s, w in zip(int4, fp32, strict=True)],
    ),
]:
    print(
        f"{name:9} {nbytes(stored):7d} "
        f"{nbytes(stored) / sum(w.nbytes for w in fp32):7.3f}  {evaluate(deq):.2f}"
    )
