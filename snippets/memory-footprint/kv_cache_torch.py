"""The KV cache: during generation each layer keeps the keys and values of every past
token.

Bytes per token = 2 (keys and values) x layers x key/value heads x head dim x bytes per
number.
It is measured here on a tiny model's real cache, then applied to published
configurations.
"""

import torch

torch.manual_seed(0)
layers, kv_heads, head_dim, dtype = 4, 2, 8, torch.float16


def kv_bytes_per_token(layers, kv_heads, head_dim, nbytes):
    return 2 * layers * kv_heads * head_dim * nbytes


# Generate 10 tokens; every step appends one key and one value per layer and head.
cache = [
    {
        "k": torch.empty(kv_heads, 0, head_dim, dtype=dtype),
        "v": torch.empty(kv_heads, 0, head_dim, dtype=dtype),
    }
    for _ in range(layers)
]
for _ in range(10):
    for entry in cache:
        for name in ("k", "v"):
            new = torch.randn(kv_heads, 1, head_dim).to(dtype)
            entry[name] = torch.cat([entry[name], new], dim=1)
measured = sum(entry[n].nbytes for entry in cache for n in ("k", "v"))
formula = kv_bytes_per_token(layers, kv_heads, head_dim, 2) * 10
print(f"tiny model, 10 tokens: measured {measured} bytes, formula {formula} bytes")

# Published configurations (see snippets/parameter-count/configs/): layers, key/value
# heads, head dim.
models = {
    "Llama-2-7B (32 kv heads)": (32, 32, 128),
    "Llama-3-8B (8 kv heads)": (32, 8, 128),
    "Mistral-7B (8 kv heads)": (32, 8, 128),
    "TinyLlama-1.1B (4 kv heads)": (22, 4, 64),
}
GB, GiB, tokens = 10**9, 2**30, 4096
print(f"\nfp16 cache, per token and for {tokens} tokens of one sequence:")
for name, (n_layers, n_kv, h) in models.items():
    per_token = kv_bytes_per_token(n_layers, n_kv, h, 2)
    total = per_token * tokens
    print(
        f"  {name:28} {per_token:>7,} B/token = {per_token / 2**10:5.0f} KiB   "
        f"{total / GB:5.2f} GB = {total / GiB:5.2f} GiB"
    )
