"""When does decoding stop being limited by memory bandwidth? A roofline estimate for
one decoding step on an NVIDIA H100 SXM, weights and KV cache in bf16 (2 bytes).

Each step reads every weight once and uses it for one multiply-add (2 FLOPs) per
sequence in the batch: at batch B, 2B FLOPs per 2 bytes read. The GPU can do
peak / bandwidth FLOPs in the time it reads one byte; below that, the step waits for
memory. NVIDIA's H100 data sheet: BF16 Tensor Core 1,979 TFLOP/s with sparsity (dense:
half), GPU memory bandwidth 3.35 TB/s.
"""

PEAK = 1979e12 / 2  # FLOP/s, dense bf16
BANDWIDTH = 3.35e12  # bytes/s
BYTES = 2  # bf16

ridge = PEAK / BANDWIDTH  # FLOPs per byte at which compute and reading take as long
print(f"H100 SXM: {PEAK / 1e12:.1f} TFLOP/s / {BANDWIDTH / 1e12:.2f} TB/s"
      f" = {ridge:.0f} FLOPs per byte read")
print("weight matrices at batch B:")
print("      B   FLOPs per byte   time reading / time computing   limited by")
for batch in (1, 8, 64, 256, 512, 1024):
    intensity = 2 * batch / BYTES  # 2B FLOPs per weight, read once for the batch
    limit = "memory" if intensity < ridge else "arithmetic"
    print(f"  {batch:5}   {intensity:14,.0f}   {ridge / intensity:29.2f}   {limit}")
print(f"crossover: B = {ridge * BYTES / 2:.0f}")

# Attention over the KV cache: a token at context c does 4 c H h FLOPs per layer (q.k
# and pattern.v) and reads its own sequence's c keys and values, 2 c K h numbers (K
# key-value heads of width h). No other sequence shares those reads, so the intensity,
# H / K FLOPs per byte in bf16, is the same at any batch and any context.
print("attention over the KV cache, at any batch and context:")
for name, heads, kv_heads in [("multi-head, 32 heads", 32, 32),
                              ("grouped-query, 32 heads on 8", 32, 8)]:
    intensity = 4 * heads / (2 * kv_heads * BYTES)
    limit = "memory" if intensity < ridge else "arithmetic"
    print(f"  {name:28}  FLOPs per byte: {intensity:.0f}, limited by {limit}")
