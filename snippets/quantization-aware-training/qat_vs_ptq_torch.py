"""Quantization after training (PTQ) against quantization-aware training (QAT), for a
small classifier whose weights are stored in 8, 4, 3 and 2 bits (symmetric, one scale
per output row; activations stay in float).

Both start from the same float model. PTQ trains it on in float and rounds the weights
at the end. QAT trains the same number of steps with the weights fake-quantized in the
forward pass (rounded to the grid and back to float) and the straight-through estimator
in the backward pass (the gradient passes the rounding as if it were the identity);
then it rounds them the same way."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from matplotlib.ticker import PercentFormatter

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # so that no CPU's rounding changes a result
D, WIDTH, CLASSES, N = 8, 32, 3, 1024
teacher = [torch.randn(D, 16), torch.randn(16, CLASSES)]  # labels from a random network
x = torch.randn(2 * N, D)
y = (torch.tanh(x @ teacher[0]) @ teacher[1]).argmax(dim=1)
x_train, y_train, x_test, y_test = x[:N], y[:N], x[N:], y[N:]


def quantize(w, bits):  # round to the grid of 2**bits levels, back to float
    top = 2 ** (bits - 1) - 1  # 4 bits: integers -7 to 7
    scale = w.abs().amax(dim=1, keepdim=True) / top  # one scale per output row
    return (w / scale).round().clamp(-top, top) * scale


def fake_quantize(w, bits):  # forward: quantized; backward: the identity (STE)
    return w + (quantize(w, bits) - w).detach()


def forward(params, x, bits=None):
    w1, b1, w2, b2, w3, b3 = params
    if bits:
        w1, w2, w3 = (fake_quantize(w, bits) for w in (w1, w2, w3))
    h = F.relu(x @ w1.T + b1)
    h = F.relu(h @ w2.T + b2)
    return h @ w3.T + b3


def train(params, steps, bits=None, lr=3e-3):
    params = [p.detach().clone().requires_grad_() for p in params]
    opt = torch.optim.Adam(params, lr=lr)
    for _ in range(steps):
        loss = F.cross_entropy(forward(params, x_train, bits), y_train)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return [p.detach() for p in params]


def accuracy(params, bits=None):  # weights rounded for good, biases kept in float
    if bits:
        params = [quantize(p, bits) if p.dim() == 2 else p for p in params]
    return (forward(params, x_test).argmax(dim=1) == y_test).float().mean().item()


w = torch.tensor([[0.3, -0.15, 0.05, 0.4]], requires_grad=True)
fake_quantize(w, 2).sum().backward()
print("weights", [round(v, 2) for v in w.tolist()[0]], "on 2 bits (-1, 0, 1 times"
      " a scale):", [round(v, 2) + 0.0 for v in quantize(w, 2).tolist()[0]])
print("STE: the gradient through the rounding is", w.grad.tolist()[0])

init = []
for fan_in, fan_out in [(D, WIDTH), (WIDTH, WIDTH), (WIDTH, CLASSES)]:
    init += [torch.randn(fan_out, fan_in) / fan_in**0.5, torch.zeros(fan_out)]
base = train(init, 120, lr=1e-2)  # the float model both start from
floating = train(base, 40)  # PTQ: 40 more float steps, rounded
print(f"test accuracy in float: {accuracy(floating):.1%}")
print("bits   PTQ     QAT")
rows = []
for bits in (8, 4, 3, 2):
    qat = train(base, 40, bits)  # 40 steps, fake-quantized
    ptq = accuracy(floating, bits)  # the float model, rounded
    rows.append((bits, round(ptq, 3), round(accuracy(qat, bits), 3)))
    print(f"{bits:4} {rows[-1][1]:6.1%} {rows[-1][2]:6.1%}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.2))
bits = [r[0] for r in rows]
for i, label in [(1, "quantized after training (PTQ)"),
                 (2, "quantization-aware training (QAT)")]:
    ax.plot(bits, [r[i] for r in rows], marker="o", label=label)
ax.axhline(round(accuracy(floating), 3), color="gray", ls="--", label="float weights")
ax.set_xticks(bits)
ax.invert_xaxis()
ax.set_xlabel("bits per weight")
ax.yaxis.set_major_formatter(PercentFormatter(1, decimals=0))
ax.set_ylabel("test accuracy")
ax.legend(fontsize=8)
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("qat_vs_ptq.svg", metadata=no_metadata)
