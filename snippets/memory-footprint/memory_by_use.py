"""Where the memory goes: Llama-2-7B's weights, KV cache, gradients, optimizer state and
activations, for inference and for four ways to fine-tune it, as the calculator counts
them (memory() of the parameter counter, count_params). Its AdamW keeps the weights,
the gradients and both moments in fp32."""

import matplotlib
from count_params import load_config, memory

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# --8<-- [start:parts]
config = load_config("llama-2-7b")  # a config that comes with the counter
TOKENS = 2048  # one sequence
runs = {  # label: the calculator's options
    "inference, bf16 weights": {"training": "none"},
    "AdamW, fp32": {"training": "adamw"},
    "AdamW, fp32, gradient checkpointing": {"training": "adamw", "checkpointing": "on"},
    "LoRA r=16, gradient checkpointing": {"training": "lora", "checkpointing": "on"},
    "QLoRA r=16, gradient checkpointing": {"training": "qlora", "checkpointing": "on"},
}
PARTS = ["weights", "kv_cache", "gradients", "optimizer_states", "activations"]
gb = {}
print(f"Llama-2-7B, one sequence of {TOKENS:,} tokens, GB:")
print(f"{'':35} weights  KV cache  grads  optimizer  activations  total")
for label, options in runs.items():
    m = memory(config, {"context_length": TOKENS, **options})
    if m["training"] is None:  # inference: the weights and the KV cache
        nbytes = [m["weights"]["bytes"], m["kv_cache"]["bytes"], 0, 0, 0]
    else:  # training: no KV cache
        nbytes = [m["training"][part] if part != "kv_cache" else 0 for part in PARTS]
    gb[label] = [b / 1e9 for b in nbytes]
    w, kv, grads, opt, act = gb[label]
    print(
        f"{label:35} {w:7.2f} {kv:9.2f} {grads:6.2f} {opt:10.2f} {act:12.2f}"
        f" {sum(gb[label]):6.1f}"
    )
# --8<-- [end:parts]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # short font list per text
fig, ax = plt.subplots(figsize=(4.6, 3.2), layout="constrained")
colors = ["#4e79a7", "#59a14f", "#f28e2b", "#bab0ac", "#e15759"]
names = ["weights", "KV cache", "gradients", "optimizer state", "activations"]
left = [0.0] * len(runs)
for i, (name, color) in enumerate(zip(names, colors, strict=True)):
    widths = [parts[i] for parts in gb.values()]
    ax.barh(range(len(runs)), widths, 0.5, left=left, color=color, label=name)
    left = [a + b for a, b in zip(left, widths, strict=True)]
for row, (label, total) in enumerate(zip(runs, left, strict=True)):
    ax.text(0, row - 0.3, f"{label}: {total:.1f} GB")  # above its bar
ax.invert_yaxis()
ax.set_yticks([])
ax.set_xlim(0, 145)
ax.set_xlabel(f"GB, one sequence of {TOKENS:,} tokens")
ax.spines[["top", "right", "left"]].set_visible(False)
fig.legend(loc="outside lower left", frameon=False, ncols=3)
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])
fig.savefig("memory_by_use.svg", metadata=no_metadata)
