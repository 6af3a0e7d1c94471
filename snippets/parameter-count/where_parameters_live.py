"""Where the parameters of small and large models live, by component, from their
committed configs."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import count_parameters, load_config

MODELS = ["gpt2", "pythia-160m", "tinyllama-1.1b", "llama-2-7b", "llama-3-8b"]
PARTS = ["embeddings", "attention", "mlp", "norms", "output_head", "other"]

# --8<-- [start:shares]
shares = {}
for name in MODELS:
    result = count_parameters(load_config(name))  # a config that comes with the counter
    shares[name] = [result["breakdown"][part] / result["total"] for part in PARTS]
    cells = "  ".join(
        f"{part} {share:6.2%}"
        for part, share in zip(PARTS, shares[name], strict=True)
        if share > 0
    )
    print(f"{name:15} total {result['total']:>13,}  {cells}")
# --8<-- [end:shares]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(6.4, 3.2))
colors = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#9c755f"]
for row, name in enumerate(MODELS):
    left = 0.0
    for part, share, color in zip(PARTS, shares[name], colors, strict=True):
        ax.barh(
            row,
            share * 100,
            left=left,
            color=color,
            label=part.replace("_", " ") if row == 0 else None,
        )
        if share > 0.06:
            ax.text(
                left + share * 50,
                row,
                f"{share:.0%}",
                ha="center",
                va="center",
                color="white",
                fontsize=8,
            )
        left += share * 100
ax.set_yticks(range(len(MODELS)), MODELS)
ax.invert_yaxis()
ax.set_xlim(0, 100)
ax.set_xlabel("share of all parameters (%)")
ax.set_title(
    "Where the parameters live (output head: tied in GPT-2, untied in the others)",
    fontsize=9,
)
ax.legend(
    ncol=3, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.22), frameon=False
)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig("where_parameters_live.svg", metadata=no_metadata)
