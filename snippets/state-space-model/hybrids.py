"""Hybrid SSM models against a transformer of their size: which layers mix tokens how,
the parameters of a Mamba-2 layer, and what one sequence keeps in memory at 4K, 32K
and 128K tokens.

- Llama 3.1 8B: 32 attention layers (Llama 3 8B's shapes; the config comes with the
  parameter counter, count_params).
- Nemotron-H 8B: 24 Mamba-2 layers, 4 attention layers and 24 MLP layers, in the order
  of its hybrid_override_pattern (M Mamba-2, * attention, - MLP).
- Falcon-H1 7B: attention and Mamba-2 side by side in each of its 44 layers.

The KV cache and the convolution state in bf16 (2 bytes a number), the SSM state in
float32 (4 bytes), as transformers keeps them.
"""

import matplotlib
from count_params import load_config

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# --8<-- [start:count]
llama = load_config("llama-3-8b")
models = {  # attention layers, KV heads, head_dim; Mamba-2 layers and their shapes
    "Llama 3.1 8B": dict(attention=llama["num_hidden_layers"],
                         kv_heads=llama["num_key_value_heads"],
                         head_dim=llama["hidden_size"] // llama["num_attention_heads"],
                         mamba=0),
}
# nvidia/Nemotron-H-8B-Base-8K, config.json
pattern = "M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M-"
models["Nemotron-H 8B"] = dict(attention=pattern.count("*"), kv_heads=8, head_dim=128,
                               mamba=pattern.count("M"), heads=128, mamba_head_dim=64,
                               groups=8, d_state=128, d_conv=4)
# tiiuae/Falcon-H1-7B-Instruct, config.json
models["Falcon-H1 7B"] = dict(attention=44, kv_heads=2, head_dim=128, mamba=44,
                              heads=24, mamba_head_dim=128, groups=1, d_state=256,
                              d_conv=4)


def memory(m):
    kv_token = m["attention"] * 2 * m["kv_heads"] * m["head_dim"] * 2  # bytes
    if not m["mamba"]:
        return kv_token, 0
    d_inner = m["heads"] * m["mamba_head_dim"]
    conv = (d_inner + 2 * m["groups"] * m["d_state"]) * m["d_conv"] * 2
    ssm = m["heads"] * m["mamba_head_dim"] * m["d_state"] * 4
    return kv_token, m["mamba"] * (conv + ssm)


# Nemotron-H 8B's Mamba-2 layer (use_bias false, use_conv_bias true)
hidden, n = 4096, models["Nemotron-H 8B"]
d_inner = n["heads"] * n["mamba_head_dim"]
conv_dim = d_inner + 2 * n["groups"] * n["d_state"]
mamba_layer = {
    "in_proj": hidden * (d_inner + conv_dim + n["heads"]),  # z, x B C, dt
    "conv1d": conv_dim * n["d_conv"] + conv_dim,  # depthwise weights and a bias
    "dt_bias, A_log, D": 3 * n["heads"],
    "norm": d_inner,
    "out_proj": d_inner * hidden,
}
print(f"Nemotron-H 8B, one Mamba-2 layer: {sum(mamba_layer.values()):,} parameters")
for name, count in mamba_layer.items():
    print(f"  {name:17} {count:11,}")

MiB = 2**20
print(f"\n{'':14} {'attention':>9} {'Mamba-2':>7} {'KV/token':>8} {'state':>9}"
      "   one sequence at 4K, 32K, 128K")
for name, m in models.items():
    kv_token, state = memory(m)
    at = "  ".join(f"{(t * kv_token + state) / 2**30:5.2f}"
                   for t in (4096, 32768, 131072))
    print(f"{name:14} {m['attention']:9} {m['mamba']:7} {kv_token // 1024:4} KiB"
          f" {state / MiB:5.1f} MiB   {at} GiB")

# --8<-- [end:count]

contexts = [2**i for i in range(10, 18)]  # 1K to 128K
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.4, 3.3))
for name, m in models.items():
    kv_token, state = memory(m)
    gib = [round((t * kv_token + state) / 2**30, 4) for t in contexts]
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
