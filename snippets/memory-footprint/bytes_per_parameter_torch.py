"""Bytes per parameter by data type, and what a 7-billion-parameter model's weights
weigh in GB and in GiB."""

import torch

# count-params: llama-2-7b
# printed by `count-params llama-2-7b`, the parameter counter
N_PARAMS = 6_738_415_616
# a gigabyte is 10^9 bytes; a gibibyte is 2^30 = 1,073,741,824 bytes
GB, GiB = 10**9, 2**30

for dtype in (torch.float32, torch.float16, torch.bfloat16, torch.int8):
    t = torch.zeros(1000, dtype=dtype)
    print(
        f"{str(dtype):15} {t.element_size()} bytes per parameter  (1000 parameters: "
        f"{t.nbytes} bytes)"
    )

# int4: torch has no 4-bit element type for storage here, so two 4-bit values are packed
# into one uint8.
# 8 values in the int4 range [-8, 7]
q = torch.tensor([-8, -3, 0, 1, 2, 5, 7, -1], dtype=torch.int8)
nibbles = (q & 0x0F).to(torch.uint8)
packed = nibbles[0::2] | (nibbles[1::2] << 4)  # low nibble, high nibble
unpacked = torch.stack([packed & 0x0F, packed >> 4], dim=1).flatten().to(torch.int8)
unpacked = torch.where(unpacked > 7, unpacked - 16, unpacked)  # back to signed
print(
    f"int4 packed: {q.numel()} values in {packed.nbytes} bytes, round trip exact: "
    f"{torch.equal(unpacked, q)}"
)

print(f"\n1 GB = {GB:,} bytes; 1 GiB = {GiB:,} bytes ({GiB / GB - 1:.1%} more)")
print(f"weights of a model with {N_PARAMS:,} parameters:")
formats = {
    "float32": 4,
    "float16 / bfloat16": 2,
    "int8": 1,
    "int4 (packed)": 0.5,
    "int4 + fp16 scale per 32": 4.5 / 8,
}
for name, nbytes in formats.items():
    total = N_PARAMS * nbytes
    print(
        f"  {name:25} {nbytes:>6.4g} B/param  {total / GB:7.2f} GB = "
        f"{total / GiB:7.2f} GiB"
    )
