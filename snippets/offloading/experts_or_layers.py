"""Mixtral 8x7B in GGUF Q4_K_M does not fit a 24 GB RTX 4090. Two ways to run it with
part of it in the desktop's 64 GB of DDR5-5600 (two channels): whole layers in CPU RAM,
or only the routed experts, of every layer or of the first N (llama.cpp's --n-cpu-moe
N). The bound on decode speed for each, from the counter."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from count_params import load_config
from count_params.speed import plan

# --8<-- [start:compare]
config = load_config("mixtral-8x7b-v0.1")
BASE = {"device": "rtx-4090", "weights": "q4_k_m", "context_length": 4096,
        "cpu_memory": "ddr5-5600-2ch", "cpu_gb": 64}


def run(offload):
    r = plan(config, {**BASE, "offload": offload})
    gpu = r["fit"]["per_device"][0]["total"] / 1e9
    cpu = (r["fit"]["cpu"]["weights"] + r["fit"]["cpu"]["kv_cache"]) / 1e9
    return r["fit"]["fits"], gpu, cpu, r["speed"]["decode_tokens_per_s_max"]


print(f"{'offload':10} {'fits':>5} {'GPU GB':>7} {'CPU GB':>7}"
      f" {'tokens/s at most':>17}")
curves = {"layers": [], "experts": []}
for k in range(0, 33):
    for cut, curve in curves.items():
        offload = "none" if k == 0 else f"{cut}:{k}"
        fits, gpu, cpu, rate = run(offload)
        curve.append((k, round(rate, 2), fits))
        if k in (8, 16, 32) or (k == 0 and cut == "layers"):
            print(f"{offload:10} {fits!s:>5} {gpu:7.1f} {cpu:7.1f} {rate:17.1f}")
for cut, curve in curves.items():
    k, rate = next((k, rate) for k, rate, ok in curve if ok)
    print(f"fewest {cut} in CPU RAM for the rest to fit: {cut}:{k},"
          f" at most {rate:.1f} tokens/s")
# --8<-- [end:compare]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.3))
labels = {"layers": "whole layers in CPU RAM", "experts": "their routed experts only"}
for (cut, curve), color in zip(curves.items(), ["tab:blue", "tab:orange"], strict=True):
    ks, rates, oks = zip(*curve, strict=True)
    ax.plot(ks, rates, marker=".", color=color, label=labels[cut])
    ax.plot([k for k, ok in zip(ks, oks, strict=True) if not ok],
            [r for r, ok in zip(rates, oks, strict=True) if not ok], "x",
            color="tab:red",
            label="does not fit the 24 GB card" if cut == "layers" else "_nolegend_")
ax.set_yscale("log")
ax.set_yticks([5, 10, 20, 50, 100, 200], ["5", "10", "20", "50", "100", "200"])
ax.minorticks_off()
ax.set_xlabel("first layers (of 32) kept in CPU RAM")
ax.set_ylabel("decode tokens/s (bound)")
ax.set_title("Mixtral 8x7B Q4_K_M on an RTX 4090 + DDR5", fontsize=10)
ax.legend(fontsize=8)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("experts_or_layers.svg", metadata=no_metadata)
