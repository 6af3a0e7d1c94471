"""Parameters of each kind of layer as the width d grows: matrices grow with d squared,
norms with d, and activation functions hold none."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

kinds = {  # parameters at width d, from the shapes (weights and biases)
    "MLP d->4d->d": lambda d: (d * 4 * d + 4 * d) + (4 * d * d + d),
    "attention": lambda d: 4 * (d * d + d),  # q, k, v and output, each d x d
    "linear d->d": lambda d: d * d + d,
    "LayerNorm": lambda d: 2 * d,  # a gain and a shift per feature
    "RMSNorm": lambda d: d,  # a gain per feature
    "GELU": lambda d: 0,
}
widths = 2 ** np.arange(6, 14)  # 64 to 8192
shown = (64, 768, 4096)  # our example, GPT-2 small, Llama-2-7B
print("kind          " + "".join(f"{'d = ' + str(d):>14}" for d in shown))
for name, count in kinds.items():
    print(f"{name:14}" + "".join(f"{count(d):>14,}" for d in shown))

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.4))
for name, count in kinds.items():
    if name == "GELU":
        continue  # 0 has no place on a log scale
    ax.loglog(widths, [count(int(d)) for d in widths], marker=".", label=name)
ax.set_xticks(widths[::2], [str(d) for d in widths[::2]])
ax.set_yticks([1e2, 1e4, 1e6, 1e8], ["100", "10K", "1M", "100M"])
ax.minorticks_off()
ax.set_xlabel("width d")
ax.set_ylabel("parameters (log scale)")
ax.set_title("Matrices grow with d², norms with d; GELU has none", fontsize=10)
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("parameters_by_width.svg", metadata=no_metadata)
