"""FLOPs per token of two real models: 2N forward, 6N training, the active count for a
mixture of experts, and the attention term that grows with the context.

N is the parameters that multiply a token's vector: all but the input embedding table,
which is looked up (one row read, nothing multiplied). Both models have an untied output
head, a V x d matrix that does multiply, so it stays in N. Counts come from the
parameter counter and the published configs it reads (meta-llama/Llama-2-7b-hf,
mistralai/Mixtral-8x7B-v0.1); Llama 2 was trained on 2.0T tokens (Llama 2 paper,
Table 1).
"""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import count_parameters, load_config

G = 1e9


def config(name):  # a config that comes with the counter (count_params)
    return load_config(name)


llama_config = config("llama-2-7b")
llama = count_parameters(llama_config)
table = llama["breakdown"]["embeddings"]  # the input embedding table, V x d
N = llama["total"] - table
print(f"Llama-2-7B: {llama['total']:,} parameters")
print(f"  less the embedding table ({table:,}): N = {N:,}")
print(f"  forward 2N = {2 * N / G:.1f} GFLOP per token;"
      f" training 6N = {6 * N / G:.1f} GFLOP per token")
print(f"  training on D = 2.0e12 tokens: 6ND = {6 * N * 2.0e12:.2e} FLOPs")
print(f"  (2 x all parameters, table included: {2 * llama['total'] / G:.1f} GFLOP)")

mixtral = count_parameters(config("mixtral-8x7b-v0.1"))
table = mixtral["breakdown"]["embeddings"]
active = mixtral["active"] - table  # the experts a token is routed to, and the rest
print(f"Mixtral 8x7B: {mixtral['total']:,} parameters, {mixtral['active']:,} active"
      " per token")
print(f"  active less the embedding table: N = {active:,}")
print(f"  forward 2N = {2 * active / G:.1f} GFLOP per token, not"
      f" {2 * (mixtral['total'] - table) / G:.1f} with every expert")

# Attention: a query times the keys (q.k), then the pattern times the values, each
# 2 FLOPs per multiply-add for each of the c tokens attended to and each of d widths.
L, d = llama_config["num_hidden_layers"], llama_config["hidden_size"]
print("Llama-2-7B attention FLOPs per token at context c, and their share of 2N:")
print("  context c   per decoded token at context c   averaged over a causal sequence")
print("              (4 L c d)                        of c tokens (2 L c d)")
for c in (4096, 32768, 131072):
    decoded = 4 * L * c * d  # one new token attends to all c tokens in the cache
    averaged = 2 * L * c * d  # token i attends to i tokens: c/2 on average
    print(f"  {c:9}   {decoded / G:5.1f} GFLOP = {decoded / (2 * N):4.0%} of 2N"
          f"         {averaged / G:5.1f} GFLOP = {averaged / (2 * N):4.0%} of 2N")
for per_c, name in [(4, "per decoded token"), (2, "averaged over a sequence")]:
    print(f"  attention = 2N at c = {2 * N / (per_c * L * d):,.0f} ({name})")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.2))
contexts = [2**14 * k for k in range(9)]  # 0 to 131072 tokens
for per_c, label in [(4, "per decoded token: 2N + 4Lcd"),
                     (2, "averaged over a sequence: 2N + 2Lcd")]:
    gflop = [round((2 * N + per_c * L * c * d) / G, 2) for c in contexts]
    ax.plot(contexts, gflop, label=label)
ax.axhline(round(2 * N / G, 2), color="gray", ls="--", label="the weights alone: 2N")
ax.set_xticks(contexts[::2], [f"{c // 1024}K" if c else "0" for c in contexts[::2]])
ax.set_ylim(bottom=0)
ax.set_xlabel("context c (tokens)")
ax.set_ylabel("GFLOP per token")
ax.set_title("Llama-2-7B: the context sets the cost past ~25K tokens", fontsize=10)
ax.legend(fontsize=8)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("flops_vs_context.svg", metadata=no_metadata)
