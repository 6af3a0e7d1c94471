"""What tying saves in real models: the output head is a second vocabulary x width
matrix, stored unless it is tied to the token table. Counted by the parameter counter
(count_params) from the published configs that come with it."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import count_parameters, load_config

MODELS = {"gemma-3-270m": "Gemma 3 270M", "gpt2": "GPT-2 small",
          "gemma-2-2b": "Gemma 2 2B", "qwen2.5-1.5b-instruct": "Qwen2.5 1.5B",
          "llama-3-8b": "Llama 3 8B", "llama-2-7b": "Llama 2 7B"}
print("model         vocabulary width  V x d, one table   stored total  head"
      "  head share")
parts = {}
for name, label in MODELS.items():
    c = load_config(name)
    V, d = c["vocab_size"], c.get("n_embd") or c["hidden_size"]
    result = count_parameters(c)
    tied = result["tied_output_head"]
    untied_total = result["total"] + (V * d if tied else 0)
    share = 100 * V * d / untied_total  # of the model with a separate head: saved
    parts[label] = (tied, [round(100 * n / untied_total, 1)
                           for n in (untied_total - 2 * V * d, V * d, V * d)])
    print(f"{label:13} {V:>10,} {d:>5,} {V * d:>17,} {result['total']:>14,}"
          f"  {'tied' if tied else 'own':>4}  {share:9.1f}%")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.2, 3.9))
for y, (label, (tied, (rest, table, head))) in enumerate(parts.items()):
    ax.barh(y, rest, 0.6, color="0.75", label="rest of the model" if y == 0 else None)
    ax.barh(y, table, 0.6, rest, color="#4e79a7",
            label="token table (V \u00d7 d)" if y == 0 else None)
    if tied:  # the head is the table again: nothing stored
        ax.barh(y, head, 0.6, rest + table, fc="none", ec="#4e79a7", ls="--",
                label="output head, tied: not stored" if y == 0 else None)
    else:
        ax.barh(y, head, 0.6, rest + table, color="#f28e2b",
                label="output head, stored" if y == 4 else None)
    what = "tied, saves" if tied else "untied, head"
    ax.text(-2, y, f"{label}\n{what} {head:g}%", ha="right", va="center", fontsize=8)
ax.set_yticks([])
ax.invert_yaxis()
ax.set_xlim(0, 100)
ax.set_xlabel("share of the parameters with a separate head, %")
ax.legend(fontsize=8, ncol=2, loc="upper center", bbox_to_anchor=(0.4, -0.22))
ax.spines[["top", "right", "left"]].set_visible(False)
fig.tight_layout()
fig.savefig("tying_by_model.svg", metadata={"Date": None})
