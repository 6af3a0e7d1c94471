"""Temperature softens a teacher's probabilities, so a student also learns which wrong
answers are 'almost right'."""

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# a teacher's scores for 5 classes; class 0 is its answer
logits = np.array([6.0, 3.5, 3.0, -1.0, -2.0])

probs = {}  # the printed probabilities, for the figure
for T in [1.0, 2.0, 4.0]:
    z = logits / T
    p = np.exp(z - z.max())
    p /= p.sum()
    entropy = -(p * np.log(p)).sum()
    probs[f"T = {T:g}, entropy {entropy:.3f} nats"] = p.round(3)
    print(
        f"T={T}: probabilities {' '.join(f'{v:.3f}' for v in p)}  entropy "
        f"{entropy:.3f} nats"
    )

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 2.8))
for k, (label, p) in enumerate(probs.items()):
    ax.bar(
        np.arange(5) + 0.27 * (k - 1),
        p,
        width=0.27,
        label=label,
        color=["#4e79a7", "#f28e2b", "#59a14f"][k],
    )
ax.set_xticks(range(5), [f"class {i}\nlogit {z:g}" for i, z in enumerate(logits)])
ax.set_ylabel("teacher's probability")
ax.spines[["top", "right"]].set_visible(False)
ax.legend(frameon=False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("temperature_softens.svg", metadata=no_metadata)
