"""Why is Llama-3-8B's attention share half of Llama-2-7B's? Change one thing at a time.

Start from Llama-2-7B's config and move it to Llama-3-8B's in three steps (rope_theta
and the context length change too, but they hold no parameters). After each step, print
the attention parameters and their share of the total.
"""

from count_params import count_parameters, load_config

llama2 = load_config("llama-2-7b")  # configs that come with the counter
llama3 = load_config("llama-3-8b")
LLAMA2_ATTENTION = count_parameters(llama2)["breakdown"]["attention"]


def show(label: str, config: dict) -> None:
    result = count_parameters(config)
    attention = result["breakdown"]["attention"]
    print(
        f"{label:28} attention {attention:>13,}"
        f" ({attention / LLAMA2_ATTENTION:6.1%} of Llama 2's)"
        f"  share of total {attention / result['total']:6.2%}"
    )


# --8<-- [start:steps]
config = dict(llama2)
show("Llama-2-7B", config)
for key in ("num_key_value_heads", "vocab_size", "intermediate_size"):
    config[key] = llama3[key]
    show(f"+ {key} = {llama3[key]}", config)
same = count_parameters(config) == count_parameters(llama3)
print("the last row is Llama-3-8B:", same)
# --8<-- [end:steps]
