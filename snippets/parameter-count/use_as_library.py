"""Use the counter from Python: count_parameters(config) returns a dict; bad configs raise ConfigError."""

import json
from pathlib import Path

from count_from_config import ConfigError, count_parameters, main

CONFIGS = Path(__file__).resolve().parent / "configs"

# The command line, as text (GPT-2 small, whose output head is tied) and with --json (Llama-3-8B).
main([str(CONFIGS / "gpt2.json")])
main([str(CONFIGS / "llama-3-8b.json"), "--json"])

# The same result as a Python dict; the breakdown always sums to the total.
result = count_parameters(json.loads((CONFIGS / "mistral-7b-v0.1.json").read_text()))
sums = sum(result["breakdown"].values()) == result["total"]
print("mistral total:", f"{result['total']:,}", "| breakdown sums to total:", sums)

# Anything the counter cannot count exactly is an error that names the problem, not a guess.
bad_configs = {
    "unknown model_type": {"model_type": "mixtral", "hidden_size": 4096},
    "missing key": {k: v for k, v in json.loads((CONFIGS / "gpt2.json").read_text()).items() if k != "n_layer"},
    "unsupported option": {"model_type": "bert", "vocab_size": 30522, "hidden_size": 768, "num_hidden_layers": 12,
                           "num_attention_heads": 12, "intermediate_size": 3072, "max_position_embeddings": 512,
                           "type_vocab_size": 2, "position_embedding_type": "relative_key"},
}
for label, config in bad_configs.items():
    try:
        count_parameters(config)
    except ConfigError as exc:
        print(f"{label}: ConfigError: {exc}")
