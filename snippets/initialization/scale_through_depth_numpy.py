"""How the scale of random weights decides whether signals survive 30 ReLU layers."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

width, depth = 256, 30
rng = np.random.default_rng(0)
x0 = rng.normal(size=(64, width))  # a batch of inputs with unit variance

# --8<-- [start:scales]
# standard deviation of each weight, as a function of fan_in (= fan_out = width here)
inits = {
    "N(0, 0.01^2)": 0.01,
    "N(0, 1)": 1.0,
    "Xavier/Glorot, sqrt(2/(in+out))": np.sqrt(2 / (width + width)),
    "torch nn.Linear default, 1/sqrt(3 in)": 1 / np.sqrt(3 * width),
    "Kaiming/He, sqrt(2/in)": np.sqrt(2 / width),
}
unit = rng.normal(size=(depth, width, width))  # the same matrices for every scale
stds = {}
for name, std in inits.items():
    h, per_layer = x0, []
    for w in unit:
        # a linear layer, then ReLU
        h = np.maximum(0, h @ (std * w))
        per_layer.append(h.std())
    stds[name] = per_layer
    print(
        f"{name:<38} activation std after layer 1: {per_layer[0]:.3g}, 10: "
        f"{per_layer[9]:.3g}, "
        f"30: {per_layer[-1]:.3g}"
    )
# --8<-- [end:scales]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
for name, per_layer in stds.items():
    ax.semilogy(range(1, depth + 1), per_layer, label=name)
ax.set_xlabel("layer")
ax.set_ylabel("std of activations (log scale)")
ax.set_title("Signal through 30 ReLU layers of width 256")
ax.legend(fontsize=7)
fig.tight_layout()
fig.savefig("activation_scale.svg", metadata={"Date": None})
