"""The devices readers own, as data: memory, memory bandwidth and dense 16-bit compute,
each figure with the page it was read from (count_params.speed uses them; any figure
can be typed in instead with --bandwidth-gbs, --gpu-gb and --tflops).

Per device: "title"; "kind" ("gpu", "unified": a GPU sharing the machine's memory,
"cpu": a CPU's memory channels); "memory_gb", the memory as sold (a 24 GB card has
24 GiB, as the counter's --gpu-gb reads it; null for a CPU configuration, whose size
is --gpu-gb or --cpu-gb); "bandwidth_gbs", peak memory bandwidth in GB/s (10^9 bytes
per second); "tflops", peak dense 16-bit matrix throughput in 10^12 FLOP/s (null where
no source gives it: the prefill bound then needs --tflops); "sources", the page each
figure comes from; "note", what the figures mean where that needs saying.

Figures are the vendor's peaks as the cited page states them. Where a page gives the
rate with 2:4 sparsity only, the dense rate is half of it (sparsity doubles the rate);
the note says so. A GeForce card's FP16 rate with FP16 accumulation is twice its rate
with FP32 accumulation; the table keeps the higher, so that the prefill time it gives
stays a lower bound whichever a runtime uses.
"""

from __future__ import annotations

KLOCKWOOD_A100 = "https://glennklockwood.com/garden/processors/A100"
KLOCKWOOD_H100 = "https://glennklockwood.com/garden/processors/h100"
HPCTECH_H100 = "https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html"
H200_PAGE = "https://lzwjava.github.io/nvidia-h200-gpu-specs-en"
H200_SAME = "https://aiwiki.ai/wiki/nvidia_h200/raw"
B200_MEMORY = "https://docs.vultr.com/inference-cookbook/cuda/getting-started/hardware-overview"
B200_TENSOR = "https://hmc-tech.com/gpu/nvidia-b200-vs-nvidia-gb200"
RTX3090 = "https://holynerdvana.blogspot.com/2022/10/nvidia-geforce-rtx-3090-specifications.html"
RTX4090 = "https://www.thefpsreview.com/gpu-family/nvidia-geforce-rtx-4090-gpu-family-specifications"
RTX4090_TENSOR = ("https://hmc-tech.com/gpus/"
                  "nvidia-geforce-rtx-4090-vs-nvidia-rtx-pro-5000-blackwell")
RTX5090 = "https://www.spheron.network/blog/nvidia-rtx-5090-specs/"
MI300X = "https://www.jaredwatkins.com/research/ai-accelerators/amd-instinct/mi300-series/"
RX7900XTX = "https://guru3d.com/review/xfx-radeon-rx-7900-xtx-magair-review/page-4"
M1_MAX = ("https://www.gizbot.com/computer/features/"
          "apple-m1-pro-apple-m1-max-explained-most-powerful-apple-silicon-077376.html")
M2_ULTRA = "https://www.apple.com/sa/newsroom/2023/06/apple-introduces-m2-ultra"
M3_MAX = ("https://macmegasite.com/2024/10/30/"
          "m4-max-chip-has-16-core-cpu-40-core-gpu-and-35-increase-in-memory-bandwidth")
M4_MAX = "https://www.macrumors.com/2024/10/30/apple-announces-m4-max-chip/"
BENCH = "https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference"
CHANNEL = "https://infinitelexicon.pages.dev/memorybandwidth"
EPYC_12CH = "https://capn3m0.org/amd-confirms-twelve-ddr5-memory/"

SPARSE_HALF = "the page gives the rate with 2:4 sparsity; dense is half"


def _gpu(title, memory_gb, bandwidth_gbs, tflops, memory, bandwidth, compute,
         note=None, kind="gpu"):
    return {"title": title, "kind": kind, "memory_gb": memory_gb,
            "bandwidth_gbs": bandwidth_gbs, "tflops": tflops,
            "sources": {"memory_gb": memory, "bandwidth_gbs": bandwidth,
                        "tflops": compute},
            "note": note}


def _cpu(title, channels, mts, source):
    """A CPU's memory: channels of 64 bits (8 bytes) at mts million transfers/s."""
    return {"title": title, "kind": "cpu", "memory_gb": None,
            "bandwidth_gbs": channels * 8 * mts / 1000, "tflops": None,
            "channels": channels, "mts": mts,
            "sources": {"memory_gb": None, "bandwidth_gbs": source, "tflops": None},
            "note": f"{channels} channels x 8 bytes x {mts} MT/s"}


