"""The memory pages' "try it in the calculator" links use only the calculator's URL parameters and values (the
contract between the calculator and the pages, issue 17) and presets that exist, so that no link opens the
calculator on an error. The calculator's own tests check that it reads these parameters."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

import pytest

from tests.conftest import ROOT

MEMORY_PAGES = ["memory-footprint", "quantization", "quantization-formats", "lora", "qlora", "kv-cache",
                "optimizer-state"]
PRESETS = {p.stem for p in (ROOT / "snippets" / "parameter-count" / "configs").glob("*.json")}
LISTS = {"keep": {"embeddings", "output_head", "norms"}, "lora_targets": {"q", "k", "v", "o", "gate", "up", "down"}}
CHOICES = {
    "weights": {"fp32", "bf16", "fp16", "int8", "fp8", "gptq-int4", "awq-int4", "nf4", "nf4-dq", "mxfp4", "q8_0",
                "q6_k", "q5_k_m", "q4_k_m", "q4_0", "q3_k_m", "q2_k"},
    "kv_cache_dtype": {"fp32", "bf16", "fp8", "int8"},
    "training": {"none", "adamw", "adamw-8bit", "sgd-momentum", "lora", "qlora"},
    "checkpointing": {"on", "off"},
}
INTEGERS = {"group_size", "context_length", "batch_size", "lora_rank"}
LINK = re.compile(r"\]\(\.\./calculator\.md\?([^)#\s]+)\)")


def problems(query: str) -> list[str]:
    found = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == "preset":
            ok = value in PRESETS
        elif key in CHOICES:
            ok = value in CHOICES[key]
        elif key in LISTS:
            ok = bool(value) and set(value.split(",")) <= LISTS[key]
        elif key in INTEGERS:
            ok = value.isdigit() and int(value) > 0
        elif key == "gpu_gb":
            ok = re.fullmatch(r"\d+(\.\d+)?", value) is not None
        else:
            ok = False
        if not ok:
            found.append(f"{key}={value}")
    return found


@pytest.mark.parametrize("slug", MEMORY_PAGES)
def test_calculator_links_use_the_contract(slug):
    text = (ROOT / "docs" / "terms" / f"{slug}.md").read_text(encoding="utf-8")
    queries = LINK.findall(text)
    assert queries, f"docs/terms/{slug}.md: no link to the calculator preloaded with an example"
    bad = {q: p for q in queries if (p := problems(q))}
    assert not bad, f"docs/terms/{slug}.md: calculator links with unknown parameters or values: {bad}"


def test_the_check_can_fail():
    assert problems("preset=llama-3.1-8b&weights=q4_k_s&keep=&lora_targets=q,x&gpu_gb=24GB&context=8") == [
        "preset=llama-3.1-8b", "weights=q4_k_s", "keep=", "lora_targets=q,x", "gpu_gb=24GB", "context=8"]
    assert problems("preset=llama-3-8b&weights=q4_k_m&context_length=8192&gpu_gb=24") == []
