"""The overfitting 15-parameter polynomial, tamed by an L2 penalty or by early
stopping."""

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
for lam in [0.0, 1e-4, 1e-2, 1.0]:
    coef = np.linalg.solve(
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
