"""The offloading page's fit and its errors: what each device and the CPU hold adds up to what memory() counts,
the largest context that fits is the largest (one more token does not fit), a Mac's GPU gets the share of memory
the page states, and every bad option is an error that names it.
"""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from count_params import ConfigError, bundled_configs, load_config, main, memory
from count_params.footprint import GIB
from count_params.speed import SEARCH_LIMIT, plan

MIXTRAL = load_config("mixtral-8x7b-v0.1")
LLAMA = load_config("llama-3-8b")


def test_devices_and_cpu_hold_together_what_memory_counts():
    options = {"weights": "q4_k_m", "context_length": 4096, "device": "rtx-3090", "devices": 3,
               "offload": "layers:5", "cpu_memory": "ddr5-5600-2ch"}
    fit = plan(MIXTRAL, options)["fit"]
    mem = memory(MIXTRAL, {"weights": "q4_k_m", "context_length": 4096})
    assert sum(d["layers"] for d in fit["per_device"]) == 32 - 5
    assert sum(d["weights"] for d in fit["per_device"]) + fit["cpu"]["weights"] == pytest.approx(
        mem["weights"]["bytes"], abs=8)  # whole bytes: rounding per device
    assert sum(d["kv_cache"] for d in fit["per_device"]) + fit["cpu"]["kv_cache"] == pytest.approx(
        mem["kv_cache"]["bytes"], abs=8)


def test_expert_offload_keeps_every_routed_expert_in_cpu_ram():
    L, d, inner = MIXTRAL["num_hidden_layers"], MIXTRAL["hidden_size"], MIXTRAL["intermediate_size"]
    fit = plan(MIXTRAL, {"weights": "bf16", "offload": "experts", "cpu_memory": "ddr4-3200-2ch"})["fit"]
    assert fit["cpu"]["weights"] == L * 8 * 3 * d * inner * 2


def test_the_step_reads_the_gpu_part_at_gpu_bandwidth_and_the_cpu_part_at_cpu_bandwidth():
    r = plan(MIXTRAL, {"weights": "q4_k_m", "bandwidth_gbs": 1000, "cpu_bandwidth_gbs": 50,
                       "offload": "layers:8", "context_length": 100})["speed"]
    b = r["bytes_per_step"]
    expected = (b["device_weights"] + b["device_kv_cache"]) / 1000e9 + (b["cpu_weights"] + b["cpu_kv_cache"]) / 50e9
    assert r["decode_seconds_per_step_min"] == pytest.approx(expected)
    assert b["cpu_weights"] > 0 and b["cpu_kv_cache"] > 0


def test_experts_n_keeps_the_routed_experts_of_the_first_n_layers_as_llama_cpps_n_cpu_moe():
    """Mixtral in bf16: N layers of 8 experts, from the config's shapes; DeepSeek-V3's first three layers are dense
    (first_k_dense_replace), so --n-cpu-moe 3 moves nothing and 4 moves one layer's 256 experts; N = every layer is
    experts."""
    L, d, inner = MIXTRAL["num_hidden_layers"], MIXTRAL["hidden_size"], MIXTRAL["intermediate_size"]
    cpu = {n: plan(MIXTRAL, {"weights": "bf16", "offload": f"experts:{n}", "cpu_memory": "ddr4-3200-2ch"})["fit"]["cpu"]
           for n in (1, 5, L)}
    assert cpu[1]["weights"] == 8 * 3 * d * inner * 2 and cpu[5]["weights"] == 5 * cpu[1]["weights"]
    assert cpu[L] == plan(MIXTRAL, {"weights": "bf16", "offload": "experts", "cpu_memory": "ddr4-3200-2ch"})["fit"]["cpu"]
    deepseek = load_config("deepseek-v3")
    dense, width, experts = (deepseek[k] for k in ("first_k_dense_replace", "moe_intermediate_size", "n_routed_experts"))
    held = [plan(deepseek, {"weights": "bf16", "offload": f"experts:{n}", "bandwidth_gbs": 1000,
                            "cpu_memory": "ddr5-4800-12ch"})["fit"]["cpu"]["weights"] for n in (dense, dense + 1)]
    # within 0.1%: the experts are priced at the model's bytes per MLP weight, its fp32 router biases included
    assert held[0] == 0 and held[1] == pytest.approx(experts * 3 * deepseek["hidden_size"] * width * 2, rel=1e-3)


