"""The prefill-and-decode page's limits, checked two ways: against published measurements (no runtime may decode
faster than the bound the counter computes for its device, model and format) and against the bytes memory()
counts, composed here by hand (bandwidth over the bytes a step reads), so that plan() cannot drift from the
memory rules it is built on.
"""

from __future__ import annotations

import csv
from urllib.parse import urlsplit

import pytest
from count_params import load_config, memory
from count_params.hardware import DEVICES, VENDOR_DOMAINS
from count_params.speed import plan

from tests.support import ROOT

ROWS = list(csv.DictReader((ROOT / "data" / "decode_measurements.csv").open(encoding="utf-8")))


def bound(row: dict) -> float:
    options = {"device": row["device"], "devices": row["devices"], "weights": row["weights"],
               "context_length": row["context"]}
    return plan(load_config(row["model"]), options)["speed"]["decode_tokens_per_s_max"]


def test_at_least_ten_measurements_from_gpus_apple_gpus_and_cpu_cores():
    """Issue 28: the ratio table covers the device classes GPU, Apple and CPU (llama.cpp's CPU backend)."""
    assert len(ROWS) >= 10
    classes = {"CPU" if r["backend"] == "CPU" else DEVICES[r["device"]]["kind"] for r in ROWS}
    assert classes == {"gpu", "unified", "CPU"}, classes
    assert all(r["source"].strip() and r["backend"] in ("CUDA", "Metal", "CPU") for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['device']}x{r['devices']}-{r['model']}-{r['weights']}" for r in ROWS])
def test_every_published_measurement_is_at_or_below_its_bound(row):
    assert float(row["measured_tokens_per_s"]) <= bound(row)


def test_the_bound_is_bandwidth_over_the_weights_a_token_multiplies_and_the_cache():
    """Llama 3 8B in bf16 on an RTX 4090: every weight but the input embedding table, and the cache."""
    config = load_config("llama-3-8b")
    mem = memory(config, {"weights": "bf16", "context_length": 1000})
    read = mem["weights"]["bytes"] - mem["weights"]["by_component"]["embeddings"] + mem["kv_cache"]["bytes"]
    got = plan(config, {"device": "rtx-4090", "weights": "bf16", "context_length": 1000})["speed"]
    assert got["decode_tokens_per_s_max"] == pytest.approx(DEVICES["rtx-4090"]["bandwidth_gbs"] * 1e9 / read)


def test_a_mixture_of_experts_reads_only_the_experts_a_token_is_routed_to():
    """Mixtral in bf16: the routed experts' bytes from the config's shapes, 6 of every 8 left unread."""
    config = load_config("mixtral-8x7b-v0.1")
    L, d, inner = config["num_hidden_layers"], config["hidden_size"], config["intermediate_size"]
    E, k = config["num_local_experts"], config["num_experts_per_tok"]
    unread = L * (E - k) * 3 * d * inner * 2
    mem = memory(config, {"weights": "bf16", "context_length": 1})
    read = (mem["weights"]["bytes"] - mem["weights"]["by_component"]["embeddings"] - unread
            + mem["kv_cache"]["bytes"])
    got = plan(config, {"bandwidth_gbs": 1000, "weights": "bf16", "context_length": 1})["speed"]
    assert got["decode_tokens_per_s_max"] == pytest.approx(1000e9 / read, rel=1e-6)


def test_a_multimodal_model_reads_its_language_model_and_no_tower_per_token():
    """Llama 4 Scout in bf16: its vision tower and projector are held (memory counts them) but run once per image,
    and a text token reads 1 of its 16 routed experts per layer, the experts' count from the text_config's shapes."""
    config = load_config("llama-4-scout-17b-16e")
    text = config["text_config"]
    L, d, inner = text["num_hidden_layers"], text["hidden_size"], text["intermediate_size"]
    E, k = text["num_local_experts"], text["num_experts_per_tok"]
    unread = L * (E - k) * 3 * d * inner * 2
    mem = memory(config, {"weights": "bf16", "context_length": 1})
    by = mem["weights"]["by_component"]
    assert by["vision_tower"] > 0 and by["projector"] > 0
    read = (mem["weights"]["bytes"] - by["embeddings"] - by["vision_tower"] - by["projector"] - unread
            + mem["kv_cache"]["bytes"])
    got = plan(config, {"bandwidth_gbs": 1000, "weights": "bf16", "context_length": 1})["speed"]
    assert got["decode_tokens_per_s_max"] == pytest.approx(1000e9 / read, rel=1e-6)
    # and a dense one, in int8 (its SigLIP tower too): every weight but the tower and the projector
    config = load_config("gemma-3-4b-it")
    mem = memory(config, {"weights": "int8", "context_length": 1})
    by = mem["weights"]["by_component"]
    # the table is read whole as the tied output head
    read = mem["weights"]["bytes"] - by["vision_tower"] - by["projector"] + mem["kv_cache"]["bytes"]
    got = plan(config, {"bandwidth_gbs": 1000, "weights": "int8", "context_length": 1})["speed"]
    assert got["decode_tokens_per_s_max"] == pytest.approx(1000e9 / read, rel=1e-6)


