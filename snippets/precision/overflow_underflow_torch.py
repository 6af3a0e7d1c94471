"""Overflow, underflow and lost increments in fp16, bf16 and fp8: what a cast does to
numbers outside the format."""

import torch

formats = {
    "fp32": torch.float32,
    "fp16": torch.float16,
    "bf16": torch.bfloat16,
    "e4m3fn": torch.float8_e4m3fn,
    "e5m2": torch.float8_e5m2,
}
values = torch.tensor([70000.0, 500.0, 1e-3, 1e-6, 1e-8, 1e-40], dtype=torch.float64)


def show(t):
    return " ".join(f"{v:9.3g}" for v in t.to(torch.float64).tolist())


print(f"{'value':8} {show(values)}")
for name, dtype in formats.items():
    print(f"{name:8} {show(values.to(dtype))}")

# adding a small update to a weight of 1.0: below half the gap after 1.0, the update is
# lost
for name, dtype in list(formats.items())[:3]:
    w = torch.tensor(1.0, dtype=dtype)
    results = []
    for update in [1e-2, 1e-3, 1e-4]:
        changed = bool((w + torch.tensor(update, dtype=dtype)) != w)
        results.append(f"1 + {update:g} {'changes' if changed else 'is still 1'}")
    print(f"{name}: " + "; ".join(results))
