"""Hybrid SSM models against a transformer of their size: which layers mix tokens how,
the parameters of a Mamba-2 layer, and what one sequence keeps in memory at 4K, 32K
and 128K tokens.

- Llama 3.1 8B: 32 attention layers (Llama 3 8B's shapes).
- Nemotron-H 8B: 24 Mamba-2 layers, 4 attention layers and 24 MLP layers, in the order
  of its hybrid_override_pattern (M Mamba-2, * attention, - MLP).
- Falcon-H1 7B: attention and Mamba-2 side by side in each of its 44 layers.

The three configs come with the parameter counter (count_params), whose memory() sizes
the KV cache and the states: the KV cache and the convolution state in bf16 (2 bytes a
number), the SSM state in float32 (4 bytes), as transformers keeps them.
"""

import matplotlib
from count_params import load_config, memory

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# --8<-- [start:count]
models = {"Llama 3.1 8B": "llama-3-8b", "Nemotron-H 8B": "nemotron-h-8b-base-8k",
          "Falcon-H1 7B": "falcon-h1-7b-instruct"}
configs = {name: load_config(stem) for name, stem in models.items()}


def cache(config, tokens):
    """One sequence's KV cache and states, in bytes, as the counter sizes them."""
    options = {"context_length": tokens, "kv_cache_dtype": "bf16"}
    return memory(config, options)["kv_cache"]


# Nemotron-H 8B's Mamba-2 layer (use_bias false, use_conv_bias true)
n = configs["Nemotron-H 8B"]
hidden, heads = n["hidden_size"], n["mamba_num_heads"]
d_inner = heads * n["mamba_head_dim"]
conv_dim = d_inner + 2 * n["n_groups"] * n["ssm_state_size"]
mamba_layer = {
    "in_proj": hidden * (d_inner + conv_dim + heads),  # z, x B C, dt
    "conv1d": conv_dim * n["conv_kernel"] + conv_dim,  # depthwise weights and a bias
    "dt_bias, A_log, D": 3 * heads,
    "norm": d_inner,
    "out_proj": d_inner * hidden,
}
print(f"Nemotron-H 8B, one Mamba-2 layer: {sum(mamba_layer.values()):,} parameters")
for name, count in mamba_layer.items():
    print(f"  {name:17} {count:11,}")

MiB = 2**20
print(f"\n{'':14} {'attention':>9} {'Mamba-2':>7} {'KV/token':>8} {'state':>9}"
      "   one sequence at 4K, 32K, 128K")
for name, config in configs.items():
    kv = cache(config, 1)  # one token: what each more token adds, and the states
    kv_token = kv["full_layers"] * kv["values_per_layer_token"] * kv["bytes_per_value"]
    at = "  ".join(f"{cache(config, t)['bytes'] / 2**30:5.2f}"
                   for t in (4096, 32768, 131072))
    print(f"{name:14} {kv['full_layers']:9} {kv['recurrent_layers']:7}"
          f" {kv_token // 1024:4} KiB {kv['state_bytes'] / MiB:5.1f} MiB   {at} GiB")

# --8<-- [end:count]

contexts = [2**i for i in range(10, 18)]  # 1K to 128K
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.4, 3.3))
for name, config in configs.items():
    gib = [round(cache(config, t)["bytes"] / 2**30, 4) for t in contexts]
    (line,) = ax.loglog(contexts, gib, marker=".")
    ax.text(contexts[-1] * 1.2, gib[-1], name, va="center", color=line.get_color(),
            fontsize=9)
ax.set_xticks(contexts[::2], [f"{t // 1024}K" for t in contexts[::2]])
ax.set_yticks([0.1, 1, 10], ["0.1", "1", "10"])
ax.minorticks_off()
ax.set_xlabel("context: tokens in the sequence")
ax.set_ylabel("KV cache + state of one sequence, GiB")
ax.set_xlim(right=contexts[-1] * 25)  # room for the labels
ax.spines[["top", "right"]].set_visible(False)
ax.patch.set_visible(False)  # the figure's white background is enough
fig.tight_layout()
fig.savefig("hybrid_memory.svg", metadata={"Date": None})
