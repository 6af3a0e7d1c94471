"""Mixtral 8x7B in GGUF Q4_K_M does not fit a 24 GB RTX 4090. Two ways to run it with
part of it in the desktop's 64 GB of DDR5-5600 (two channels): whole layers in CPU RAM,
or only the routed experts. The bound on decode speed for each, from the counter."""

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
curve = []
for k in range(0, 33):
    offload = "none" if k == 0 else f"layers:{k}"
    fits, gpu, cpu, rate = run(offload)
    curve.append((k, round(rate, 2), fits))
    if k in (0, 8, 10, 16, 32):
        print(f"{offload:10} {fits!s:>5} {gpu:7.1f} {cpu:7.1f} {rate:17.1f}")
fits, gpu, cpu, experts = run("experts")
print(f"{'experts':10} {fits!s:>5} {gpu:7.1f} {cpu:7.1f} {experts:17.1f}")
first = next(k for k, _, ok in curve if ok)
print(f"fewest layers in CPU RAM for the rest to fit: {first}")
# --8<-- [end:compare]

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.3))
ks, rates, oks = zip(*curve, strict=True)
ax.plot(ks, rates, marker=".", color="tab:blue", label="whole layers in CPU RAM")
ax.plot([k for k, ok in zip(ks, oks, strict=True) if not ok],
        [r for r, ok in zip(rates, oks, strict=True) if not ok], "x", color="tab:red",
        label="does not fit the 24 GB card")
ax.axhline(round(experts, 2), color="tab:orange", ls="--",
           label="routed experts in CPU RAM")
ax.set_yscale("log")
ax.set_yticks([5, 10, 20, 50, 100, 200], ["5", "10", "20", "50", "100", "200"])
ax.minorticks_off()
ax.set_xlabel("layers kept in CPU RAM (of 32)")
ax.set_ylabel("decode tokens/s (bound)")
ax.set_title("Mixtral 8x7B Q4_K_M on an RTX 4090 + DDR5", fontsize=10)
ax.legend(fontsize=8)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("experts_or_layers.svg", metadata=no_metadata)