@pytest.mark.parametrize("name", bundled_configs())
def test_the_largest_context_and_batch_that_fit_are_the_largest(name):
    """The searches price the cache at each step from memory()'s figures at one context (speed.py: _cache_bytes);
    here plan() at the found context, which counts the model and its memory afresh, fits, and one more does not: for
    every bundled config (full, sliding, latent and recurrent caches), on a card 60% larger than the weights, whole
    and with a layer kept in CPU RAM."""
    config = load_config(name)
    weights = memory(config, {"weights": "q4_k_m"})["weights"]["bytes"]
    card = {"weights": "q4_k_m", "gpu_gb": str(-(-weights * 16 // 10 // GIB)), "context_length": 4096}
    found = {True: 0, False: 0}
    if memory(config)["kv_cache"] is None:  # an encoder: nothing grows with the context or the batch
        fit = plan(config, card)["fit"]
        assert fit["max_context_length"] is fit["max_batch_size"] is None
        return
    for options in (card, {**card, "offload": "layers:1", "cpu_memory": "ddr5-5600-2ch"}):
        fit = plan(config, options)["fit"]
        for what, key in (("max_context_length", "context_length"), ("max_batch_size", "batch_size")):
            most, label = fit[what], (name, options, what, fit[what])
            if most is None:  # no limit (a sliding window's cache stops growing): the search's limit fits
                assert plan(config, {**options, key: SEARCH_LIMIT})["fit"]["fits"], label
                continue
            assert most == 0 or plan(config, {**options, key: most})["fit"]["fits"], label
            assert not plan(config, {**options, key: most + 1})["fit"]["fits"], label
            found[most > 0] += 1
    assert found[True], "no search found a limit: the card leaves no room for the cache"


def test_a_macs_gpu_gets_two_thirds_up_to_32_gb_and_three_quarters_above():
    assert plan(LLAMA, {"device": "m1-max-64gb"})["fit"]["device_bytes"] == 64 * GIB * 3 // 4
    assert plan(LLAMA, {"device": "m1-max-64gb", "gpu_gb": "32"})["fit"]["device_bytes"] == 32 * GIB


def test_json_output_has_fit_and_speed():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["llama-3-8b", "--json", "--device", "rtx-4090", "--weights", "q4_k_m"]) == 0
    got = json.loads(out.getvalue())
    assert got["speed"]["decode_tokens_per_s_max"] == plan(LLAMA, {"device": "rtx-4090", "weights": "q4_k_m"})[
        "speed"]["decode_tokens_per_s_max"]
    assert got["fit"]["per_device"]


@pytest.mark.parametrize(("config", "options", "named"), [
    (LLAMA, {"device": "rtx-9999"}, "device"),
    (LLAMA, {"devices": 0}, "devices"),
    (LLAMA, {"split": "rows"}, "split"),
    (LLAMA, {"offload": "layers:"}, "offload"),
    (LLAMA, {"offload": "layers:99"}, "offload"),
    (LLAMA, {"offload": "experts"}, "offload"),
    (MIXTRAL, {"offload": "experts:33"}, "offload"),
    (MIXTRAL, {"offload": "experts:0"}, "offload"),
    (LLAMA, {"bandwidth_gbs": "-3"}, "bandwidth_gbs"),
    (LLAMA, {"tflops": "fast"}, "tflops"),
    (LLAMA, {"cpu_gb": "lots", "device": "rtx-4090"}, "cpu_gb"),
    (LLAMA, {"device": "ddr5-5600-2ch"}, "gpu_gb"),
    (LLAMA, {"device": "rtx-4090", "offload": "layers:4"}, "cpu_bandwidth_gbs"),
    (LLAMA, {"cpu_memory": "rtx-4090"}, "cpu_memory"),
])
def test_a_bad_option_is_an_error_naming_it(config, options, named):
    with pytest.raises(ConfigError, match=f"option '{named}'"):
        plan(config, options)
