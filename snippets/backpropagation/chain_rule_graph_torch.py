"""Backpropagation on the smallest network, one number per node: the forward pass
left to right, then each gradient is the gradient one node later times a local
derivative. Autograd gives the same numbers."""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch

x, y = 1.5, 0.5  # one input and its target
w1, b1, w2, b2 = 0.8, 0.1, -1.2, 0.3  # the four parameters

# --8<-- [start:chain]
# forward: z1 = w1 x + b1, h = tanh(z1), z2 = w2 h + b2, L = (z2 - y)^2 / 2
z1 = w1 * x + b1
h = math.tanh(z1)
z2 = w2 * h + b2
loss = (z2 - y) ** 2 / 2

# backward, from the loss end: upstream gradient times local derivative
d_z2 = z2 - y  # dL/dz2
d_w2, d_b2 = d_z2 * h, d_z2 * 1  # dz2/dw2 = h, dz2/db2 = 1
d_h = d_z2 * w2  # dz2/dh = w2
d_z1 = d_h * (1 - h**2)  # dh/dz1 = 1 - tanh(z1)^2
d_w1, d_b1 = d_z1 * x, d_z1 * 1  # dz1/dw1 = x, dz1/db1 = 1
# --8<-- [end:chain]

forward = {"x": x, "z1": z1, "h": h, "z2": z2, "L": loss}
backward = {"z2": d_z2, "h": d_h, "z1": d_z1}
params = {"w1": (w1, d_w1), "b1": (b1, d_b1), "w2": (w2, d_w2), "b2": (b2, d_b2)}
print("forward: ", "  ".join(f"{k}={v:.4f}" for k, v in forward.items()))
print("backward:", "  ".join(f"dL/d{k}={v:.4f}" for k, v in backward.items()))
print("gradients:", "  ".join(f"dL/d{k}={g:.4f}" for k, (_, g) in params.items()))

# the same gradients from torch autograd
t = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True)
     for k, (v, _) in params.items()}
out = t["w2"] * torch.tanh(t["w1"] * x + t["b1"]) + t["b2"]
((out - y) ** 2 / 2).backward()
print("autograd agrees within 1e-12:",
      all(abs(t[k].grad.item() - g) < 1e-12 for k, (_, g) in params.items()))

# The figure: the graph; forward values in black, gradients in red above each node,
# each one the gradient to its right times the local derivative on the red arrow.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
fig, ax = plt.subplots(figsize=(6, 3.4))
ax.set(xlim=(0, 10), ylim=(0, 5))
ax.axis("off")
red = "#c62828"
box = {"boxstyle": "round,pad=0.3", "facecolor": "#eef2ff", "edgecolor": "#3949ab"}
sub = str.maketrans("12", "₁₂")
at = {"x": 0.6, "z1": 3.0, "h": 5.2, "z2": 7.4, "L": 9.4}
ops = ["w₁x + b₁", "tanh", "w₂h + b₂", "(z₂ − y)²/2"]
local = ["", "× (1 − h²)", "× w₂", "× (z₂ − y)"]
names = list(at)
grads = {**backward, "L": 1.0}
for i, (name, value) in enumerate(forward.items()):
    ax.text(at[name], 2.5, f"{name.translate(sub)}\n{value:.3f}", ha="center",
            va="center", fontsize=10, bbox=box)
    if name in grads:
        ax.text(at[name], 4.3, f"∂L/∂{name.translate(sub)}\n{grads[name]:.3f}",
                ha="center", va="center", fontsize=9, color=red)
    if i:
        before = at[names[i - 1]]
        ax.annotate("", (at[name] - 0.55, 2.5), (before + 0.55, 2.5),
                    arrowprops={"arrowstyle": "->", "color": "0.4"})
        ax.text((at[name] + before) / 2, 2.15, ops[i - 1], ha="center", va="top",
                fontsize=8, color="0.3")
    if i > 1:
        ax.annotate("", (at[names[i - 1]] + 0.6, 4.3), (at[name] - 0.6, 4.3),
                    arrowprops={"arrowstyle": "->", "color": red})
        ax.text((at[name] + at[names[i - 1]]) / 2, 3.9, local[i - 1], ha="center",
                va="top", fontsize=8, color=red)
ax.text(0.1, 4.3, "black: forward\nred: backward", fontsize=8, va="center")
below = {"w1": 1.9, "b1": 4.1, "w2": 6.3, "b2": 8.5}
for name, (value, grad) in params.items():
    node = "z1" if name.endswith("1") else "z2"
    ax.annotate("", (at[node], 2.05), (below[name], 1.0),
                arrowprops={"arrowstyle": "->", "color": "0.6"})
    ax.text(below[name], 0.75, f"{name.translate(sub)} = {value}", ha="center",
            va="center", fontsize=10, bbox=box)
    ax.text(below[name], 0.15, f"∂L/∂{name.translate(sub)} = {grad:.3f}",
            ha="center", va="center", fontsize=9, color=red)
fig.tight_layout(pad=0.2)
fig.savefig("chain_rule_graph.svg", metadata={"Date": None})
