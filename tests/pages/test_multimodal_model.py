"""The multimodal-model page against transformers: the parts of LLaVA-1.5 7B that the snippet counts from their
shapes (the CLIP vision tower, the projector, the whole model) are what LlavaForConditionalGeneration builds, and
Gemma 3's SigLIP vision tower is what SiglipVisionModel builds, on torch's meta device."""

from __future__ import annotations

import re

from count_params import load_config

from tests.support import ROOT

OUT = (ROOT / "snippets" / "multimodal-model" / "towers.out").read_text(encoding="utf-8")


def printed(label: str) -> int:
    match = re.search(rf"{re.escape(label)}:?\s+([\d,]+)", OUT)
    assert match, label
    return int(match.group(1).replace(",", ""))


def count(module) -> int:
    return sum(p.numel() for p in module.parameters())


def test_llava_parts_are_what_transformers_builds():
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    text = {k: v for k, v in load_config("llama-2-7b").items() if not k.startswith("_") and k != "architectures"}
    vision = transformers.CLIPVisionConfig(hidden_size=1024, intermediate_size=4096, num_hidden_layers=24,
                                           num_attention_heads=16, image_size=336, patch_size=14)
    config = transformers.LlavaConfig(vision_config=vision, text_config=transformers.LlamaConfig(**text),
                                      projector_hidden_act="gelu")
    with torch.device("meta"):
        model = transformers.LlavaForConditionalGeneration(config)
    assert printed("vision tower") == count(model.model.vision_tower)
    assert printed("projector") == count(model.model.multi_modal_projector)
    assert printed("total") == count(model)


def test_siglip_tower_is_what_transformers_builds():
    import torch
    import transformers

    config = transformers.SiglipVisionConfig(hidden_size=1152, intermediate_size=4304, num_hidden_layers=27,
                                             num_attention_heads=16, image_size=896, patch_size=14,
                                             vision_use_head=False)
    with torch.device("meta"):
        model = transformers.SiglipVisionModel(config)
    assert printed("SigLIP vision tower") == count(model)


def test_the_counters_split_of_gemma_3_is_the_tower_counted_from_its_shapes():
    """counter_split.py prints the parameter counter's parts of Gemma 3 4B: its vision tower must be the SigLIP tower
    that towers.py counts from its shapes (checked above against SiglipVisionModel), and its parts sum to its
    total, the report's 3,209M non-embedding parameters beside them."""
    split = (ROOT / "snippets" / "multimodal-model" / "counter_split.out").read_text(encoding="utf-8")
    numbers = {name: int(n.replace(",", "")) for name, n in re.findall(r"^  (\w[\w ]*?)\s+([\d,]+)", split, re.M)}
    assert numbers["vision tower"] == printed("Gemma 3's SigLIP vision tower")
    assert numbers["language model"] + numbers["vision tower"] + numbers["projector"] == numbers["total"]
    non_embedding = int(re.search(r"without its embeddings: ([\d,]+)", split).group(1).replace(",", ""))
    assert round(non_embedding / 10**6) == 3209
