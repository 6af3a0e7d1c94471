"""Count the parameters of a small two-layer network from the shapes of its arrays."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import Rectangle

rng = np.random.default_rng(0)
d_in, d_hidden, d_out = 4, 8, 3

params = {
    # one number per (output, input) pair
    "0.weight": rng.normal(size=(d_hidden, d_in)),
    "0.bias": np.zeros(d_hidden),  # one number per output unit
    "2.weight": rng.normal(size=(d_out, d_hidden)),
    "2.bias": np.zeros(d_out),
}
for name, array in params.items():
    print(f"{name:9} shape={str(array.shape):8} parameters={array.size}")
total = sum(array.size for array in params.values())
print("total parameters:", total)

# The figure: every parameter as one square, in the shape of the array that holds it.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
fig, ax = plt.subplots(figsize=(4.8, 3.3))
left = 0
for name, array in params.items():
    rows, cols = array.shape if array.ndim == 2 else (array.size, 1)
    color = "#3949ab" if name.endswith("weight") else "#ef6c00"
    squares = [Rectangle((left + c, -r), 0.86, 0.86) for r in range(rows)
               for c in range(cols)]
    ax.add_collection(PatchCollection(squares, facecolor=color))
    ax.text(left + cols / 2, 1 - rows - 0.4, f"{name}\n{array.shape}\n{array.size}",
            ha="center", va="top", fontsize=9)
    left += cols + 1.5
ax.set(xlim=(-0.5, left - 1), ylim=(-10.4, 3.4), aspect="equal")
ax.axis("off")
ax.text((left - 1.5) / 2, 2.2, f"{total} parameters, one square each\n"
        "(weights blue, biases orange)", ha="center", va="center", fontsize=10)
fig.tight_layout(pad=0.2)
fig.savefig("parameters_by_tensor.svg", metadata={"Date": None})
