"""Train and validation loss as the number of parameters grows past the number of
training examples."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)


def make_data(n: int):
    x = rng.uniform(-1, 1, n)
    return x, np.sin(3 * x) + 0.2 * rng.normal(size=n)  # a smooth signal plus noise


x_train, y_train = make_data(15)
x_val, y_val = make_data(500)

# --8<-- [start:fit]
n_params, train_loss, val_loss = [], [], []
# a polynomial of degree d has d + 1 parameters (its coefficients)
for degree in range(15):
    # a well-conditioned polynomial basis
    basis_train = legendre.legvander(x_train, degree)
    # the best fit to the training data
    coef = np.linalg.lstsq(basis_train, y_train, rcond=None)[0]
    n_params.append(degree + 1)
    train_loss.append(np.mean((basis_train @ coef - y_train) ** 2))
    val_loss.append(np.mean((legendre.legvander(x_val, degree) @ coef - y_val) ** 2))
    if degree in (0, 1, 3, 5, 9, 12, 14):
        print(
            f"{degree + 1:2d} parameters for 15 examples: train loss "
            f"{train_loss[-1]:.4f}, "
            f"validation loss {val_loss[-1]:.4g}"
        )
# --8<-- [end:fit]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.semilogy(
    n_params,
    np.maximum(train_loss, 1e-4),
    "o-",
    label="training loss (bottom edge: 0, exact fit)",
)
ax.semilogy(n_params, val_loss, "s-", label="validation loss")
ax.axhline(0.04, color="0.6", linestyle=":", label="noise level (0.2 squared)")
ax.set_ylim(1e-4, 1e9)
ax.set_xlabel("number of parameters (15 training examples)")
ax.set_ylabel("mean squared error (log scale)")
ax.set_title("Polynomial fits of growing size")
ax.legend()
fig.tight_layout()
fig.savefig("train_vs_validation.svg", metadata={"Date": None})
