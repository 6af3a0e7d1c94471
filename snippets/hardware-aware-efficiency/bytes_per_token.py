"""Generating one token reads every weight once: bytes moved per token, and the speed
limit that sets, by format."""

# a 7-billion-parameter model (weights only; the KV cache and activations come on top)
n_params = 7e9
# an ASSUMED memory bandwidth of 1000 GB/s, to turn bytes into a time; not a measurement
bandwidth = 1e12
formats = {
    "fp32": 32,
    "bf16": 16,
    "int8 + per-channel scales": 8,
    "int4 + fp16 scale per 128": 4 + 16 / 128,
}
print(f"{'format':26} {'GB per token':>12} {'GiB':>6} {'ceiling tokens/s':>17}")
for name, bits in formats.items():
    bytes_per_token = n_params * bits / 8
    print(
        f"{name:26} {bytes_per_token / 1e9:12.2f} {bytes_per_token / 2**30:6.2f} "
        f"{bandwidth / bytes_per_token:17.0f}"
    )

# arithmetic intensity of a matrix-vector product (batch 1): 2 FLOPs (multiply + add)
# per weight read
for name, bits in formats.items():
    print(f"{name:26} {2 / (bits / 8):5.2f} FLOPs per byte of weights read")
