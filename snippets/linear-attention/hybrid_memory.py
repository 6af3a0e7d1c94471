"""Qwen3-Next-80B-A3B, a hybrid of 36 Gated DeltaNet layers and 12 layers of full
attention (one in four): the parameters of each kind of layer, and what one sequence
keeps in memory at 4K, 32K and 128K tokens, against the same model with full
attention in all 48 layers.

The shapes are those of the model's config.json (Qwen/Qwen3-Next-80B-A3B-Instruct).
The KV cache and the convolution state are counted in bf16 (2 bytes a number), the
recurrent state in float32 (4 bytes), as transformers keeps them.
"""

from itertools import zip_longest

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# --8<-- [start:count]
# Qwen/Qwen3-Next-80B-A3B-Instruct, config.json
hidden, layers, interval = 2048, 48, 4  # full_attention_interval: 1 layer in 4
heads, kv_heads, head_dim = 16, 2, 256  # the full-attention layers
lk_heads, lv_heads, lk_dim, lv_dim = 16, 32, 128, 128  # linear_num_key_heads, ...
conv = 4  # linear_conv_kernel_dim

full = layers // interval
linear = layers - full
key_dim, value_dim = lk_heads * lk_dim, lv_heads * lv_dim
conv_dim = 2 * key_dim + value_dim  # queries, keys and values go through the conv

gated_deltanet = {
    "in_proj_qkvz": hidden * (2 * key_dim + 2 * value_dim),  # q, k, v, output gate z
    "in_proj_ba": hidden * 2 * lv_heads,  # per value head: write strength b, gate a
    "conv1d": conv_dim * conv,  # depthwise: 4 taps per channel, no bias
    "A_log": lv_heads,  # per head: how fast the state decays
    "dt_bias": lv_heads,
    "norm": lv_dim,  # RMSNorm of each head's output, gated by z
    "out_proj": value_dim * hidden,
}
attention = {
    "q_proj": hidden * heads * head_dim * 2,  # queries and an output gate
    "k_proj": hidden * kv_heads * head_dim,
    "v_proj": hidden * kv_heads * head_dim,
    "o_proj": heads * head_dim * hidden,
    "q_norm": head_dim,
    "k_norm": head_dim,
}
print(f"{'Gated DeltaNet layer':30} full-attention layer")
rows = zip_longest(gated_deltanet.items(), attention.items(), fillvalue=("", ""))
for (name, n), (name2, n2) in rows:
    right = f"{name2:8} {n2:12,}" if name2 else ""
    print(f"  {name:13} {n:12,}     {right}".rstrip())
gdn, att = sum(gated_deltanet.values()), sum(attention.values())
hybrid, all_attention = linear * gdn + full * att, layers * att
print(f"  {'total':13} {gdn:12,}     {'total':8} {att:12,}")
print(f"all token mixers: {linear} x {gdn:,} + {full} x {att:,} = {hybrid:,}")
print(f"  with full attention in all {layers} layers: {all_attention:,}")

kv_token = full * 2 * kv_heads * head_dim * 2  # bytes per token, keys and values
conv_state = conv_dim * conv * 2  # the last 4 inputs of the convolution, bf16
recurrent_state = lv_heads * lk_dim * lv_dim * 4  # a d_k x d_v matrix per head, fp32
state = linear * (conv_state + recurrent_state)
print(f"one sequence: a KV cache of {kv_token // 1024} KiB per token on {full} layers")
print(f"  and a state of {conv_state // 1024} KiB (conv)"
      f" + {recurrent_state // 1024} KiB (recurrent) on each of {linear} layers,")
print(f"  {state / 2**20:.2f} MiB at any length")
MiB = 2**20
print(f"{'tokens':>7} {'KV cache':>9} {'+ state':>8} {'= hybrid':>9}"
      f" {'48 attention':>12}   MiB")
for tokens in (4096, 32768, 131072):
    kv = tokens * kv_token
    print(f"{tokens:7} {kv / MiB:9.0f} {state / MiB:8.2f} {(kv + state) / MiB:9.2f}"
          f" {tokens * kv_token * layers / full / MiB:12.0f}")

# --8<-- [end:count]

contexts = [2**i for i in range(10, 19)]  # 1K to 256K, the config's longest
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5.4, 3.3))
curves = {
    f"all {layers} layers attention": [t * kv_token * layers / full for t in contexts],
    f"hybrid: {full} attention\n+ {linear} Gated DeltaNet": [
        t * kv_token + state for t in contexts],
}
for label, gib in curves.items():
    (line,) = ax.loglog(contexts, [round(b / 2**30, 4) for b in gib], marker=".")
    ax.text(contexts[-1] * 1.2, round(gib[-1] / 2**30, 4), label.split(": ")[-1],
            va="center", color=line.get_color(), fontsize=9)
ax.axhline(round(state / 2**30, 4), color="gray", ls="--", lw=1)
ax.text(contexts[0], round(state / 2**30 * 0.8, 4), f"the {linear} Gated DeltaNet"
        " layers' state, the same at any length", fontsize=9, va="top")
ax.set_xticks(contexts[::2], [f"{t // 1024}K" for t in contexts[::2]])
ax.set_yticks([0.1, 1, 10], ["0.1", "1", "10"])
ax.set_ylim(0.03, 40)
ax.minorticks_off()
ax.set_xlabel("context: tokens in the sequence")
ax.set_ylabel("KV cache + state of one sequence, GiB")
ax.set_xlim(right=contexts[-1] * 40)  # room for the labels
ax.spines[["top", "right"]].set_visible(False)
ax.patch.set_visible(False)  # the figure's white background is enough
fig.tight_layout()
fig.savefig("hybrid_memory.svg", metadata={"Date": None})