DEVICES = {
    # NVIDIA, datacenter: Ampere, Hopper, Blackwell
    "a100-sxm-80gb": _gpu("NVIDIA A100 SXM 80GB", 80, 2039, 312,
                          KLOCKWOOD_A100, KLOCKWOOD_A100, KLOCKWOOD_A100),
    "h100-pcie": _gpu("NVIDIA H100 PCIe", 80, 2000, 756.5,
                      HPCTECH_H100, HPCTECH_H100, HPCTECH_H100, note=SPARSE_HALF),
    "h100-sxm": _gpu("NVIDIA H100 SXM", 80, 3350, 989.4,
                     HPCTECH_H100, HPCTECH_H100, KLOCKWOOD_H100),
    "h200-sxm": _gpu("NVIDIA H200 SXM", 141, 4800, 989.4, H200_PAGE, H200_PAGE,
                     H200_SAME, note="compute as the H100 SXM: the same GH100 "
                                     "silicon, the cited page says"),
    "b200": _gpu("NVIDIA B200 (HGX)", 179, 8000, 2250, B200_MEMORY, B200_MEMORY,
                 B200_TENSOR, note="memory as nvidia-smi reports it"),
    # NVIDIA, GeForce: Ampere, Ada, Blackwell
    "rtx-3090": _gpu("NVIDIA GeForce RTX 3090", 24, 936, 142, RTX3090, RTX3090,
                     RTX3090, note="FP16 tensor rate with FP16 accumulation"),
    "rtx-4090": _gpu("NVIDIA GeForce RTX 4090", 24, 1008, 330.3, RTX4090, RTX4090,
                     RTX4090_TENSOR, note="FP16 tensor rate with FP16 accumulation"),
    "rtx-5090": _gpu("NVIDIA GeForce RTX 5090", 32, 1792, 419.2, RTX5090, RTX5090,
                     RTX5090, note=SPARSE_HALF),
    # AMD
    "mi300x": _gpu("AMD Instinct MI300X", 192, 5300, 1300, MI300X, MI300X, MI300X,
                   note="the page gives compute as about 1.3 PFLOPS FP16"),
    "rx-7900-xtx": _gpu("AMD Radeon RX 7900 XTX", 24, 960, None, RX7900XTX,
                        RX7900XTX, None, note="no 16-bit matrix rate cited"),
    # Apple: the GPU shares the machine's memory (see unified_share)
    "m1-max-64gb": _gpu("Apple M1 Max (32-core GPU), 64 GB", 64, 400, None, M1_MAX,
                        M1_MAX, None, kind="unified"),
    "m2-ultra-192gb": _gpu("Apple M2 Ultra (76-core GPU), 192 GB", 192, 800, None,
                           M2_ULTRA, M2_ULTRA, None, kind="unified"),
    "m3-max-64gb": _gpu("Apple M3 Max (40-core GPU), 64 GB", 64, 400, None, BENCH,
                        M3_MAX, None, kind="unified",
                        note="64 GB: the configuration the cited benchmark ran"),
    "m4-max-128gb": _gpu("Apple M4 Max (40-core GPU), 128 GB", 128, 546, None,
                         M4_MAX, M4_MAX, None, kind="unified"),
    # CPU memory: a desktop's two channels, a server's twelve
    "ddr4-3200-2ch": _cpu("DDR4-3200, 2 channels (desktop)", 2, 3200, CHANNEL),
    "ddr5-5600-2ch": _cpu("DDR5-5600, 2 channels (desktop)", 2, 5600, CHANNEL),
    "ddr5-4800-12ch": _cpu("DDR5-4800, 12 channels (AMD EPYC 9004)", 12, 4800,
                           EPYC_12CH),
}

# How much of a Mac's memory the GPU may use by default: what Metal reports as
# recommendedMaxWorkingSetSize, in the logs of llama.cpp users (10922.67 MB of 16 GB
# and 21845.34 MB of 32 GB: two thirds; about 47 GB of 64 GB and 73728 MB of 96 GB:
# three quarters). macOS
# lets the limit be raised (sysctl iogpu.wired_limit_mb; Metal then reports the new
# value), so a larger --gpu-gb is allowed.
UNIFIED_SHARE = {"small": [2, 3], "large": [3, 4], "small_up_to_gb": 32}
UNIFIED_SOURCES = [
    "https://github.com/abetlen/llama-cpp-python/issues/687",
    "https://github.com/ggml-org/llama.cpp/pull/2011",
    "https://github.com/ggml-org/llama.cpp/issues/1870",
    "https://github.com/ggml-org/llama.cpp/issues/3213",
    "https://github.com/AlexsJones/llmfit/pull/754",
]


def unified_share(memory_gb: float) -> list:
    """[numerator, denominator] of a Mac's memory its GPU may use by default."""
    small = memory_gb <= UNIFIED_SHARE["small_up_to_gb"]
    return UNIFIED_SHARE["small" if small else "large"]
