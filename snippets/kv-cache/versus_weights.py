"""The KV cache of real models next to their weights, both in bf16 (2 bytes a number).

Shapes come from the published configs that the parameter counter reads; the weights
are counted by that counter (count_params)."""

from count_params import count_parameters, load_config

GB, BYTES = 10**9, 2  # bf16


def config(name):  # a config that comes with the counter
    return load_config(name)


# --8<-- [start:per_token]
def kv_bytes_per_token(c):
    L, H = c["num_hidden_layers"], c["num_attention_heads"]
    K = c.get("num_key_value_heads", H)  # absent means one per query head (MHA)
    h = c.get("head_dim", c["hidden_size"] // H)
    return 2 * L * K * h * BYTES  # a key and a value per layer and key/value head
# --8<-- [end:per_token]


print("model            KiB/token  weights GB  cache, one full sequence  = weights at")
for name in ["tinyllama-1.1b", "llama-2-7b", "mistral-7b-v0.1", "llama-3-8b"]:
    c = config(name)
    per_token = kv_bytes_per_token(c)
    weights = count_parameters(c)["total"] * BYTES
    ctx = c["max_position_embeddings"]
    kept = min(ctx, c.get("sliding_window") or ctx)  # a sliding window caps the cache
    cache = per_token * kept
    print(f"{name:16} {per_token / 2**10:>9.0f}  {weights / GB:>10.2f}"
          f"  {cache / GB:>5.2f} GB ({kept:>5,} tok)  {weights // per_token:>8,} tok")

c = config("llama-3-8b")
per_token, weights = kv_bytes_per_token(c), count_parameters(c)["total"] * BYTES
for batch, tokens in [(1, 8_192), (1, 131_072), (8, 131_072)]:
    cache = batch * tokens * per_token
    print(f"Llama 3 8B, batch {batch}, {tokens:>7,} tokens each:"
          f" cache {cache / GB:5.1f} GB = {cache / weights:3.1f} x the weights")
