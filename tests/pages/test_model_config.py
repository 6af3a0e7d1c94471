"""The model-config page's table of keys, checked against the pinned transformers: each key marked as changing the
count changes the parameters of the model transformers builds (on torch's meta device: shapes, no memory), each
marked "No" leaves them alone, the conditional rows hold in both directions, and each other name in the table is
an attribute of the config class of the family it is given for.

The table replaced one heading per key; the headings stay, as the notes its rows link to, so that published
anchors keep working. The last test checks that each row links to a heading of the page.
"""

from __future__ import annotations

import re
import warnings

import pytest
import torch
import transformers

from tests.support import ROOT

transformers.logging.set_verbosity_error()
PAGE = (ROOT / "docs" / "terms" / "model-config.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| \[`(?P<key>\w+)`\]\(#(?P<anchor>[\w-]+)\)[^|]*\| (?P<names>[^|]+) \| (?P<answer>[^|]+) \|$",
                 re.M)
TOKENS = dict(pad_token_id=0, bos_token_id=0, eos_token_id=0)
LLAMA = dict(vocab_size=1000, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
             num_key_value_heads=4, **TOKENS)
MOE = dict(LLAMA, num_local_experts=4, num_experts_per_tok=2)
QWEN_MOE = dict(LLAMA, num_experts=4, num_experts_per_tok=2, moe_intermediate_size=32,
                shared_expert_intermediate_size=64)
GPT2 = dict(vocab_size=1000, n_embd=64, n_layer=2, n_head=4, n_positions=128)
FAMILIES = {"GPT-2": transformers.GPT2Config, "OPT": transformers.OPTConfig, "Falcon": transformers.FalconConfig,
            "Qwen-MoE": transformers.Qwen2MoeConfig, "OLMoE": transformers.OlmoeConfig,
            "DeepSeek-V3": transformers.DeepseekV3Config, "transformers 5": transformers.LlamaConfig}

# key -> (config class, base keys, changed keys); "Yes" rows must change the count, "No" rows must not.
CHANGE = {
    "hidden_size": (transformers.LlamaConfig, LLAMA, dict(hidden_size=128)),
    "intermediate_size": (transformers.LlamaConfig, LLAMA, dict(intermediate_size=256)),
    "num_hidden_layers": (transformers.LlamaConfig, LLAMA, dict(num_hidden_layers=3)),
    "num_key_value_heads": (transformers.LlamaConfig, LLAMA, dict(num_key_value_heads=2)),
    "head_dim": (transformers.LlamaConfig, LLAMA, dict(head_dim=32)),
    "vocab_size": (transformers.LlamaConfig, LLAMA, dict(vocab_size=2000)),
    "tie_word_embeddings": (transformers.LlamaConfig, LLAMA, dict(tie_word_embeddings=True)),
    "num_local_experts": (transformers.MixtralConfig, MOE, dict(num_local_experts=8)),
    "num_experts_per_tok": (transformers.MixtralConfig, MOE, dict(num_experts_per_tok=1)),
    "moe_intermediate_size": (transformers.Qwen2MoeConfig, QWEN_MOE, dict(moe_intermediate_size=64)),
    "shared_expert_intermediate_size": (transformers.Qwen2MoeConfig, QWEN_MOE,
                                        dict(shared_expert_intermediate_size=128)),
    "rope_theta": (transformers.LlamaConfig, LLAMA, dict(rope_theta=500000.0)),
    "sliding_window": (transformers.MistralConfig, LLAMA, dict(sliding_window=16)),
}
# Conditional rows: (case, config class, base keys, changed keys, changes the count?)
CONDITIONAL = {
    "num_attention_heads": [
        ("head_dim set apart", transformers.LlamaConfig, dict(LLAMA, head_dim=16), dict(num_attention_heads=8), True),
        ("derived, as many key/value heads", transformers.LlamaConfig, LLAMA,
         dict(num_attention_heads=8, num_key_value_heads=8), False),
        ("derived, key/value heads fixed", transformers.LlamaConfig, LLAMA, dict(num_attention_heads=8), True),
    ],
    "max_position_embeddings": [
        ("learned positions", transformers.GPT2Config, GPT2, dict(n_positions=256), True),
        ("rope", transformers.LlamaConfig, LLAMA, dict(max_position_embeddings=8192), False),
    ],
}


def rows() -> dict[str, re.Match]:
    return {m["key"]: m for m in ROW.finditer(PAGE)}


def count(config_class, **keys) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        config = config_class(**keys)
        with torch.device("meta"):
            model = transformers.AutoModelForCausalLM.from_config(config)
    return sum(p.numel() for p in model.parameters())


def test_every_row_is_checked():
    assert set(rows()) == set(CHANGE) | set(CONDITIONAL)


@pytest.mark.parametrize("key", sorted(CHANGE))
def test_yes_and_no_rows_against_transformers(key):
    answer = rows()[key]["answer"].split(":")[0].split(",")[0].strip()
    assert answer in ("Yes", "No"), f"{key}: a conditional answer needs cases in CONDITIONAL"
    config_class, base, changed = CHANGE[key]
    changes = count(config_class, **base) != count(config_class, **{**base, **changed})
    assert changes == (answer == "Yes"), f"{key}: the table says {answer!r}"


@pytest.mark.parametrize(("key", "case"), [(k, c) for k, cases in CONDITIONAL.items() for c in cases],
                         ids=lambda v: v if isinstance(v, str) else v[0])
def test_conditional_rows_against_transformers(key, case):
    assert rows()[key]["answer"].split()[0] not in ("Yes", "No")
    _, config_class, base, changed, expected = case
    assert (count(config_class, **base) != count(config_class, **{**base, **changed})) == expected


def test_other_names_are_attributes_of_their_family_config():
    named = 0
    for key, row in rows().items():
        for names, family in re.findall(r"((?:`\w+`(?:, )?)+) \(([^)]+)\)", row["names"]):
            for name in re.findall(r"`(\w+)`", names):
                for fam in family.split(", "):
                    assert hasattr(FAMILIES[fam](), name), f"{key}: {fam} has no {name}"
                    named += 1
    assert named >= 9
    assert transformers.GPT2Config(n_embd=96).hidden_size == 96  # attribute_map, as the page's intro says


def test_each_row_links_to_a_heading_of_the_page():
    anchors = set(re.findall(r"^#{2,4} .*\{ #([\w-]+) \}$", PAGE, re.M))
    for key, row in rows().items():
        assert row["anchor"] in anchors, f"{key} links to #{row['anchor']}, which is no heading of the page"
