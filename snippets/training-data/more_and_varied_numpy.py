"""The same 10-parameter model, trained on more data, on repeated data and on narrow
data."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)
degree = 9  # 10 parameters, fixed throughout


def sample(n: int, low: float = -1.0, high: float = 1.0):
    x = rng.uniform(low, high, n)
    # noise variance 0.04: no model can beat it
    return x, np.sin(3 * x) + 0.2 * rng.normal(size=n)


x_val, y_val = sample(2000)


def val_loss_after_training_on(x: np.ndarray, y: np.ndarray) -> float:
    coef = np.linalg.lstsq(legendre.legvander(x, degree), y, rcond=None)[0]
    return np.mean((legendre.legvander(x_val, degree) @ coef - y_val) ** 2)


# --8<-- [start:more]
sizes = [12, 20, 50, 100, 1000, 10000]
more = [val_loss_after_training_on(*sample(n)) for n in sizes]
for n, loss in zip(sizes, more, strict=True):
    print(f"{n:5d} examples: validation loss {loss:.4g}")
# --8<-- [end:more]

# --8<-- [start:varied]
x20, y20 = sample(20)
repeated = val_loss_after_training_on(np.tile(x20, 50), np.tile(y20, 50))
# only half of the inputs ever seen
narrow = val_loss_after_training_on(*sample(1000, low=-1.0, high=0.0))
print(
    f"20 examples repeated 50 times (1000 rows): validation loss {repeated:.4g}, "
    f"the 20 alone: {val_loss_after_training_on(x20, y20):.4g}"
)
print(
    f"1000 examples, all from the left half of the inputs: validation loss {narrow:.4g}"
)
# --8<-- [end:varied]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.loglog(sizes, more, "o-", label="validation loss, 10-parameter model")
ax.axhline(0.04, color="0.6", linestyle=":", label="noise level: the best possible")
ax.set_xlabel("number of training examples (log scale)")
ax.set_ylabel("validation loss (log scale)")
ax.set_title("The same model learns more from more data")
ax.legend()
fig.tight_layout()
fig.savefig("more_data.svg", metadata={"Date": None})
