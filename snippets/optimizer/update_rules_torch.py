"""SGD, momentum, Adam and AdamW in a few lines of numpy each, checked step by step
against torch.optim."""

import numpy as np
import torch

rng = np.random.default_rng(0)
a, b = rng.normal(size=(8, 5)), rng.normal(size=8)
w_start = rng.normal(size=5)


def grad(w: np.ndarray) -> np.ndarray:
    """Gradient of the loss sum(log(cosh(a @ w - b))), written by hand."""
    return a.T @ np.tanh(a @ w - b)


# --8<-- [start:rules]
def sgd(w, g, state, lr=0.1):
    return w - lr * g


def momentum(w, g, state, lr=0.1, mu=0.9):
    # a decaying sum of past gradients
    state["buf"] = mu * state["buf"] + g if "buf" in state else g
    return w - lr * state["buf"]


def adam(w, g, state, lr=0.1, b1=0.9, b2=0.999, eps=1e-8, wd=0.0):
    # Adam's weight_decay: an L2 term added to the gradient, before the moments
    g = g + wd * w
    t = state["t"] = state.get("t", 0) + 1
    state["m"] = b1 * state.get("m", 0.0) + (1 - b1) * g  # moving average of gradients
    # moving average of squared gradients
    state["v"] = b2 * state.get("v", 0.0) + (1 - b2) * g**2
    m_hat, v_hat = state["m"] / (1 - b1**t), state["v"] / (1 - b2**t)  # bias correction
    return w - lr * m_hat / (np.sqrt(v_hat) + eps)


def adamw(w, g, state, lr=0.1, wd=0.01):
    # decoupled weight decay: shrink the weights, apart from the gradient
    w = w * (1 - lr * wd)
    return adam(w, g, state, lr=lr)


# --8<-- [end:rules]


# --8<-- [start:compare]
pairs = {
    "SGD": (sgd, lambda p: torch.optim.SGD(p, lr=0.1)),
    "SGD with momentum": (momentum, lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    "Adam": (adam, lambda p: torch.optim.Adam(p, lr=0.1)),
    "Adam, weight_decay=0.1": (
        lambda w, g, s: adam(w, g, s, wd=0.1),
        lambda p: torch.optim.Adam(p, lr=0.1, weight_decay=0.1),
    ),
    "AdamW": (adamw, lambda p: torch.optim.AdamW(p, lr=0.1)),
}
max_diffs = {}
for name, (rule, make_torch_optimizer) in pairs.items():
    w, state = w_start.copy(), {}
    w_torch = torch.tensor(w_start, requires_grad=True)
    opt = make_torch_optimizer([w_torch])
    a_t, b_t = torch.from_numpy(a), torch.from_numpy(b)
    diff = 0.0
    for _ in range(50):
        w = rule(w, grad(w), state)
        opt.zero_grad()
        torch.log(torch.cosh(a_t @ w_torch - b_t)).sum().backward()
        opt.step()
        diff = max(diff, np.abs(w - w_torch.detach().numpy()).max())
    max_diffs[name] = diff
    print(
        f"{name:<23} loss after 50 steps {np.log(np.cosh(a @ w - b)).sum():.4f}, "
        f"hand and torch.optim agree within 1e-12 at every step: {diff < 1e-12}"
    )
# --8<-- [end:compare]
