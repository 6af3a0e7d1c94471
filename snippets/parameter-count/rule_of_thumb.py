"""How good is the rule of thumb "non-embedding parameters = 12 * layers * width^2"?"""

from count_params import count_parameters, load_config

# Dense decoders and BERT: the shapes the rule was made for (not mixtures of experts)
MODELS = [
    "bert-base-uncased",
    "gpt2-large",
    "gpt2-medium",
    "gpt2-xl",
    "gpt2",
    "llama-2-7b",
    "llama-3-8b",
    "mistral-7b-v0.1",
    "opt-125m",
    "pythia-160m",
    "tinyllama-1.1b",
]

# --8<-- [start:rule]
print(
    f"{'config':18} {'layers':>6} {'width':>6} {'12*L*d^2':>15} "
    f"{'non-embedding':>15} {'ratio':>6}"
)
for name in MODELS:
    config = load_config(name)  # a config that comes with the counter
    result = count_parameters(config)
    layers = config.get("n_layer") or config["num_hidden_layers"]
    width = config.get("n_embd") or config["hidden_size"]
    # Per block: attention q, k, v, out = 4 d^2; MLP d -> 4d -> d = 8 d^2. Biases and
    # norms are left out.
    estimate = 12 * layers * width**2
    exact = result["non_embedding"]
    print(
        f"{name:18} {layers:>6} {width:>6} {estimate:>15,} {exact:>15,} "
        f"{exact / estimate:>6.3f}"
    )
# --8<-- [end:rule]