def test_a_tensor_split_divides_the_step_and_a_layer_split_does_not():
    config = load_config("llama-3-8b")
    one, layers, tensors = (plan(config, {"device": "h100-sxm", "devices": n, "split": split})["speed"]
                            for n, split in ((1, "layers"), (4, "layers"), (4, "tensors")))
    assert layers["decode_tokens_per_s_max"] == pytest.approx(one["decode_tokens_per_s_max"])
    assert tensors["decode_tokens_per_s_max"] == pytest.approx(4 * one["decode_tokens_per_s_max"])


def test_a_large_batch_becomes_bound_by_compute_at_peak_flops_over_two_flops_per_weight():
    config = load_config("llama-3-8b")
    small = plan(config, {"device": "h100-sxm", "context_length": 1, "batch_size": 1})["speed"]
    large = plan(config, {"device": "h100-sxm", "context_length": 1, "batch_size": 4096})["speed"]
    assert small["decode_bound_by"] == "memory bandwidth"
    assert large["decode_bound_by"] == "compute"
    assert large["decode_tokens_per_s_max"] == pytest.approx(
        DEVICES["h100-sxm"]["tflops"] * 1e12 / large["flops_per_step"] * 4096)


def test_prefill_takes_at_least_its_flops_at_peak_compute():
    config = load_config("llama-3-8b")
    got = plan(config, {"device": "rtx-4090", "context_length": 4096})["speed"]
    assert got["prefill_seconds_min"] >= 4096 * got["flops_per_step"] / (DEVICES["rtx-4090"]["tflops"] * 1e12)
    assert plan(config, {"device": "m1-max-64gb"})["speed"]["prefill_seconds_min"] is None  # no cited TFLOPS


def test_every_figure_of_the_device_table_is_cited_to_its_maker_or_says_why_it_is_missing():
    """Issue 28: each figure from the vendor's own specification. A device's pages are on its maker's domain (a CPU
    configuration's on a CPU maker's); a figure left out (None) says why."""
    every_domain = [d for domains in VENDOR_DOMAINS.values() for d in domains]
    for name, device in DEVICES.items():
        maker = [v for v in VENDOR_DOMAINS if device["title"].startswith(v + " ")]
        domains = VENDOR_DOMAINS[maker[0]] if maker else every_domain
        assert maker or device["kind"] == "cpu", f"{name}: the title names no maker of VENDOR_DOMAINS"
        for figure in ("memory_gb", "bandwidth_gbs", "tflops"):
            if device[figure] is None:
                assert device["missing"].get(figure, "").strip(), f"{name}: {figure} is left out without a reason"
                continue
            url = device["sources"][figure] or ""
            host = urlsplit(url).hostname or ""
            assert url.startswith("https://") and any(host == d or host.endswith("." + d) for d in domains), (
                f"{name}: {figure} is cited to {url!r}, not to a page of {' or '.join(domains)}")


def test_the_device_table_covers_three_generations_of_each_gpu_line_and_cpu_memory_from_desktop_to_server():
    """Issue 28: consumer and datacenter GPUs of the last three generations from NVIDIA and AMD, Apple M-series, and a
    few CPU memory configurations."""
    titles = [d["title"] for d in DEVICES.values()]
    lines = {"NVIDIA datacenter": [t for t in titles if t.startswith("NVIDIA ") and "GeForce" not in t],
             "NVIDIA GeForce": [t for t in titles if t.startswith("NVIDIA GeForce ")],
             "AMD Instinct": [t for t in titles if t.startswith("AMD Instinct ")],
             "AMD Radeon": [t for t in titles if t.startswith("AMD Radeon ")],
             "Apple": [t for t in titles if t.startswith("Apple ")]}
    assert all(len(found) >= 3 for found in lines.values()), lines
    channels = sorted(d["channels"] for d in DEVICES.values() if d["kind"] == "cpu")
    assert channels[0] == 2 and channels[-1] >= 8 and len(channels) >= 3, channels
