"""Count the parameters of a language model exactly, from its config.json.

Nothing is downloaded and no weights are needed: the count follows from the shapes the
config implies. An unknown model_type, a missing key or an unsupported option is a
ConfigError naming it, never a wrong number. Only the standard library is used.

``count_parameters(config) -> dict`` returns

    {"model_type", "total", "active", "non_embedding", "tied_output_head",
     "kv_values_per_token", "breakdown": {"embeddings", "attention", "mlp", "norms",
                                          "output_head", "other"}}

A multimodal config (gemma3, mistral3, llama4, qwen2_5_vl, qwen3_vl, qwen3_vl_moe) is
counted as the class its checkpoint holds: its language model (the nested text_config,
or Qwen2.5-VL's own keys) and its towers (vision or audio encoders, read from
vision_config or audio_config) and their projectors. Its breakdown
has one part more per tower and projector ("vision_tower", "audio_tower", "projector");
two keys more give "language_model", the language model alone, head included, and
"towers", each tower and projector; "non_embedding" and "active" are the language
model's (a tower runs once per image, not per token).

The breakdown sums to "total". "non_embedding" leaves out the token and position
tables and an untied output head. "active" is what one token uses: for a mixture of
experts, the total minus the routed experts it is not sent to, the whole input
embedding table included, as Mixtral's model card counts (for a dense model, the
total). Memory needs the total; compute per token follows the active count.
"kv_values_per_token" is the number of values a decoder caches per token for all
layers (keys and values; for multi-head latent attention the latent and the rotary
key, as vLLM and SGLang cache them; every layer as if it attended to the whole
context, sliding windows apart), or null.

``memory(config, options) -> dict`` gives bytes for the options of the calculator's
URL (weights, group_size, keep, kv_cache_dtype, context_length, batch_size, gpu_gb,
training, lora_rank, lora_targets, checkpointing): "weights" by component in a weight
format, scales and zero points included; "kv_cache" by layer kind (full and sliding-
window layers; for multi-head latent attention the latent, the decompressed figure
apart); "fit", the tokens that fit on the card after the weights; "training", weights,
gradients, optimizer states and an activations estimate. --json prints it as "memory".

``load_config(name_or_path)`` reads a bundled config by name ("llama-2-7b"; the names
are ``bundled_configs()``) or any config.json by path. ``main(argv)`` is the command
line, ``count-params`` (count_params.cli).

The modules, by job: families (the counting rules, as data), memory_rules (weight
formats, KV cache, training and the options, as data), expressions (the evaluator of
the rules' expressions), rules (the rules compiled, as the calculator page reads them),
counting, footprint (memory()), cli.
"""

from count_params.cli import main
from count_params.counting import bundled_configs, count_parameters, load_config
from count_params.errors import ConfigError
from count_params.footprint import memory
from count_params.rules import rules_json

__all__ = [
    "ConfigError",
    "bundled_configs",
    "count_parameters",
    "load_config",
    "main",
    "memory",
    "rules_json",
]
