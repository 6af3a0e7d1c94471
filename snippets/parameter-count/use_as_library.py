"""Use the counter from Python: count_parameters(config) returns a dict; a config it
cannot count raises ConfigError."""

import json
from pathlib import Path

from count_from_config import ConfigError, count_parameters, main

CONFIGS = Path(__file__).resolve().parent / "configs"

# --8<-- [start:use]
# The command line, as text (GPT-2 small, whose output head is tied).
main([str(CONFIGS / "gpt2.json")])

# The result as a Python dict: what --json prints, less its "memory" block.
llama3 = count_parameters(json.loads((CONFIGS / "llama-3-8b.json").read_text()))
print(json.dumps(llama3, indent=2))

# The breakdown always sums to the total.
result = count_parameters(json.loads((CONFIGS / "mistral-7b-v0.1.json").read_text()))
sums = sum(result["breakdown"].values()) == result["total"]
print("mistral total:", f"{result['total']:,}", "| breakdown sums to total:", sums)

# What the counter cannot count exactly is an error naming the problem, not a guess.
gpt2 = json.loads((CONFIGS / "gpt2.json").read_text())
bert = json.loads((CONFIGS / "bert-base-uncased.json").read_text())
bad_configs = {
    "unknown model_type": {"model_type": "mamba", "hidden_size": 4096},
    "missing key": {k: v for k, v in gpt2.items() if k != "n_layer"},
    "unsupported option": {**bert, "position_embedding_type": "relative_key"},
}
for label, config in bad_configs.items():
    try:
        count_parameters(config)
    except ConfigError as exc:
        print(f"{label}: ConfigError: {exc}")
# --8<-- [end:use]
