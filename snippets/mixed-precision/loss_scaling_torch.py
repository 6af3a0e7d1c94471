"""Why fp16 training scales the loss: small gradients underflow to zero in fp16 but
survive when scaled first."""

import torch

# gradient values as they come out of backpropagation
grads = torch.tensor([1e-3, 1e-5, 1e-7, 1e-9])
scale = 2.0**16  # a typical starting loss scale
print("fp32             ", " ".join(f"{g:.3g}" for g in grads.tolist()))
print("fp16             ", " ".join(f"{g:.3g}" for g in grads.half().float().tolist()))
# scale the loss, so every gradient is scaled too, then store in fp16
scaled = (grads * scale).half()
print(
    "fp16 scaled, back", " ".join(f"{g:.3g}" for g in (scaled.float() / scale).tolist())
)
print(
    "bf16             ", " ".join(f"{g:.3g}" for g in grads.bfloat16().float().tolist())
)
