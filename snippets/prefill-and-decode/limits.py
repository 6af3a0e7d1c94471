"""Llama 3 8B in GGUF Q4_K_M on three devices from the counter's table: the shortest
possible prefill of a 4096-token prompt (time to first token) and the most tokens per
second decoding can reach, for one sequence and for 64 decoded together."""

from count_params import load_config
from count_params.hardware import DEVICES
from count_params.speed import plan

# --8<-- [start:limits]
config = load_config("llama-3-8b")
print(f"{'device':10} {'prefill 4096':>12} {'decode, 1 seq':>13} {'64 seqs':>8}  "
      "64 seqs bound by")
for device in ("rtx-4090", "h100-sxm", "mi300x"):
    rates = {}
    for batch in (1, 64):
        options = {"device": device, "weights": "q4_k_m", "context_length": 4096,
                   "batch_size": batch}
        rates[batch] = plan(config, options)["speed"]
    prefill = rates[1]["prefill_seconds_min"] * 1000
    print(f"{device:10} {prefill:9.1f} ms {rates[1]['decode_tokens_per_s_max']:9.0f}"
          f" t/s {rates[64]['decode_tokens_per_s_max']:8.0f}  "
          f"{rates[64]['decode_bound_by']}")
print(f"(peak 16-bit compute, TFLOPS: "
      f"{', '.join(str(DEVICES[d]['tflops']) for d in ('rtx-4090', 'h100-sxm'))}"
      f", {DEVICES['mi300x']['tflops']})")
# --8<-- [end:limits]
