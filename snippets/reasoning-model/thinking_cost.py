"""What thinking tokens cost: the KV cache and the decode time of one request to
Qwen3-8B (a model with a thinking mode) in bf16, by the length of its reasoning trace.

Every thinking token is generated like an answer token: it stays in the KV cache for
the rest of the request, and each later step reads it again. The time is a roofline
bound for one sequence on an NVIDIA H100 SXM (GPU memory bandwidth 3.35 TB/s, NVIDIA's
data sheet): each step reads the weights that multiply (all but the embedding table)
and the whole cache so far. The cache and how many requests fit on an 80 GB card come
from the parameter counter (count_params), as in the calculator."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import count_parameters, load_config, memory

BANDWIDTH, BYTES = 3.35e12, 2  # bytes/s, bf16
PROMPT, ANSWER = 200, 500  # tokens of question and of final answer

config = load_config("qwen3-8b")  # a config that comes with the counter
counts = count_parameters(config)
weights = BYTES * (counts["total"] - counts["breakdown"]["embeddings"])  # read per step
per_token = memory(config, {"context_length": 1})["kv_cache"]["bytes"]


def request(thinking):  # cache at the end, seconds reading weights and reading cache
    start, end = PROMPT, PROMPT + thinking + ANSWER  # tokens in context while decoding
    steps = end - start
    cache_reads = per_token * (start + end - 1) * steps / 2  # it grows by 1 a step
    return per_token * end, steps * weights / BANDWIDTH, cache_reads / BANDWIDTH


print(f"Qwen3-8B: {per_token // 2**10} KiB of cache a token, {weights / 1e9:.1f} GB of"
      " weights read a step")
print(f"one request, {PROMPT} prompt tokens and {ANSWER} answer tokens, batch 1, H100:")
print("thinking   cache     decode time (bound)   reading cache   requests that fit")
budgets = [0, 1024, 4096, 16384, 32768]
for thinking in budgets:
    cache, t_weights, t_cache = request(thinking)
    fit = memory(config, {"context_length": PROMPT + thinking + ANSWER, "gpu_gb": 80})
    print(f"{thinking:8,} {cache / 1e9:6.2f} GB {t_weights + t_cache:12.1f} s"
          f" {t_cache / (t_weights + t_cache):17.0%} {fit['fit']['sequences']:15}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.2))
lengths = [1024 * k for k in range(33)]  # 0 to 32K thinking tokens
parts = [request(n)[1:] for n in lengths]
reading_weights = [round(w, 2) for w, _ in parts]
total = [round(w + c, 2) for w, c in parts]
ax.fill_between(lengths, 0, reading_weights, label="reading the weights")
ax.fill_between(lengths, reading_weights, total, label="reading the KV cache")
ax.set_xticks([0, 8192, 16384, 24576, 32768], ["0", "8K", "16K", "24K", "32K"])
ax.set_xlim(0, 32768)
ax.set_ylim(bottom=0)
ax.set_xlabel("thinking tokens before a 500-token answer")
ax.set_ylabel("seconds to decode (bound)")
ax.set_title("Qwen3-8B, bf16, one request on an H100", fontsize=10)
ax.legend(fontsize=8, loc="upper left")
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("thinking_cost.svg", metadata=no_metadata)
