"""Fit and speed limits, ``plan()``: the memory each device holds when a model is split
over N devices (or partly kept in CPU RAM), the largest context and the most sequences
that fit, and two limits no runtime can beat: decode tokens/s at most bandwidth over
the bytes read per step, and prefill time at least FLOPs over peak compute.

The bytes come from memory() (weights by component in the chosen format, the KV cache
at the context length); nothing here re-derives them. Devices come from
count_params.hardware, or are typed in (--bandwidth-gbs, --gpu-gb, --tflops).
"""

from __future__ import annotations

import re

from count_params.counting import _count
from count_params.errors import ConfigError
from count_params.footprint import (
    GIB,
    _choice,
    _option_error,
    _whole,
    gpu_bytes,
    memory,
)
from count_params.hardware import DEVICES, unified_share

# The options plan() takes besides memory()'s, with their defaults; the command line
# makes one --flag of each.
SPEED_OPTIONS = {
    "device": {"default": None, "choices": list(DEVICES),
               "help": "a device from the table (count_params.hardware)"},
    "devices": {"default": 1, "help": "devices the model is split over"},
    "split": {"default": "layers", "choices": ["layers", "tensors"],
              "help": "how: whole layers per device, or every tensor in N parts"},
    "offload": {"default": "none",
                "help": "kept in CPU RAM: none, experts (every routed expert of a "
                        "mixture of experts), experts:N (those of the first N layers, "
                        "as llama.cpp's --n-cpu-moe N) or layers:K (K whole layers)"},
    "bandwidth_gbs": {"default": None, "help": "device memory bandwidth, GB/s"},
    "tflops": {"default": None, "help": "device peak dense 16-bit TFLOP/s"},
    "cpu_gb": {"default": None, "help": "CPU RAM for offloaded weights, GB"},
    "cpu_memory": {"default": None,
                   "choices": [n for n, d in DEVICES.items() if d["kind"] == "cpu"],
                   "help": "the CPU's memory configuration (its bandwidth)"},
    "cpu_bandwidth_gbs": {"default": None, "help": "CPU memory bandwidth, GB/s"},
}
SPEED_DEFAULTS = {name: o["default"] for name, o in SPEED_OPTIONS.items()}
SEARCH_LIMIT = 2**22  # tokens or sequences: above this, "no limit" is reported

LEAVES_OUT = [
    "kernel efficiency: real kernels reach a fraction of peak bandwidth and compute",
    "time outside the weight and cache reads: launches, sampling, synchronization",
    "traffic between devices (tensor split) and between CPU and GPU",
    "the input embedding table: one row per token is read, not the table",
    "attention score FLOPs in the prefill bound (it counts 2 FLOPs per weight and "
    "token), which keeps it a lower bound",
]


def _number(name: str, value, positive: bool = True) -> float | None:
    if value is None:
        return None
    text = str(value).strip()
    if not re.fullmatch(r"\d+(\.\d+)?", text) or (positive and float(text) <= 0):
        raise _option_error(name, f"must be a positive number, got {value!r}")
    return float(text)


def _offload(value) -> tuple[str, int]:
    """(mode, count): experts with count 0 is every routed expert."""
    text = str(value).strip()
    if text in ("none", "experts"):
        return text, 0
    match = re.fullmatch(r"(layers|experts):(\d+)", text)
    if not match or int(match.group(2)) < 1:
        raise _option_error("offload", f"must be none, experts, experts:N or layers:K "
                                       f"with N or K a whole number of layers, at "
                                       f"least 1; got {value!r}")
    return match.group(1), int(match.group(2))


def _first_layers(config: dict, n: int, L: int) -> dict:
    """The config cut to its first n layers: per-layer lists cut, layer indices past n
    dropped (the language model's, for a multimodal config; L is its layers, as counted,
    for a config that leaves them to the default). The routed experts it
    counts are those llama.cpp's --n-cpu-moe n keeps in CPU RAM."""
    inner = "text_config" if isinstance(config.get("text_config"), dict) else None
    cut = dict(config[inner] if inner else config)
    for key, value in cut.items():
        if isinstance(value, list) and len(value) == L:
            cut[key] = value[:n]
        elif key in ("mlp_only_layers", "moe_layers") and isinstance(value, list):
            cut[key] = [i for i in value if i < n]
    cut["num_hidden_layers"] = n
    return {**config, inner: cut} if inner else cut


