"""Real allocations to check the memory calculator's byte formulas against (tests/test_memory_oracles.py and
tools/memory_report.py use them).

Each quantized weight format is written down as the tensors its library stores for one linear layer's weight of
shape (out, in): names, shapes and torch dtypes, from the library's source. torch then allocates them (on the
meta device for a real model's shapes, or for real in a test), and the bytes are what torch says they are:
``numel() * element_size()``. ``quantize_int4_groups`` and ``quantize_nf4`` really quantize a small matrix into
those tensors, so the layouts are the ones a working quantizer fills.
"""

from __future__ import annotations

import math

import torch
from count_params.families import TEXT_CONFIGS

# NF4's 16 levels: the quantiles of a normal distribution (Dettmers et al. 2023, QLoRA, appendix E; the table
# in bitsandbytes/functional.py get_4bit_type("nf4")), rounded to 4 decimals: only their count matters here.
NF4_LEVELS = torch.tensor([-1.0, -0.6962, -0.5251, -0.3949, -0.2844, -0.1848, -0.0911, 0.0, 0.0796, 0.1609,
                           0.2461, 0.3379, 0.4407, 0.5626, 0.723, 1.0])


def layout(fmt: str, out: int, inp: int, group: int = 128) -> dict[str, tuple[tuple[int, ...], torch.dtype]]:
    """The tensors a format stores for one (out, in) weight matrix, as {name: (shape, dtype)}."""
    n = out * inp
    if fmt in ("fp32", "bf16", "fp16"):
        return {"weight": ((out, inp), {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}[fmt])}
    if fmt == "int8":  # bitsandbytes Int8Params: int8 weight, SCB: one fp32 scale per output row
        return {"weight": ((out, inp), torch.int8), "SCB": ((out,), torch.float32)}
    if fmt == "fp8":  # transformers FP8Linear: e4m3 weight, weight_scale_inv: fp32 per 128 x 128 block
        return {"weight": ((out, inp), torch.float8_e4m3fn),
                "weight_scale_inv": ((math.ceil(out / 128), math.ceil(inp / 128)), torch.float32)}
    if fmt == "gptq-int4":  # AutoGPTQ / gptqmodel QuantLinear buffers: eight 4-bit values per int32
        groups = math.ceil(inp / group)  # a last, partial group has its own scale
        return {"qweight": ((inp // 8, out), torch.int32), "qzeros": ((groups, out // 8), torch.int32),
                "scales": ((groups, out), torch.float16), "g_idx": ((inp,), torch.int32)}
    if fmt == "awq-int4":  # AutoAWQ WQLinear_GEMM: packed along the output dimension, no g_idx
        groups = math.ceil(inp / group)
        return {"qweight": ((inp, out // 8), torch.int32), "qzeros": ((groups, out // 8), torch.int32),
                "scales": ((groups, out), torch.float16)}
    if fmt == "nf4":  # bitsandbytes Params4bit: two codes per byte, an fp32 absmax per 64 weights
        return {"weight": ((n // 2, 1), torch.uint8), "absmax": ((math.ceil(n / 64),), torch.float32)}
    if fmt == "nf4-dq":  # double quantization: absmax in uint8, an fp32 scale per 256 of them, one fp32 offset
        blocks = math.ceil(n / 64)
        return {"weight": ((n // 2, 1), torch.uint8), "absmax": ((blocks,), torch.uint8),
                "absmax_scale": ((math.ceil(blocks / 256),), torch.float32), "offset": ((), torch.float32)}
    if fmt == "mxfp4":  # OCP MX: 32 e2m1 values (two per byte) share one E8M0 scale byte
        return {"blocks": ((n // 2,), torch.uint8), "scales": ((math.ceil(n / 32),), torch.uint8)}
    if fmt == "nvfp4":  # NVIDIA NVFP4: 16 e2m1 values (two per byte) share one fp8 e4m3 scale; one fp32 per tensor
        return {"blocks": ((n // 2,), torch.uint8), "scales": ((math.ceil(n / 16),), torch.float8_e4m3fn),
                "tensor_scale": ((), torch.float32)}
    raise ValueError(f"no layout for format {fmt!r}")


def allocated_bytes(tensors) -> int:
    """Bytes torch allocates for these tensors (meta tensors: what it would allocate)."""
    return sum(t.numel() * t.element_size() for t in tensors)


def storage_bytes(tensors) -> int:
    """Bytes of the storages behind these tensors: a view of part of a storage still holds all of it."""
    return sum(t.untyped_storage().nbytes() for t in tensors)


# ------------------------------------------------------------------ real models and their caches, with transformers

def transformers_model(config: dict, device: str = "cpu", dtype=torch.float32, **overrides):
    """The model transformers builds from a config.json's keys (with ``overrides``), eager attention, no weights
    loaded: on the meta device nothing is allocated."""
    import warnings

    import transformers

    kwargs = {k: v for k, v in {**config, **overrides}.items()
              if k not in ("model_type", "_name_or_path", "architectures")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cfg = transformers.AutoConfig.for_model(config["model_type"], **kwargs)
        cfg._attn_implementation = "eager"
        with torch.device(device):
            if config["model_type"] in TEXT_CONFIGS:  # a multimodal class (Voxtral's), towers and all
                cls = getattr(transformers, TEXT_CONFIGS[config["model_type"]]["class"])
                return cls._from_config(cfg, dtype=dtype)
            return transformers.AutoModelForCausalLM.from_config(cfg, dtype=dtype)


def generation_cache(model, tokens: int, batch: int = 1):
    """Prefill tokens - 1, then decode one token: the cache as it stands while generating."""
    torch.manual_seed(0)
    model.eval()
    vocab = model.config.get_text_config().vocab_size  # a multimodal config's is its text_config's
    with torch.no_grad():
        out = model(torch.randint(0, vocab, (batch, tokens - 1)), use_cache=True)
        out = model(torch.randint(0, vocab, (batch, 1)), cache=out.past_key_values, use_cache=True)
    return out.past_key_values


def lora_model(model, rank: int, modules: list[str] | str, init: bool = True):
    """The model peft wraps with LoRA adapters of this rank on these modules (names, or a regex that the whole
    module name must match). ``init=False`` leaves the adapters' values unset (peft's init_lora_weights=False):
    the same adapters, for counting them without paying for values nobody reads."""
    import warnings

    import peft

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return peft.get_peft_model(model, peft.LoraConfig(r=rank, target_modules=modules, init_lora_weights=init))


def trainable(model) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def allocate(fmt: str, out: int, inp: int, group: int = 128, device: str = "meta") -> dict[str, torch.Tensor]:
    return {name: torch.empty(shape, dtype=dtype, device=device)
            for name, (shape, dtype) in layout(fmt, out, inp, group).items()}


def quantize_int4_groups(w: torch.Tensor, group: int) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    """Asymmetric 4-bit quantization per group of ``group`` inputs, packed as GPTQ stores it (round to nearest,
    no error feedback: the layout is the point). Returns the tensors and the dequantized weight."""
    out, inp = w.shape
    g = w.T.reshape(inp // group, group, out)  # (groups, group, out)
    lo, hi = g.amin(dim=1), g.amax(dim=1)
    scale = ((hi - lo) / 15).clamp(min=1e-8)
    zero = torch.round(-lo / scale).clamp(0, 15)
    q = torch.clamp(torch.round(g / scale[:, None]) + zero[:, None], 0, 15).to(torch.int32)
    q = q.reshape(inp, out)
    shifts = torch.arange(0, 32, 4, dtype=torch.int32)
    qweight = (q.reshape(inp // 8, 8, out) << shifts[None, :, None]).sum(dim=1, dtype=torch.int32)
    zi = zero.to(torch.int32)
    qzeros = (zi.reshape(inp // group, out // 8, 8) << shifts[None, None, :]).sum(dim=2, dtype=torch.int32)
    tensors = {"qweight": qweight, "qzeros": qzeros, "scales": scale.to(torch.float16),
               "g_idx": torch.arange(inp, dtype=torch.int32) // group}
    # unpack, as a kernel would, to show nothing was lost in the packing
    unpacked = (qweight[:, None, :] >> shifts[None, :, None]) & 15
    z = (qzeros[:, :, None] >> shifts[None, None, :]) & 15
    z = z.reshape(inp // group, out)[tensors["g_idx"].long()]
    s = tensors["scales"].float()[tensors["g_idx"].long()]
    return tensors, ((unpacked.reshape(inp, out) - z) * s).T


def quantize_nf4(w: torch.Tensor, double: bool) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    """NF4 as bitsandbytes stores it: blocks of 64, absmax per block (8-bit with an fp32 scale per 256 blocks
    and one offset when ``double``), two 4-bit codes per byte. Returns the tensors and the dequantized weight."""
    flat = w.reshape(-1, 64)
    absmax = flat.abs().amax(dim=1)
    codes = (flat / absmax[:, None])[..., None].sub(NF4_LEVELS).abs().argmin(dim=-1).to(torch.uint8)
    packed = (codes.reshape(-1, 2)[:, 0] << 4 | codes.reshape(-1, 2)[:, 1]).reshape(-1, 1)
    tensors = {"weight": packed}
    if double:
        offset = absmax.mean()
        centred = (absmax - offset).reshape(-1)
        pad = (-centred.numel()) % 256
        chunks = torch.nn.functional.pad(centred, (0, pad)).reshape(-1, 256)
        scale = chunks.abs().amax(dim=1).clamp(min=1e-12) / 127
        q = torch.round(chunks / scale[:, None]).to(torch.int8)
        tensors.update(absmax=q.reshape(-1)[: centred.numel()].view(torch.uint8), absmax_scale=scale,
                       offset=offset.reshape(()))
        absmax = (q.float() * scale[:, None]).reshape(-1)[: centred.numel()] + offset
    else:
        tensors["absmax"] = absmax
    return tensors, (NF4_LEVELS[codes.long()] * absmax[:, None]).reshape(w.shape)


# The per-tensor constants the counter leaves out of a format's bits (GPTQ's g_idx, 4 bytes an input row; double
# quantization's one fp32 offset; NVFP4's one fp32 scale).
PER_TENSOR = ("g_idx", "offset", "tensor_scale")


def model_bytes_in(fmt: str, model, group: int = 128) -> int:
    """A model (built in bf16, on meta) in a weight format, tensor by tensor: every weight matrix a quantizer
    converts (the 2-D weights of nn.Linear layers other than the output head, and 3-D expert tensors, one
    matrix per expert) as its library stores it, without the per-tensor constants; everything else (embeddings,
    output head, norms, biases, routers) as the model holds it."""
    import torch.nn as nn

    total, converted = 0, set()
    for name, module in model.named_modules():
        if isinstance(module, nn.Linear) and not name.endswith("lm_head"):
            tensors = allocate(fmt, module.out_features, module.in_features, group)
            total += allocated_bytes(v for k, v in tensors.items() if k not in PER_TENSOR)
            converted.add(id(module.weight))
    for name, p in model.named_parameters():
        if p.dim() == 3 and ".experts." in name:  # fused experts: (experts, out, in)
            tensors = allocate(fmt, p.shape[1], p.shape[2], group)
            total += p.shape[0] * allocated_bytes(v for k, v in tensors.items() if k not in PER_TENSOR)
            converted.add(id(p))
    return total + sum(p.numel() * p.element_size() for p in model.parameters() if id(p) not in converted)
