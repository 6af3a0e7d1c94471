"""The routers of real mixtures of experts, from their published configs: how many
parameters they hold, next to the model's total, and how many of a layer's experts a
batch of tokens needs.

A router is one matrix per MoE layer, width x routed experts. Qwen1.5-MoE adds a gate
of width x 1 for its shared expert. The layers with a router: every layer
(Mixtral, Qwen), all but the first few dense ones (DeepSeek). If each token picked
its k experts of E at random, an expert would sit idle for a batch of B tokens with
probability (1 - k/E)**B: the share of experts a batch touches is 1 minus that. Counts
come from the parameter counter (count_params) and the configs that come with it.
"""

from count_params import count_parameters, load_config

MODELS = ["mixtral-8x7b-v0.1", "qwen1.5-moe-a2.7b", "qwen3-30b-a3b",
          "deepseek-v2-lite", "deepseek-v3"]


def experts(c):  # routed experts per layer: each family names the key its own way
    for key in ("num_local_experts", "num_experts", "n_routed_experts"):
        if key in c:
            return c[key]


def router_parameters(c):
    moe_layers = c["num_hidden_layers"] - c.get("first_k_dense_replace", 0)
    per_layer = c["hidden_size"] * experts(c)  # one score per expert
    if "shared_expert_intermediate_size" in c:  # Qwen2-MoE: a gate on the shared expert
        per_layer += c["hidden_size"]
    return moe_layers, moe_layers * per_layer


print(f"{'model':21} {'E':>4} {'k':>2} {'shared':>6} {'layers':>6}"
      f" {'router':>12} {'of total':>8}   experts used by 1, 8, 64 tokens")
for name in MODELS:
    c = load_config(name)
    E, k = experts(c), c["num_experts_per_tok"]
    qwen_shared = 1 if "shared_expert_intermediate_size" in c else 0
    shared = c.get("n_shared_experts", qwen_shared)
    layers, router = router_parameters(c)
    total = count_parameters(c)["total"]
    used = "  ".join(f"{1 - (1 - k / E) ** B:4.0%}" for B in (1, 8, 64))
    print(f"{name:21} {E:4} {k:2} {shared:6} {layers:6} {router:12,}"
          f" {router / total:8.3%}   {used}")