def _normalize(options: dict) -> tuple[dict, dict]:
    """(speed options, memory options), checked; the device resolved."""
    given = {k: v for k, v in options.items() if v is not None}
    speed = {**SPEED_DEFAULTS, **{k: given.pop(k) for k in list(given)
                                  if k in SPEED_DEFAULTS}}
    if speed["device"] is not None:
        _choice("device", speed["device"], list(DEVICES))
    if speed["cpu_memory"] is not None:
        _choice("cpu_memory", speed["cpu_memory"],
                SPEED_OPTIONS["cpu_memory"]["choices"])
    speed["devices"] = _whole("devices", speed["devices"])
    _choice("split", speed["split"], SPEED_OPTIONS["split"]["choices"])
    speed["offload"], speed["offload_layers"] = _offload(speed["offload"])
    for name in ("bandwidth_gbs", "tflops", "cpu_bandwidth_gbs"):
        speed[name] = _number(name, speed[name])
    device = DEVICES.get(speed["device"]) or {}
    speed["kind"] = device.get("kind")
    if speed["bandwidth_gbs"] is None:
        speed["bandwidth_gbs"] = device.get("bandwidth_gbs")
    if speed["tflops"] is None:
        speed["tflops"] = device.get("tflops")
    if speed["cpu_bandwidth_gbs"] is None and speed["cpu_memory"] is not None:
        speed["cpu_bandwidth_gbs"] = DEVICES[speed["cpu_memory"]]["bandwidth_gbs"]
    # the memory of one device: typed in (--gpu-gb), else the table's, less what a
    # Mac keeps from its GPU by default
    speed["share"] = None
    if "gpu_gb" in given:
        speed["device_bytes"] = gpu_bytes(given["gpu_gb"])
    elif device.get("memory_gb") is not None:
        gb = device["memory_gb"]
        if device["kind"] == "unified":
            speed["share"] = unified_share(gb)
            num, den = speed["share"]
            speed["device_bytes"] = int(gb * GIB) * num // den
        else:
            speed["device_bytes"] = int(gb * GIB)
    elif device.get("kind") == "cpu":
        raise _option_error("gpu_gb", f"device '{speed['device']}' is a memory "
                                      "configuration: give its size with --gpu-gb")
    else:
        speed["device_bytes"] = gpu_bytes(given.get("gpu_gb", "24"))
    speed["cpu_bytes"] = None
    if speed["cpu_gb"] is not None:
        try:
            speed["cpu_bytes"] = gpu_bytes(speed["cpu_gb"])
        except ConfigError:
            raise _option_error("cpu_gb", f"must be a number of GB such as 64, got "
                                          f"{speed['cpu_gb']!r}") from None
    if speed["cpu_gb"] is not None:
        speed["cpu_gb"] = str(speed["cpu_gb"])
    return speed, given


def _routed(result: dict, E: int, k: int) -> int:
    """The parameters of every routed expert: the language model's count less its
    active ones are the E - k experts a token skips (towers are not experts)."""
    lm = result.get("language_model", result["total"])
    if result["active"] != lm and E > k:
        return (lm - result["active"]) * E // (E - k)
    return 0


