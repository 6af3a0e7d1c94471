"""Memory for the models that SFT, RLHF with PPO, and DPO hold, for a 7B policy
(Llama-2-7B's shapes: hidden_size 4096, intermediate_size 11008, 32 layers,
vocab_size 32000, untied).

A trained model holds 16 bytes per parameter of model states with mixed-precision Adam
(bf16 weights and gradients, fp32 master weights and two moments: ZeRO paper, Section
3.1); a frozen one holds only its 2-byte bf16 weights. Activations come on top.
The reward and value models are taken to be the same network with a 1-output head in
place of the vocabulary head, a common choice.
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

d, ff, layers, vocab = 4096, 11008, 32, 32000
body = layers * (4 * d * d + 3 * d * ff + 2 * d) + vocab * d + d  # embeddings, norm
policy = body + vocab * d  # with the language-model head
scalar = body + d  # with a head of one output: a score per sequence or per token
TRAINED, FROZEN = 16, 2  # bytes per parameter

# SFT holds the trained policy only: TRAINED bytes for each of its parameters.
setups = {
    "RLHF (PPO)": [
        ("policy", policy, TRAINED),
        ("value", scalar, TRAINED),
        ("reference", policy, FROZEN),
        ("reward", scalar, FROZEN),
    ],
    "DPO": [("policy", policy, TRAINED), ("reference", policy, FROZEN)],
}
print(f"policy {policy:,} parameters; reward or value model {scalar:,}")
print(f"bytes for each parameter of the policy (SFT: the policy's own {TRAINED}):")
for name, models in setups.items():
    total = sum(count * size for _, count, size in models)
    parts = " + ".join(
        f"{role} {count * size / policy:.2f}" for role, count, size in models
    )
    print(
        f"{name:10} {total / policy:5.2f} = {parts}:"
        f" {total / (TRAINED * policy) - 1:.1%} more than SFT, {total / 1e9:.1f} GB"
    )

# The same numbers as bars: bytes per policy parameter, one segment per model.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
colors = dict(policy="#4e79a7", value="#f28e2b", reference="#bab0ac", reward="#59a14f")
bars = {"SFT": setups["DPO"][:1]} | dict(reversed(setups.items()))
fig, ax = plt.subplots(figsize=(5, 2.8))
for row, models in enumerate(bars.values()):
    left = 0.0
    for role, count, size in models:
        width = round(count * size / policy, 2)  # as printed
        state = "trained" if size == TRAINED else "frozen"
        label = f"{role} ({state})" if row == 2 else None
        ax.barh(row, width, left=left, color=colors[role], label=label)
        left += width
    ax.text(left + 0.5, row, f"{left:.2f}", va="center")
ax.set_yticks(range(3), list(bars))
ax.invert_yaxis()
ax.set_xlim(0, 40)
ax.set_xlabel("bytes for each parameter of the policy")
ax.spines[["top", "right"]].set_visible(False)
ax.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=2, frameon=False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("models_in_memory.svg", metadata=no_metadata)
