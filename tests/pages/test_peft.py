"""The PEFT page's summary of its table holds for the numbers the snippet printed: the bound it gives for every
method, the method it names as training the most, with its share, and the bound for the rest.

The DoRA and rsLoRA counts and scale that the page prints, against the `peft` library itself: Llama 3 8B built by
transformers on torch's meta device (shapes, no memory), adapted by `get_peft_model` with `use_dora` and
`use_rslora`, must have the trainable parameters and the magnitude vectors the snippet counts from shapes, and the
scale alpha / sqrt(r) that it prints."""

from __future__ import annotations

import re

import peft
import pytest

from tests.support import ROOT, snippet_globals

PAGE = " ".join((ROOT / "docs" / "terms" / "peft.md").read_text(encoding="utf-8").split())
GOLDEN = (ROOT / "snippets" / "peft" / "trainable_counts_torch.out").read_text(encoding="utf-8")
CLAIM = re.compile(r"Every method here trains under (?P<bound>[\d.]+)% of the model, the (?P<most>[\w-]+) the most "
                   r"\((?P<share>[\d.]+)%\) and all the others under (?P<rest>[\d.]+)%; prompt tuning trains "
                   r"(?P<prompt>[\d,]+) numbers")


def printed_rows() -> dict[str, tuple[int, float]]:
    """Method -> (trainable count, percent of the model), as the snippet printed them."""
    rows = re.findall(r"^(.+?)\s{2,}([\d,]+)\s+([\d.]+)%$", GOLDEN, re.M)
    return {name: (int(count.replace(",", "")), float(pct)) for name, count, pct in rows}


def test_the_summary_sentence_matches_the_printed_table():
    claim = CLAIM.search(PAGE)
    assert claim, "the sentence that sums up the table changed: update this test with it"
    methods = {name: row for name, row in printed_rows().items() if name != "full fine-tuning"}
    assert len(methods) == 6
    shares = {name: pct for name, (_, pct) in methods.items()}
    assert max(shares.values()) < float(claim["bound"])
    most = max(shares, key=shares.get)
    assert most.startswith(claim["most"]) and shares[most] == float(claim["share"])
    assert all(pct < float(claim["rest"]) for name, pct in shares.items() if name != most)
    prompt = next(count for name, (count, _) in methods.items() if name.startswith("prompt tuning"))
    assert prompt == int(claim["prompt"].replace(",", ""))


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict:
    return snippet_globals("peft/dora_rslora_torch.py", tmp_path_factory.mktemp("dora"))


def test_peft_counts_what_the_snippet_counts(printed):
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    # Llama 3 8B's config.json, the shapes the snippet's `targets` list gives
    config = LlamaConfig(hidden_size=4096, intermediate_size=14336, num_hidden_layers=printed["layers"],
                         num_attention_heads=32, num_key_value_heads=8, vocab_size=128256)
    with torch.device("meta"):
        model = LlamaForCausalLM(config)
    lora = peft.LoraConfig(r=printed["r"], lora_alpha=printed["alpha"], use_dora=True, use_rslora=True,
                           target_modules=["q_proj", "k_proj", "v_proj", "o_proj"])
    adapted = peft.get_peft_model(model, lora)
    trainable = {name: p.numel() for name, p in adapted.named_parameters() if p.requires_grad}
    magnitudes = sum(n for name, n in trainable.items() if "lora_magnitude_vector" in name)
    assert magnitudes == printed["magnitudes"]
    assert sum(trainable.values()) - magnitudes == printed["lora"]
    scaling = adapted.base_model.model.model.layers[0].self_attn.q_proj.scaling["default"]
    assert scaling == pytest.approx(printed["alpha"] / printed["r"] ** 0.5)
