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

Every figure comes from the maker's own page (VENDOR_DOMAINS: NVIDIA's, AMD's, Apple's
specification pages, datasheets and architecture whitepapers; for a CPU configuration,
the CPU maker's page giving its memory channels and speed); a figure no such page gives
is None, and "missing" says why. Figures are the peaks as the cited page states them.
Where a page gives the rate with 2:4 sparsity only, the dense rate is half of it
(sparsity doubles the rate); the note says so. A GeForce card's FP16 rate with FP16
accumulation is twice its rate with FP32 accumulation; the table keeps the higher, so
that the prefill time it gives stays a lower bound whichever a runtime uses.
"""

from __future__ import annotations

# The vendors' own pages, one constant per page (several figures share one).
A100 = ("https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/"
        "nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf")
H100 = "https://www.nvidia.com/en-us/data-center/h100/"
H100_DATASHEET = ("https://resources.nvidia.com/en-us-tensor-core/"
                  "nvidia-tensor-core-gpu-datasheet")
H200 = "https://www.nvidia.com/en-us/data-center/h200/"
DGX_B200 = "https://resources.nvidia.com/en-us-dgx-systems/dgx-b200-datasheet"
HGX = "https://www.nvidia.com/en-us/data-center/hgx/"
AMPERE_WP = ("https://www.nvidia.com/content/PDF/"
             "nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf")
ADA_WP = ("https://images.nvidia.com/aem-dam/Solutions/geforce/ada/"
          "nvidia-ada-gpu-architecture.pdf")
BLACKWELL_WP = ("https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/"
                "nvidia-rtx-blackwell-gpu-architecture.pdf")
MI250X = "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html"
MI300X = "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html"
MI325X = "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html"
MI355X = "https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html"
RX6900XT = ("https://www.amd.com/en/products/graphics/desktops/radeon/6000-series/"
            "amd-radeon-rx-6900-xt.html")
RX7900XTX = ("https://www.amd.com/en/products/graphics/desktops/radeon/7000-series/"
             "amd-radeon-rx-7900xtx.html")
RX9070XT = ("https://www.amd.com/en/products/graphics/desktops/radeon/9000-series/"
            "amd-radeon-rx-9070xt.html")
M1_MAX = ("https://www.apple.com/newsroom/2021/10/"
          "introducing-m1-pro-and-m1-max-the-most-powerful-chips-apple-has-ever-built/")
M2_ULTRA = "https://www.apple.com/newsroom/2023/06/apple-introduces-m2-ultra/"
M3_MAX = "https://support.apple.com/en-us/117737"
M4_MAX = "https://www.apple.com/newsroom/2024/10/apple-introduces-m4-pro-and-m4-max/"
RYZEN_5950X = ("https://www.amd.com/en/products/processors/desktops/ryzen/5000-series/"
               "amd-ryzen-9-5950x.html")
RYZEN_9950X = ("https://www.amd.com/en/products/processors/desktops/ryzen/9000-series/"
               "amd-ryzen-9-9950x.html")
TR_PRO_7995WX = ("https://www.amd.com/en/products/processors/workstations/"
                 "ryzen-threadripper/7000-wx-series/amd-ryzen-threadripper-pro-7995wx.html")
EPYC_9654 = ("https://www.amd.com/en/products/processors/server/epyc/"
             "4th-generation-9004-and-8004-series/amd-epyc-9654.html")

# Each device's figures must come from its maker's domain; a test holds the table to it.
VENDOR_DOMAINS = {"NVIDIA": ("nvidia.com",), "AMD": ("amd.com",),
                  "Apple": ("apple.com",)}

SPARSE_HALF = "the page gives the rate with 2:4 sparsity; dense is half"
FP16_ACC = ("FP16 tensor rate with FP16 accumulation, the higher of the two the "
            "whitepaper gives")
NO_DENSE_RATE = ("no dense 16-bit matrix rate from the maker is cited yet: give "
                 "--tflops for the prefill bound")
APPLE_NO_RATE = ("Apple publishes no 16-bit GPU rate for this chip: give --tflops "
                 "for the prefill bound")


def _gpu(title, memory_gb, bandwidth_gbs, tflops, memory, bandwidth, compute,
         note=None, kind="gpu", missing=None):
    """A device; ``missing`` says, per figure left out (None), why no vendor page
    gives it."""
    return {"title": title, "kind": kind, "memory_gb": memory_gb,
            "bandwidth_gbs": bandwidth_gbs, "tflops": tflops,
            "sources": {"memory_gb": memory, "bandwidth_gbs": bandwidth,
                        "tflops": compute},
            "missing": missing or {}, "note": note}


def _cpu(title, channels, mts, source):
    """A CPU's memory: channels of 64 bits (8 bytes) at mts million transfers/s, as
    the CPU maker's page gives its channels and speed."""
    return {"title": title, "kind": "cpu", "memory_gb": None,
            "bandwidth_gbs": channels * 8 * mts / 1000, "tflops": None,
            "channels": channels, "mts": mts,
            "sources": {"memory_gb": None, "bandwidth_gbs": source, "tflops": None},
            "missing": {"memory_gb": "the machine's: give --gpu-gb or --cpu-gb",
                        "tflops": "a CPU's compute is not in the table: give --tflops"},
            "note": f"{channels} channels x 8 bytes x {mts} MT/s"}


