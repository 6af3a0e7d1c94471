"""How many tokens of KV cache fit on a 24 GB card after the weights, for three kinds
of attention: grouped-query (Llama 3 8B), sliding-window layers with an explicit
head_dim (Gemma 2 2B) and multi-head latent attention (DeepSeek-V2-Lite).

Shapes come from the published configs; the weights in each format are the calculator's
(memory() of the parameter counter, count_params). The cache is bf16. A card
sold as "24 GB" holds 24 GiB (2**30 bytes each), as the calculator assumes; the table
prints GB = 10**9 bytes. Left out: activations, the runtime's own memory and
fragmentation. Last, one sequence's cache against the context for three kinds of
attention, printed and drawn."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import load_config, memory

CARD, BF16 = 24 * 2**30, 2


def config(name):  # a config that comes with the counter
    return load_config(name)


def weights(c, fmt):  # AWQ int4 keeps the embeddings, output head and norms in 16 bits
    return memory(c, {"weights": fmt})["weights"]["bytes"]


# --8<-- [start:cache]
def per_layer_token(c, latent=True):  # bytes one layer caches for one token
    if "kv_lora_rank" in c:  # MLA: the latent and the rotary key, or rebuilt K and V
        if latent:
            return (c["kv_lora_rank"] + c["qk_rope_head_dim"]) * BF16
        k = c["qk_nope_head_dim"] + c["qk_rope_head_dim"]
        return c["num_attention_heads"] * (k + c["v_head_dim"]) * BF16
    H = c["num_attention_heads"]
    head_dim = c.get("head_dim", c["hidden_size"] // H)  # explicit head_dim wins
    K = 1 if c.get("multi_query") else c.get("num_key_value_heads", H)  # Falcon: MQA
    return 2 * K * head_dim * BF16


def per_sequence(c, per_token, context):  # one sequence's cache, all layers
    L = c["num_hidden_layers"]
    local = L // 2 if c["model_type"] == "gemma2" else 0  # every other layer slides
    window = min(context, c.get("sliding_window") or context)
    return ((L - local) * context + local * window) * per_token
# --8<-- [end:cache]


CONTEXT = 8192
print(f"sequences of {CONTEXT:,} tokens that fit on a 24 GB card"
      f" ({CARD / 1e9:.2f} GB):")
print(f"{'model':23} {'weights':>8} {'GB':>5} {'left GB':>8} {'KiB/token':>10}"
      f" {'MiB/seq':>8} {'fit':>4}")
for name, fmt, latent in [
    ("llama-3-8b", "bf16", True),
    ("llama-3-8b", "awq-int4", True),
    ("gemma-2-2b", "bf16", True),
    ("deepseek-v2-lite", "awq-int4", True),
    ("deepseek-v2-lite", "awq-int4", False),
]:
    c = config(name)
    w = weights(c, fmt)
    per_token = per_layer_token(c, latent)
    seq = per_sequence(c, per_token, CONTEXT)
    label = name + ("" if latent or "kv_lora_rank" not in c else " (K, V)")
    full = per_token * c["num_hidden_layers"] / 2**10
    print(f"{label:23} {fmt:>8} {w / 1e9:5.2f} {(CARD - w) / 1e9:8.2f} {full:10.1f}"
          f" {seq / 2**20:8.0f} {int((CARD - w) // seq):4}")

c = config("gemma-2-2b")
wrong = 2 * c["num_key_value_heads"] * c["hidden_size"] // c["num_attention_heads"]
print(f"Gemma 2 2B: width {c['hidden_size']}, {c['num_attention_heads']} heads of"
      f" head_dim {c['head_dim']}, not {c['hidden_size'] // c['num_attention_heads']}:"
      f" {wrong * BF16} B a layer and token instead of {per_layer_token(c)}")
L, per_token = c["num_hidden_layers"], per_layer_token(c)
print(f"Gemma 2 2B: {L * per_token / 2**10:g} KiB a token on all {L} layers,"
      f" {L // 2 * per_token / 2**10:g} KiB on the {L // 2} global ones;"
      f" {CONTEXT:,} tokens: {per_sequence(c, per_token, CONTEXT) / 2**20:g} MiB,"
      f" {L * per_token * CONTEXT / 2**20:g} MiB if every layer were global")

# One sequence's cache against the context, for three kinds of attention.
KINDS = {"llama-2-7b": "Llama 2 7B, MHA", "llama-3-8b": "Llama 3 8B, GQA",
         "deepseek-v2-lite": "DeepSeek-V2-Lite, MLA"}
contexts = [2**k for k in range(10, 18)]  # 1024 to 131072 tokens
print("one sequence's cache, GB, at 4K 32K 128K tokens:")
curves = {}
for name in KINDS:
    c = config(name)
    curves[name] = [per_sequence(c, per_layer_token(c), t) / 1e9 for t in contexts]
    print(f"  {name:17}" + "".join(f"{curves[name][contexts.index(t)]:6.2f}"
                                   for t in (4096, 32768, 131072)))

# The parts of the cache for the page's interactive figure, which reads these lines
ATTENTION = {"llama-2-7b": "MHA", "llama-3-8b": "GQA", "falcon-7b": "MQA",
             "gemma-2-2b": "GQA", "deepseek-v2-lite": "MLA"}
print("bf16 cache per token and layer, layers (sliding ones), and bf16 weights:")
for name, kind in ATTENTION.items():
    c = config(name)
    L, window = c["num_hidden_layers"], c.get("sliding_window")
    local = L // 2 if c["model_type"] == "gemma2" else 0  # as in per_sequence
    slides = f", {local} within {window:,} tokens" if local else ""
    print(f"  {name:17} {kind}  {per_layer_token(c):6,} B x {L} layers{slides};"
          f" weights {weights(c, 'bf16'):,} B")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.3))
for name, label in KINDS.items():
    (line,) = ax.loglog(contexts, [round(gb, 3) for gb in curves[name]])
    ax.text(contexts[-1], round(curves[name][-1], 3), " " + label, va="center",
            color=line.get_color(), fontsize=9)  # the label at the line's end
ax.axhline(CARD / 1e9, color="gray", ls="--", lw=1)
ax.text(contexts[0], CARD / 1e9 * 1.2, "a whole 24 GB card", fontsize=9)
ax.set_xticks(contexts[:5:2] + [contexts[-1]],
              [f"{t // 1024}K" for t in contexts[:5:2] + [contexts[-1]]])
ax.set_yticks([0.1, 1, 10], ["0.1", "1", "10"])
ax.minorticks_off()
ax.set_xlabel("context: tokens in the sequence")
ax.set_ylabel("cache of one sequence, GB")
ax.set_xlim(right=contexts[-1] * 30)  # room for the labels
ax.spines[["top", "right"]].set_visible(False)
ax.patch.set_visible(False)  # the figure's white background is enough
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("cache_by_context.svg", metadata=no_metadata)
