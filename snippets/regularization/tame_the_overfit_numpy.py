"""The overfitting 15-parameter polynomial, tamed by an L2 penalty or by early
stopping."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)  # the same data as on the overfitting page


def make_data(n: int):
    x = rng.uniform(-1, 1, n)
    return x, np.sin(3 * x) + 0.2 * rng.normal(size=n)


x_train, y_train = make_data(15)
x_val, y_val = make_data(500)
# 15 parameters
b_train, b_val = legendre.legvander(x_train, 14), legendre.legvander(x_val, 14)


def val_loss(coef: np.ndarray) -> float:
    return np.mean((b_val @ coef - y_val) ** 2)


# --8<-- [start:penalty]
# minimize  mean squared error + lam * sum(coef**2): the solution has a closed form
fits = {}
for lam in [0.0, 1e-4, 1e-2, 1.0]:
    fits[lam] = coef = np.linalg.solve(
        b_train.T @ b_train / 15 + lam * np.eye(15), b_train.T @ y_train / 15
    )
    train = np.mean((b_train @ coef - y_train) ** 2)
    # three digits: without a penalty the system is ill-conditioned, and its fourth
    # digit varies between CPUs
    print(
        f"L2 penalty {lam:<6}: train loss {train:.4f}, validation loss "
        f"{val_loss(coef):.3g}, "
        f"largest |coef| {np.abs(coef).max():.3g}"
    )
# --8<-- [end:penalty]

# --8<-- [start:early]
coef, lr, history = np.zeros(15), 0.05, []
for _ in range(20000):  # plain gradient descent, no penalty
    coef -= lr * 2 * b_train.T @ (b_train @ coef - y_train) / 15
    history.append(val_loss(coef))
best = int(np.argmin(history)) + 1
# the validation curve is flat near its minimum, so the exact best step is fragile: say
# roughly where it is
print(
    f"early stopping: best validation loss {history[best - 1]:.4f} at about step "
    f"{round(best, -3)}; "
    f"at step 20000 it is {history[-1]:.4f}"
)
# --8<-- [end:early]

# The fitted curves. Without a penalty the system is too ill-conditioned to draw the
# same curve on every CPU: say only how far it swings between the training points.
grid = np.linspace(-1, 1, 81)
curves = {lam: legendre.legvander(grid, 14) @ c for lam, c in fits.items()}
print(f"no penalty: the fit swings to about {np.abs(curves.pop(0.0)).max():.0e}")
print("fitted curve at x = -0.5, 0, 0.5 (sin 3x: -1.00, 0.00, 1.00):")
for lam, curve in curves.items():
    print(f"  L2 penalty {lam:<6}:", *(f"{curve[i]:5.2f}" for i in (20, 40, 60)))

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.6))
ax.plot(grid, np.sin(3 * grid).round(2), color="0.6", ls=":", label="sin 3x, the truth")
for lam, curve in curves.items():
    ax.plot(grid, curve.round(2), lw=1.5, label=f"\u03bb = {lam:g}")
ax.plot(x_train.round(3), y_train.round(3), "ko", ms=4, label="training points")
ax.set(xlim=(-1, 1), ylim=(-2, 2), xlabel="x", ylabel="y")
ax.set_title("15 parameters, three L2 penalties (\u03bb = 0: off the chart)",
             fontsize=10)
ax.legend(fontsize=8, ncol=3, loc="upper center", bbox_to_anchor=(0.45, -0.18))
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
fig.savefig("penalties.svg", metadata={"Date": None})