DEVICES = {
    # NVIDIA, datacenter: Ampere, Hopper, Blackwell
    "a100-sxm-80gb": _gpu("NVIDIA A100 SXM 80GB", 80, 2039, 312, A100, A100, A100),
    "h100-pcie": _gpu("NVIDIA H100 PCIe", 80, 2000, 756.5, H100_DATASHEET,
                      H100_DATASHEET, H100_DATASHEET, note=SPARSE_HALF),
    "h100-sxm": _gpu("NVIDIA H100 SXM", 80, 3350, 989.5, H100, H100, H100,
                     note=SPARSE_HALF),
    "h200-sxm": _gpu("NVIDIA H200 SXM", 141, 4800, 989.5, H200, H200, H200,
                     note=SPARSE_HALF),
    "b200": _gpu("NVIDIA B200 (HGX)", 180, 8000, 2250, DGX_B200, DGX_B200, HGX,
                 note="one eighth of an eight-GPU system's 1,440 GB, 64 TB/s and "
                      "36 PFLOPS (2:4 sparse, so dense is half)"),
    # NVIDIA, GeForce: Ampere, Ada, Blackwell
    "rtx-3090": _gpu("NVIDIA GeForce RTX 3090", 24, 936, 142, AMPERE_WP, AMPERE_WP,
                     AMPERE_WP, note=FP16_ACC),
    "rtx-4090": _gpu("NVIDIA GeForce RTX 4090", 24, 1008, 330.3, ADA_WP, ADA_WP,
                     ADA_WP, note=FP16_ACC),
    "rtx-5090": _gpu("NVIDIA GeForce RTX 5090", 32, 1792, 419.2, BLACKWELL_WP,
                     BLACKWELL_WP, BLACKWELL_WP, note=FP16_ACC),
    # AMD, Instinct: CDNA 2, CDNA 3, CDNA 4
    "mi250x": _gpu("AMD Instinct MI250X", 128, 3200, 383, MI250X, MI250X, MI250X,
                   note="two dies in one package; the figures are the package's"),
    "mi300x": _gpu("AMD Instinct MI300X", 192, 5300, 1307.4, MI300X, MI300X, MI300X),
    "mi325x": _gpu("AMD Instinct MI325X", 256, 6000, 1307.4, MI325X, MI325X, MI325X),
    "mi355x": _gpu("AMD Instinct MI355X", 288, 8000, None, MI355X, MI355X, None,
                   missing={"tflops": NO_DENSE_RATE}),
    # AMD, Radeon: RDNA 2, RDNA 3, RDNA 4
    "rx-6900-xt": _gpu("AMD Radeon RX 6900 XT", 16, 512, 46.08, RX6900XT, RX6900XT,
                       RX6900XT, note="peak half precision; RDNA 2 has no matrix "
                                      "units"),
    "rx-7900-xtx": _gpu("AMD Radeon RX 7900 XTX", 24, 960, 122.8, RX7900XTX,
                        RX7900XTX, RX7900XTX, note="peak half precision"),
    "rx-9070-xt": _gpu("AMD Radeon RX 9070 XT", 16, 640, None, RX9070XT, RX9070XT,
                       None, missing={"tflops": NO_DENSE_RATE}),
    # Apple: the GPU shares the machine's memory (see unified_share)
    "m1-max-64gb": _gpu("Apple M1 Max (32-core GPU), 64 GB", 64, 400, None, M1_MAX,
                        M1_MAX, None, kind="unified",
                        missing={"tflops": APPLE_NO_RATE}),
    "m2-ultra-192gb": _gpu("Apple M2 Ultra (76-core GPU), 192 GB", 192, 800, None,
                           M2_ULTRA, M2_ULTRA, None, kind="unified",
                           missing={"tflops": APPLE_NO_RATE}),
    "m3-max-64gb": _gpu("Apple M3 Max (40-core GPU), 64 GB", 64, 400, None, M3_MAX,
                        M3_MAX, None, kind="unified",
                        missing={"tflops": APPLE_NO_RATE},
                        note="64 GB: the configuration of the measurements on the "
                             "prefill-and-decode page"),
    "m4-max-128gb": _gpu("Apple M4 Max (40-core GPU), 128 GB", 128, 546, None,
                         M4_MAX, M4_MAX, None, kind="unified",
                         missing={"tflops": APPLE_NO_RATE}),
    # CPU memory: a desktop's two channels, a workstation's eight, a server's twelve
    "ddr4-3200-2ch": _cpu("DDR4-3200, 2 channels (desktop)", 2, 3200, RYZEN_5950X),
    "ddr5-5600-2ch": _cpu("DDR5-5600, 2 channels (desktop)", 2, 5600, RYZEN_9950X),
    "ddr5-5200-8ch": _cpu("DDR5-5200, 8 channels (AMD Threadripper PRO 7000 WX)", 8,
                          5200, TR_PRO_7995WX),
    "ddr5-4800-12ch": _cpu("DDR5-4800, 12 channels (AMD EPYC 9004)", 12, 4800,
                           EPYC_9654),
}

# How much of a Mac's memory the GPU may use by default: what Metal reports as
# recommendedMaxWorkingSetSize, in the logs of llama.cpp users (10922.67 MB of 16 GB
# and 21845.34 MB of 32 GB: two thirds; about 47 GB of 64 GB and 73728 MB of 96 GB:
# three quarters). macOS
# lets the limit be raised (sysctl iogpu.wired_limit_mb; Metal then reports the new
# value), so a larger --gpu-gb is allowed.
UNIFIED_SHARE = {"small": [2, 3], "large": [3, 4], "small_up_to_gb": 32}
UNIFIED_SOURCES = [
    # Apple documents the property; the llama.cpp logs give its values
    "https://developer.apple.com/documentation/metal/mtldevice/"
    "recommendedmaxworkingsetsize",
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
