"""Quantization-aware training (QAT) against post-training quantization (PTQ) of a small
MLP, at 4, 3 and 2 bits."""

import copy

import torch
from torch import nn

torch.manual_seed(0)
# float64: in float32, a weight next to a rounding step can flip on a last-bit
# difference between CPUs and change the
# rest of the QAT run; float64 makes that far less likely, so the printed losses are the
# same everywhere
torch.set_default_dtype(torch.float64)

# a synthetic regression task: a random tanh network plus noise, targets scaled to a
# variance of about 1
x = torch.randn(1024, 8)
y = torch.tanh(x @ (1.5 * torch.randn(8, 16) / 8**0.5)) @ torch.randn(16, 1)
y = (y - y.mean()) / y.std() + 0.1 * torch.randn(1024, 1)
x_train, y_train, x_test, y_test = x[:512], y[:512], x[512:], y[512:]


# --8<-- [start:qat]
def fake_quantize(w, bits):
    """Round w to a symmetric grid with one scale per output row; the gradient passes
    straight through."""
    qmax = 2 ** (bits - 1) - 1  # 4 bits: -7..7; 2 bits: -1, 0, 1
    scale = w.detach().abs().amax(dim=1, keepdim=True) / qmax
    q = torch.clamp(torch.round(w / scale), -qmax, qmax) * scale
    # forward: the quantized q; backward: as if it were w (straight-through estimator)
    return w + (q - w).detach()


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden, self.out = nn.Linear(8, 128), nn.Linear(128, 1)
        # None: float weights; a number: the forward uses weights quantized to that many
        # bits
        self.bits = None

    def forward(self, x):
        w1, w2 = self.hidden.weight, self.out.weight
        if self.bits:
            w1, w2 = fake_quantize(w1, self.bits), fake_quantize(w2, self.bits)
        # biases stay float
        return torch.tanh(x @ w1.T + self.hidden.bias) @ w2.T + self.out.bias


def train(model, steps, lr):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    # small last steps: weights stop hopping between levels
    decay = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    for _ in range(steps):
        opt.zero_grad()
        nn.functional.mse_loss(model(x_train), y_train).backward()
        opt.step()
        decay.step()
    return model


def test_loss(model):
    with torch.no_grad():
        return nn.functional.mse_loss(model(x_test), y_test).item()


float_model = train(MLP(), 200, 0.015)
print(f"float weights: test loss {test_loss(float_model):.3f}")
print(f"{'bits':>4} {'PTQ loss':>9} {'QAT loss':>9}")
for bits in [4, 3, 2]:
    ptq = copy.deepcopy(float_model)
    ptq.bits = bits  # PTQ: round the trained weights, train no further
    qat = copy.deepcopy(float_model)
    qat.bits = bits
    train(qat, 60, 0.01)  # QAT: keep training with the rounding in the forward pass
    print(f"{bits:>4} {test_loss(ptq):9.3f} {test_loss(qat):9.3f}")
# --8<-- [end:qat]
