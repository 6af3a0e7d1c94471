"""The most tokens per second an H100 SXM can decode for Llama 3 8B in bf16, by batch:
a roofline bound, with and without a KV cache to read.

Each step reads the weights that multiply (all but the embedding table, whose B rows
are all it reads) and every sequence's cache, and does 2N FLOPs per token for the
weights plus 4 L c d for attention at context c; it takes whichever is longer, the
reading or the arithmetic. Peak figures as in decode_batch.py (NVIDIA's data sheet);
a batch stops where its caches no longer fit beside the weights in the card's 80 GB.
"""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import count_parameters, load_config, memory

# --8<-- [start:bound]
PEAK, BANDWIDTH, BYTES = 1979e12 / 2, 3.35e12, 2  # FLOP/s, bytes/s, bf16

config = load_config("llama-3-8b")  # a config that comes with the counter
L, d = config["num_hidden_layers"], config["hidden_size"]
counts = count_parameters(config)
N = counts["total"] - counts["breakdown"]["embeddings"]
RIDGE = round(PEAK / BANDWIDTH)  # the crossover batch of decode_batch.py
batches = sorted([2**k for k in range(11)] + [RIDGE])  # 1 to 1024 sequences


def tokens_per_second(batch, context, cache_bytes):
    reading = (BYTES * N + batch * cache_bytes) / BANDWIDTH
    computing = batch * (2 * N + 4 * L * context * d) / PEAK
    return batch / max(reading, computing)


curves = {}
shown = (1, 8, 64, RIDGE, 1024)
print("cache per sequence  fits in 80 GB  tokens/s at batch", *shown)
for context in (0, 1024, 8192):  # 0: no cache, the weights alone
    if context:
        fit = memory(config, {"context_length": context, "gpu_gb": 80})
        cache, fits = fit["kv_cache"]["bytes"], fit["fit"]["sequences"]
    else:
        cache, fits = 0, None  # no cache: any batch fits
    curves[context] = [(b, round(tokens_per_second(b, context, cache)))
                       for b in batches if fits is None or b <= fits]
    rates = dict(curves[context])
    name = f"{context:5} tokens" if context else "none"
    print(f"{name:18}  {fits or 'any':>13}  " + " ".join(
        f"{rates[b]:>7,}" if b in rates else "      -" for b in shown))
# --8<-- [end:bound]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.3))
for context, points in curves.items():
    label = f"cache of {context} tokens each" if context else "weights only"
    ax.loglog(*zip(*points, strict=True), marker=".", label=label)
ax.axvline(RIDGE, color="gray", ls="--", lw=1, label=f"compute-bound from B = {RIDGE}")
ax.set_xticks([4**k for k in range(6)], [str(4**k) for k in range(6)])
ax.set_yticks([300, 1e3, 3e3, 1e4, 3e4], ["300", "1K", "3K", "10K", "30K"])
ax.minorticks_off()
ax.set(xlim=(0.7, 1500), ylim=(150, 100000))  # fixed: the same bytes on every CPU
ax.set_xlabel("batch: sequences decoded together")
ax.set_ylabel("tokens per second (bound)")
ax.set_title("Llama 3 8B, H100: a cache keeps decoding memory-bound", fontsize=10)
ax.legend(fontsize=8)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("decode_throughput.svg", metadata=no_metadata)
