"""The calculator's memory figures for three real models next to what a real allocation measures.

    python -m tools.memory_report

For a dense grouped-query model (Llama 3 8B), a mixture of experts (Mixtral 8x7B) and a multi-head latent
attention model (DeepSeek-V2-Lite), from their committed configs:

- weights in bf16: the model transformers builds on the meta device, numel() x element_size() per parameter;
- weights in GPTQ 4-bit (group 128) and NF4 with double quantization: the same model's matrices allocated (on
  meta) as the tensors those libraries store, one by one (tools/memory_allocations.py);
- KV cache at 8192 tokens, bf16: a model with the real attention geometry but 2 layers and a small vocabulary
  and MLP runs 63 tokens and decodes one; the cache tensors' storage is measured and scaled by layers / 2 and
  8192 / 64 (the cache is linear in both, no sliding window here);
- LoRA r=16 on q, k, v, o: the trainable count of the model peft wraps on the meta device.
"""

from __future__ import annotations

import sys

import torch
from count_params import ConfigError, load_config, memory

from tools import memory_allocations as alloc

MODELS = {"dense GQA": "llama-3-8b", "MoE": "mixtral-8x7b-v0.1", "MLA": "deepseek-v2-lite"}
CONTEXT, MEASURED_TOKENS, MEASURED_LAYERS = 8192, 64, 2


def measured_kv(config: dict) -> int:
    small = {"num_hidden_layers": MEASURED_LAYERS, "vocab_size": 256, "intermediate_size": 64,
             "bos_token_id": 0, "eos_token_id": 0, "pad_token_id": 0}
    if "moe_intermediate_size" in config:
        small.update(moe_intermediate_size=16, first_k_dense_replace=1)
    model = alloc.transformers_model(config, dtype=torch.bfloat16, **small)
    layers = alloc.generation_cache(model, MEASURED_TOKENS).layers
    stored = alloc.storage_bytes(t for layer in layers for t in (layer.keys, layer.values))
    return stored * config["num_hidden_layers"] // MEASURED_LAYERS * CONTEXT // MEASURED_TOKENS


def lora_trainable(config: dict) -> int:
    model = alloc.transformers_model(config, "meta", torch.bfloat16)
    return alloc.trainable(alloc.lora_model(model, 16, ["q_proj", "k_proj", "v_proj", "o_proj"]))


def gb(n: int) -> str:
    return f"{n / 1e9:.3f} GB"


def main() -> None:
    print(f"{'figure':32} {'calculator':>16} {'measured':>16}  difference")
    for kind, stem in MODELS.items():
        config = load_config(stem)
        model = alloc.transformers_model(config, "meta", torch.bfloat16)
        rows = [("weights bf16", memory(config)["weights"]["bytes"],
                 alloc.allocated_bytes(model.parameters()))]
        for fmt in ("gptq-int4", "nf4-dq"):
            rows.append((f"weights {fmt}", memory(config, {"weights": fmt})["weights"]["bytes"],
                         alloc.model_bytes_in(fmt, model)))
        mem = memory(config, {"context_length": CONTEXT})
        rows.append((f"KV cache bf16, {CONTEXT} tokens", mem["kv_cache"]["bytes"], measured_kv(config)))
        if mem["kv_cache"]["decompressed_bytes"] is not None:
            rows.append(("  (decompressed, not stored)", mem["kv_cache"]["decompressed_bytes"], None))
        try:
            ours = memory(config, {"training": "lora", "lora_targets": "q,k,v,o"})["training"]
            rows.append(("LoRA r=16 q,k,v,o: trainable", ours["trainable_parameters"], lora_trainable(config)))
        except ConfigError as exc:
            rows.append(("LoRA: not defined for MLA", None, None))
            print(f"  ({exc})", file=sys.stderr)
        print(f"{config.get('_name_or_path', stem)} ({kind})")
        for label, ours, real in rows:
            is_count = label.startswith("LoRA")
            show = (lambda n: "" if n is None else f"{n:,}") if is_count else (lambda n: "" if n is None else gb(n))
            diff = "" if ours is None or real is None else f"{ours - real:+,}" + ("" if is_count else " bytes")
            print(f"  {label:30} {show(ours):>16} {show(real):>16}  {diff}".rstrip())


if __name__ == "__main__":
    main()