def _parts(config: dict, mem_opts: dict) -> dict:
    """What a token reads and what each place holds, from memory() and the count."""
    result, env, _ = _count(config)
    mem = memory(config, mem_opts)
    w = mem["weights"]["by_component"]
    breakdown = result["breakdown"]
    total = mem["weights"]["bytes"]
    tied = result["tied_output_head"]
    V, d = env.get("V", 0), env.get("d", 0)
    # the table as the output head when tied; otherwise one row per token (left out)
    head = (w.get("output_head", 0) if not tied else
            w["embeddings"] * V * d // max(breakdown["embeddings"], 1))
    kv = mem["kv_cache"]
    # layers holding weights: attention (full, sliding) and recurrent (Mamba, DeltaNet),
    # and a hybrid's others (memory_rules: "blocks")
    layers = kv["decoder_layers"] if kv else env.get("L", 1)
    E, k = env.get("E", 1), env.get("k", 1)
    routed = _routed(result, E, k)
    mlp_bytes = w.get("mlp", 0) + w.get("routers", 0)
    per_mlp_weight = mlp_bytes / breakdown["mlp"] if breakdown["mlp"] else 0
    experts = round(routed * per_mlp_weight)  # all routed experts, in the format
    unused = experts * (E - k) // E if routed else 0
    layer_bytes = total - w.get("embeddings", 0) - w.get("output_head", 0)
    matmul = result["active"] - breakdown["embeddings"] + (V * d if tied else 0)
    return {"mem": mem, "total": total, "embeddings": w.get("embeddings", 0),
            "output_head": w.get("output_head", 0), "head_read": head,
            "layer_bytes": layer_bytes, "layers": layers, "experts": experts,
            "experts_read": experts - unused, "E": E, "k": k,
            "per_mlp_weight": per_mlp_weight,
            # a token reads no tower: the towers run once per image, in the prefill
            "read": layer_bytes - unused + head
            - sum(w[t] for t in result.get("towers", {})),
            "kv": kv["bytes"] if kv else 0,
            "matmul_params": matmul, "d": d, "V": V, "I": env.get("I", 0)}


def _placement(p: dict, s: dict, batch: int) -> dict:
    """Bytes held and read per decode step, on the devices and in CPU RAM."""
    mode, K, L = s["offload"], s["offload_layers"], p["layers"]
    if mode == "experts" and not p["experts"]:
        raise _option_error("offload", "experts needs a mixture of experts; this "
                                       "model has no routed experts")
    if mode != "none" and K > L:
        raise _option_error("offload", f"{mode}:{K} is more than the model's {L} "
                                       "layers")
    cpu_layers = K if mode == "layers" else 0
    cpu_weights = p["layer_bytes"] * cpu_layers // L
    cpu_read = (p["read"] - p["head_read"]) * cpu_layers // L
    if mode == "experts":
        # every routed expert, or those of the first K layers (plan() counts them)
        cpu_weights, cpu_read = s.get("first_experts") or (p["experts"],
                                                           p["experts_read"])
    cpu_kv = p["kv"] * cpu_layers // L
    return {"gpu_weights": p["total"] - cpu_weights, "gpu_read": p["read"] - cpu_read,
            "gpu_kv": p["kv"] - cpu_kv, "cpu_weights": cpu_weights,
            "cpu_read": cpu_read, "cpu_kv": cpu_kv, "gpu_layers": L - cpu_layers,
            "activations": batch * (p["V"] * 4 + (4 * p["d"] + 2 * p["I"]) * 2)}


def _devices(p: dict, place: dict, s: dict) -> list[dict]:
    """What each of the N devices holds."""
    n = s["devices"]
    if s["split"] == "tensors":
        share = {"weights": place["gpu_weights"], "kv_cache": place["gpu_kv"],
                 "activations": place["activations"]}
        return [{"device": i, "layers": place["gpu_layers"],
                 **{k: -(-v // n) for k, v in share.items()}} for i in range(n)]
    layers = place["gpu_layers"]
    ends = p["embeddings"] + p["output_head"]
    body = place["gpu_weights"] - ends  # the layers' weights left on the devices
    out = []
    for i in range(n):
        mine = layers // n + (1 if i < layers % n else 0)
        weights = body * mine // max(layers, 1)
        weights += p["embeddings"] if i == 0 else 0
        weights += p["output_head"] if i == n - 1 else 0
        out.append({"device": i, "layers": mine, "weights": weights,
                    "kv_cache": place["gpu_kv"] * mine // max(layers, 1),
                    "activations": place["activations"] if i == n - 1 else 0})
    return out


def _cache_bytes(kv: dict, config: dict, mem_opts: dict):
    """The cache's bytes at any context and batch, from memory()'s at one (so the
    searches below need not count the model again at each step): per sequence, full
    attention layers grow with the context, sliding ones up to their window, and the
    recurrent states not at all. A cache with entries every so many tokens
    (DeepSeek-V4's compressors) is sized by memory() at each step."""
    if kv["compressed_bytes"]:
        def sized(ctx: int, batch: int) -> int:
            options = {**mem_opts, "context_length": ctx, "batch_size": batch}
            return memory(config, options)["kv_cache"]["bytes"]

        return sized
    ctx0, batch0 = kv["context_length"], kv["batch_size"]
    full = kv["full_bytes"] // (ctx0 * batch0)  # bytes per token, all full layers
    window = kv["sliding_window"]
    sliding = kv["sliding_bytes"] // (min(ctx0, window) * batch0) if window else 0
    state = kv["state_bytes"] // batch0

    def at(ctx: int, batch: int) -> int:
        return batch * (full * ctx + (sliding * min(ctx, window) if window else 0)
                        + state)

    return at


def _fits(p: dict, s: dict, cache_bytes, ctx: int, batch: int) -> bool:
    p = {**p, "kv": cache_bytes(ctx, batch)}
    place = _placement(p, s, batch)
    per = _devices(p, place, s)
    ok = all(d["weights"] + d["kv_cache"] + d["activations"] <= s["device_bytes"]
             for d in per)
    if s["cpu_bytes"] is not None:
        ok = ok and place["cpu_weights"] + place["cpu_kv"] <= s["cpu_bytes"]
    return ok


def _largest(test, start: int) -> int | None:
    """The largest n >= 1 with test(n), given test is monotone (0: none; None: no
    limit below SEARCH_LIMIT)."""
    if not test(1):
        return 0
    if test(SEARCH_LIMIT):
        return None
    lo, hi = 1, SEARCH_LIMIT
    if test(start):
        lo = start
    else:
        hi = start
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if test(mid) else (lo, mid)
    return lo


def plan(config: dict, options: dict | None = None) -> dict:
    """Fit on the devices and the speed limits, for memory()'s options and these:
    device, devices, split, offload, bandwidth_gbs, tflops, cpu_gb, cpu_memory,
    cpu_bandwidth_gbs."""
    s, mem_opts = _normalize(dict(options or {}))
    mem_opts.pop("gpu_gb", None)
    p = _parts(config, mem_opts)
    mem = p["mem"]
    ctx = mem["kv_cache"]["context_length"] if mem["kv_cache"] else None
    batch = mem["kv_cache"]["batch_size"] if mem["kv_cache"] else 1
    s["first_experts"] = None
    if s["offload"] == "experts" and s["offload_layers"] and p["experts"]:
        if s["offload_layers"] <= p["layers"]:
            # the first N layers' routed parameters, at the model's bytes per MLP weight
            result, _, _ = _count(_first_layers(config, s["offload_layers"],
                                                p["layers"]))
            held = round(_routed(result, p["E"], p["k"]) * p["per_mlp_weight"])
            s["first_experts"] = (held, held - held * (p["E"] - p["k"]) // p["E"])
    place = _placement(p, s, batch)
    per = _devices(p, place, s)
    for d in per:
        d["total"] = d["weights"] + d["kv_cache"] + d["activations"]
    fit = {
        "device_bytes": s["device_bytes"], "devices": s["devices"],
        "split": s["split"], "unified_share": s["share"],
        "offload": f"{s['offload']}:{s['offload_layers']}" if s["offload_layers"]
        else s["offload"],
        "per_device": per,
        "fits": all(d["total"] <= s["device_bytes"] for d in per),
        "cpu": {"bytes": s["cpu_bytes"], "weights": place["cpu_weights"],
                "kv_cache": place["cpu_kv"]},
        "max_context_length": None, "max_batch_size": None,
    }
    if s["cpu_bytes"] is not None:
        fit["fits"] = fit["fits"] and (place["cpu_weights"] + place["cpu_kv"]
                                       <= s["cpu_bytes"])
    if mem["kv_cache"]:
        cache_bytes = _cache_bytes(mem["kv_cache"], config, mem_opts)
        fit["max_context_length"] = _largest(
            lambda c: _fits(p, s, cache_bytes, c, batch), ctx)
        fit["max_batch_size"] = _largest(
            lambda b: _fits(p, s, cache_bytes, ctx, b), batch)
    return {"fit": fit, "speed": _speed(p, place, s, ctx, batch)}


def _speed(p: dict, place: dict, s: dict, ctx, batch: int) -> dict | None:
    if s["bandwidth_gbs"] is None:
        return None
    n = s["devices"] if s["split"] == "tensors" else 1
    bw = s["bandwidth_gbs"] * 1e9 * n
    cpu = place["cpu_read"] + place["cpu_kv"]
    if cpu and s["cpu_bandwidth_gbs"] is None:
        raise _option_error("cpu_bandwidth_gbs", "offloaded weights are read from CPU "
                            "RAM: give --cpu-memory or --cpu-bandwidth-gbs")
    gpu = place["gpu_read"] + place["gpu_kv"]
    t_memory = gpu / bw + (cpu / (s["cpu_bandwidth_gbs"] * 1e9) if cpu else 0)
    flops = 2 * p["matmul_params"] * batch
    peak = s["tflops"] * 1e12 * n if s["tflops"] else None
    t_compute = flops / peak if peak else 0
    step = max(t_memory, t_compute)
    out = {
        "bandwidth_gbs": s["bandwidth_gbs"], "tflops": s["tflops"],
        "cpu_bandwidth_gbs": s["cpu_bandwidth_gbs"],
        "context_length": ctx, "batch_size": batch,
        "bytes_per_step": {"device_weights": place["gpu_read"],
                           "device_kv_cache": place["gpu_kv"],
                           "cpu_weights": place["cpu_read"],
                           "cpu_kv_cache": place["cpu_kv"]},
        "flops_per_step": flops,
        "decode_seconds_per_step_min": step,
        "decode_tokens_per_s_max": batch / step,
        "decode_tokens_per_s_per_sequence_max": 1 / step,
        "decode_bound_by": "compute" if t_compute > t_memory else "memory bandwidth",
        "prefill_seconds_min": None, "prefill_bound_by": None,
        "leaves_out": LEAVES_OUT,
    }
    if peak and ctx:
        prompt = ctx * batch
        t_flops = 2 * p["matmul_params"] * prompt / peak
        t_read = place["gpu_read"] / bw + (  # every weight read at least once
            place["cpu_read"] / (s["cpu_bandwidth_gbs"] * 1e9) if cpu else 0)
        out["prefill_seconds_min"] = max(t_flops, t_read)
        out["prefill_bound_by"] = "compute" if t_flops >= t_read else "memory bandwidth"
    return out


def _gb(n) -> str:
    return f"{n / 1e9:,.2f} GB"


def plan_report(r: dict) -> str:
    """The fit and the limits as text, for the command line."""
    fit, speed = r["fit"], r["speed"]
    lines = [f"  fit: {fit['devices']} device(s) of {fit['device_bytes'] / GIB:g} GiB"
             + (f" ({fit['unified_share'][0]}/{fit['unified_share'][1]} of unified "
                "memory)" if fit["unified_share"] else "")
             + f", split by {fit['split']}, offload {fit['offload']}: "
             + ("fits" if fit["fits"] else "does NOT fit")]
    for d in fit["per_device"]:
        lines.append(f"    device {d['device']}: {d['layers']} layers, weights "
                     f"{_gb(d['weights'])} + KV cache {_gb(d['kv_cache'])} + "
                     f"activations {_gb(d['activations'])} = {_gb(d['total'])}")
    cpu = fit["cpu"]
    if cpu["weights"] or cpu["kv_cache"]:
        lines.append(f"    CPU RAM: weights {_gb(cpu['weights'])} + KV cache "
                     f"{_gb(cpu['kv_cache'])}")
    lines.append(f"    largest context that fits: {fit['max_context_length']}; most "
                 f"sequences at this context: {fit['max_batch_size']}")
    if speed is None:
        lines.append("  speed: give --device or --bandwidth-gbs")
        return "\n".join(lines)
    lines.append(f"  decode, at most {speed['decode_tokens_per_s_max']:,.1f} tokens/s "
                 f"({speed['decode_bound_by']}; {speed['batch_size']} sequence(s) at "
                 f"{speed['context_length']} tokens)")
    if speed["prefill_seconds_min"] is not None:
        lines.append(f"  prefill of the context, at least "
                     f"{speed['prefill_seconds_min'] * 1000:,.1f} ms "
                     f"({speed['prefill_bound_by']})")
    lines.append("  limits, not estimates: they leave out " + "; ".join(
        speed["leaves_out"]))
    return "\n".join(lines)
