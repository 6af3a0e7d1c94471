"""ReLU, GELU and SiLU from -4 to 3: the same for large inputs, different near zero,
and the smooth two dip below zero."""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

erf = np.vectorize(math.erf)
functions = {
    "ReLU": lambda x: np.maximum(x, 0.0),  # max(0, x)
    "GELU": lambda x: 0.5 * x * (1 + erf(x / math.sqrt(2))),  # x times normal CDF(x)
    "SiLU": lambda x: x / (1 + np.exp(-x)),  # x times sigmoid(x)
}
x = np.linspace(-4, 3, 7001)  # steps of 0.001
curves = {name: f(x) for name, f in functions.items()}
print("      lowest  where                f(-2)   f(1)   f(3)")
for name, y in curves.items():
    at = x[y == y.min()]  # ReLU: every x <= 0
    one = len(at) == 1
    where = f"x = {at[0]:.3f}" if one else f"x from {at[0]:.0f} to {at[-1]:.0f}"
    values = " ".join(f"{v:6.3f}" for v in functions[name](np.array([-2.0, 1, 3])))
    print(f"{name:4}  {y.min():6.3f}  {where:18}  {values}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.8, 3.2))
for (name, y), style in zip(curves.items(), ["-", "--", "-."], strict=True):
    # every 50th point is enough for a smooth line; 3 decimals draw the same
    ax.plot(x[::50], y[::50].round(3), style, lw=2, label=name)
ax.axhline(0, color="gray", lw=0.5)
ax.axvline(0, color="gray", lw=0.5)
ax.set_xlabel("input x")
ax.set_ylabel("output")
ax.set_title("ReLU, GELU and SiLU: alike far from 0, not near it")
ax.legend()
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("activation_curves.svg", metadata=no_metadata)
