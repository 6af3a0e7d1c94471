"""Why is Llama-3-8B's attention share half of Llama-2-7B's? Change one thing at a time.

Start from Llama-2-7B's config and move it to Llama-3-8B's in three steps (rope_theta
and the context length change too, but they hold no parameters). After each step, print
the attention parameters and their share of the total.
"""

import json
from pathlib import Path

from count_from_config import count_parameters  # the tool next to this file

CONFIGS = Path(__file__).resolve().parent / "configs"
llama2 = json.loads((CONFIGS / "llama-2-7b.json").read_text())
llama3 = json.loads((CONFIGS / "llama-3-8b.json").read_text())
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
