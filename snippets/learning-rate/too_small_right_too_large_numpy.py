"""One problem, four learning rates: too small crawls, about right converges, too large
diverges."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
# the second feature varies 3 times as much
x = rng.normal(size=(100, 2)) * np.array([1.0, 3.0])
y = x @ np.array([1.0, -0.5]) + 0.1 * rng.normal(size=100)


def loss(w: np.ndarray) -> float:
    return np.mean((x @ w - y) ** 2)


# --8<-- [start:rates]
hessian = 2 * x.T @ x / len(y)  # the curvature of this quadratic loss
sharpest = np.linalg.eigvalsh(hessian).max()
print(
    f"largest curvature {sharpest:.3f}: gradient descent diverges when lr > 2 / "
    f"{sharpest:.3f} = {2 / sharpest:.4f}"
)
curves = {}
for label, lr in [
    ("too small", 0.002),
    ("about right", 0.06),
    ("oscillating", 0.115),
    ("too large", 0.13),
]:
    w, losses = np.zeros(2), []
    for _ in range(40):
        losses.append(loss(w))
        w -= lr * 2 * x.T @ (x @ w - y) / len(y)
    curves[f"{label}, lr={lr}"] = losses
    print(
        f"{label:>11} lr={lr:<6} loss after 0, 10, 40 steps: {losses[0]:.3f} "
        f"{losses[10]:.3f} {loss(w):.4g}"
    )
# --8<-- [end:rates]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
for label, losses in curves.items():
    ax.semilogy(losses, label=label)
ax.set_xlabel("step")
ax.set_ylabel("training loss (log scale)")
ax.set_title("The same problem with four learning rates")
ax.legend()
fig.tight_layout()
fig.savefig("learning_rates.svg", metadata={"Date": None})
