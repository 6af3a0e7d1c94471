"""Llama 3 8B in bf16 on a machine with 8 GB of RAM, memory-mapped from an NVMe drive.
Every decode step reads every weight a token uses. At best the page cache keeps 8 GiB
of them in RAM (all of the RAM, nothing else in it); the rest comes from the drive at
every step, so the drive's read bandwidth bounds the speed, however fast the rest is."""

from count_params import load_config
from count_params.speed import plan

# --8<-- [start:disk]
DRIVE_GBS = 7.45  # Samsung 990 PRO, sequential read up to 7,450 MB/s
RAM = 8 * 2**30  # bytes of weights the page cache can keep, at the very most

step = plan(load_config("llama-3-8b"), {"weights": "bf16", "context_length": 1,
                                        "bandwidth_gbs": DRIVE_GBS})["speed"]
read = sum(step["bytes_per_step"].values())
from_disk = read - min(read, RAM)
print(f"read per token:     {read / 1e9:5.2f} GB")
print(f"kept in RAM:        {min(read, RAM) / 1e9:5.2f} GB at most")
print(f"from the drive:     {from_disk / 1e9:5.2f} GB at least")
print(f"decode, at most:    {DRIVE_GBS * 1e9 / from_disk:5.2f} tokens/s"
      f" (at {DRIVE_GBS} GB/s)")
print(f"nothing kept in RAM: {step['decode_tokens_per_s_max']:4.2f} tokens/s at most")
# --8<-- [end:disk]
