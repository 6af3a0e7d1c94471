"""Use the counter from Python: count_parameters(config) returns a dict; a config it
cannot count raises ConfigError."""

import json

from count_params import ConfigError, count_parameters, load_config, main

# The command line, `count-params gpt2`, as text (GPT-2 small: its head is tied).
main(["gpt2"])

# As a dict: what --json prints, less "memory". load_config() takes a path too.
llama3 = count_parameters(load_config("llama-3-8b"))
print(json.dumps(llama3, indent=2))

# The breakdown always sums to the total.
result = count_parameters(load_config("mistral-7b-v0.1"))
sums = sum(result["breakdown"].values()) == result["total"]
print("mistral total:", f"{result['total']:,}", "| breakdown sums to total:", sums)

# What the counter cannot count exactly is an error naming the problem, not a guess.
gpt2, bert = load_config("gpt2"), load_config("bert-base-uncased")
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
