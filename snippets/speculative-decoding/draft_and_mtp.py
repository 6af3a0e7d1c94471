"""Speculative decoding, worked out with the counter. A draft model (Qwen2.5 1.5B)
proposes g tokens, the target (Qwen2.5 7B) checks them in one pass that reads its
weights once; with acceptance rate a per token, a pass yields (1 - a^(g+1)) / (1 - a)
tokens on average (Leviathan et al. 2023). Then DeepSeek-V3's multi-token prediction
(MTP) module: its parameters, and the tokens per weight read at the acceptance rates
its report gives for the second token (85% to 90%)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import count_parameters, load_config
from count_params.speed import plan

# --8<-- [start:draft]
OPTIONS = {"device": "rtx-4090", "weights": "q4_k_m", "context_length": 2048}
target, draft = load_config("qwen2.5-7b"), load_config("qwen2.5-1.5b-instruct")
t_step = plan(target, OPTIONS)["speed"]["decode_seconds_per_step_min"]
d_step = plan(draft, OPTIONS)["speed"]["decode_seconds_per_step_min"]
d_bytes = plan(draft, OPTIONS)["fit"]["per_device"][0]["total"]
print(f"draft in memory: {d_bytes / 1e9:.2f} GB; one step reads "
      f"{d_step / t_step:.0%} of what a target step reads")
print(f"plain decoding: at most {1 / t_step:.0f} tokens/s")


def expected_tokens(a, g):  # tokens per target pass: accepted drafts + 1
    return (1 - a ** (g + 1)) / (1 - a)


def bound(a, g):  # g draft steps and one target pass per round
    return expected_tokens(a, g) / (t_step + g * d_step)


print("acceptance  tokens/pass (g=4)  tokens/s at most: g=2   g=4   g=8")
for a in (0.5, 0.7, 0.8, 0.9):
    rates = "".join(f"{bound(a, g):6.0f}" for g in (2, 4, 8))
    print(f"{a:10.0%}  {expected_tokens(a, 4):17.2f}  {rates:>28}")
# --8<-- [end:draft]

# --8<-- [start:mtp]
v3 = load_config("deepseek-v3")
one_more = {**v3, "num_hidden_layers": v3["num_hidden_layers"] + 1}
layer = count_parameters(one_more)["total"] - count_parameters(v3)["total"]
d = v3["hidden_size"]
mtp = layer + 2 * d * d + 2 * d  # a MoE layer, a 2d -> d projection, two norms
print(f"DeepSeek-V3 MTP module: {mtp / 1e9:.2f}B parameters (embedding and output "
      f"head shared with the model), {mtp / count_parameters(v3)['total']:.1%} more")
for a in (0.85, 0.90):
    print(f"second token accepted {a:.0%}: {expected_tokens(a, 1):.2f} tokens per "
          "pass over the weights")
# --8<-- [end:mtp]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.3))
alphas = [i / 20 for i in range(20)]  # 0 to 0.95
for g, style in zip((2, 4, 8), ("-", "--", "-."), strict=True):
    ax.plot(alphas, [round(bound(a, g), 1) for a in alphas], style,
            label=f"draft {g} tokens")
ax.axhline(round(1 / t_step, 1), color="gray", lw=1, label="plain decoding")
ax.set_xlabel("acceptance rate of a drafted token")
ax.set_ylabel("tokens/s (bandwidth bound)")
ax.set_title("Qwen2.5 7B with a 1.5B draft, RTX 4090, Q4_K_M", fontsize=10)
ax.legend(fontsize=8)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("draft_and_mtp.svg", metadata=no_metadata)
