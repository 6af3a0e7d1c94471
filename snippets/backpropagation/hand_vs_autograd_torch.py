"""The hand-written backward pass against torch autograd and against finite
differences."""

import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(0)
x = rng.normal(size=(16, 5))
targets = rng.integers(0, 3, size=16)
params = {
    "w1": rng.normal(0, 0.5, (5, 8)),
    "b1": np.zeros(8),
    "w2": rng.normal(0, 0.5, (8, 3)),
    "b2": np.zeros(3),
}


def loss_and_grads(w1, b1, w2, b2):
    """Forward and hand-written backward pass in numpy (as in two_layer_numpy.py)."""
    h = np.tanh(x @ w1 + b1)
    z2 = h @ w2 + b2
    p = np.exp(z2 - z2.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    loss = -np.log(p[np.arange(16), targets]).mean()
    d_z2 = p.copy()
    d_z2[np.arange(16), targets] -= 1
    d_z2 /= 16
    d_z1 = d_z2 @ w2.T * (1 - h**2)
    return loss, {
        "w1": x.T @ d_z1,
        "b1": d_z1.sum(0),
        "w2": h.T @ d_z2,
        "b2": d_z2.sum(0),
    }


_, hand = loss_and_grads(**params)

# --8<-- [start:compare]
tensors = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
logits = (
    torch.tanh(torch.from_numpy(x) @ tensors["w1"] + tensors["b1"]) @ tensors["w2"]
    + tensors["b2"]
)
F.cross_entropy(logits, torch.from_numpy(targets)).backward()
max_diff_autograd = max(
    np.abs(hand[k] - t.grad.numpy()).max() for k, t in tensors.items()
)

eps = 1e-6  # central finite differences, one parameter at a time
max_diff_numeric = 0.0
for k, value in params.items():
    for i in range(value.size):
        plus, minus = (
            {n: v.copy() for n, v in params.items()},
            {n: v.copy() for n, v in params.items()},
        )
        plus[k].flat[i] += eps
        minus[k].flat[i] -= eps
        numeric = (loss_and_grads(**plus)[0] - loss_and_grads(**minus)[0]) / (2 * eps)
        max_diff_numeric = max(max_diff_numeric, abs(hand[k].flat[i] - numeric))

print(f"parameters checked: {sum(v.size for v in params.values())}")
# The differences themselves are rounding noise that varies from CPU to CPU; the
# tolerances do not.
print(f"hand-written and autograd agree within 1e-12: {max_diff_autograd < 1e-12}")
print(
    f"hand-written and finite differences agree within 1e-8: {max_diff_numeric < 1e-8}"
)
# --8<-- [end:compare]
