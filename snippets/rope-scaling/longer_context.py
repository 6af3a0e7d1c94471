"""What rope_scaling adds to Qwen3-8B: no parameters, and a KV cache four times as
large at four times the context.

The config is the one that comes with the parameter counter (count_params); the
rope_scaling block is the one Qwen's model card gives for 131,072 tokens. The cache is
bf16, for one sequence, from the counter's memory().
"""

from count_params import count_parameters, load_config, memory

config = load_config("qwen3-8b")
scaled = {**config, "rope_scaling": {"rope_type": "yarn", "factor": 4.0,
                                     "original_max_position_embeddings": 32768}}
before, after = count_parameters(config)["total"], count_parameters(scaled)["total"]
print(f"parameters: {before:,} without rope_scaling, {after:,} with it")

weights = memory(scaled, {"weights": "bf16"})["weights"]["bytes"]
print(f"weights in bf16: {weights / 1e9:.1f} GB at any context")
for tokens in (32_768, 131_072):
    cache = memory(scaled, {"context_length": tokens})["kv_cache"]
    print(f"KV cache at {tokens:>7,} tokens: {cache['bytes'] / 1e9:5.1f} GB"
          f" ({cache['values_per_layer_token']} values a layer and token,"
          f" {cache['full_layers']} layers)")
