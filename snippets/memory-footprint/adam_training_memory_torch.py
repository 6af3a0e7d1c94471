"""Memory for training with Adam in mixed precision, measured on real tensors: 16 bytes
per parameter.

The recipe of Micikevicius et al. (2018), as counted by the ZeRO paper (Rajbhandari et
al., 2020, Section 3.1):
16-bit weights and gradients for the forward and backward passes, plus an fp32 master
copy of the weights and
Adam's two fp32 moment estimates in the optimizer. Activations and temporary buffers
come on top.
"""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
shapes = [(256, 128), (256,), (64, 256), (64,)]  # a small two-layer network

# fp32 master weights, owned by the optimizer
master = [torch.randn(s, requires_grad=True) for s in shapes]
opt = torch.optim.Adam(master, lr=1e-3)
# 16-bit copy used for compute
working = [p.detach().to(torch.bfloat16).requires_grad_() for p in master]

# One training step.
x, target = (
    torch.randn(32, 128, dtype=torch.bfloat16),
    torch.randn(32, 64, dtype=torch.bfloat16),
)
w1, b1, w2, b2 = working
loss = F.mse_loss(F.linear(F.gelu(F.linear(x, w1, b1)), w2, b2), target)
loss.backward()  # 16-bit gradients on the working copy
for m, w in zip(master, working, strict=True):
    m.grad = w.grad.float()  # handed to the optimizer for the update, then freed
opt.step()
for m, w in zip(master, working, strict=True):
    m.grad = None
    with torch.no_grad():
        w.copy_(m)  # the updated master weights, rounded to 16 bits for the next step

n = sum(p.numel() for p in master)
state = opt.state
parts = {
    "16-bit weights": sum(w.nbytes for w in working),
    "16-bit gradients": sum(w.grad.nbytes for w in working),
    "fp32 master weights": sum(m.nbytes for m in master),
    "Adam first moment (fp32)": sum(state[m]["exp_avg"].nbytes for m in master),
    "Adam second moment (fp32)": sum(state[m]["exp_avg_sq"].nbytes for m in master),
}
print(f"parameters: {n:,}")
for name, nbytes in parts.items():
    print(f"  {name:27} {nbytes:>9,} bytes = {nbytes / n:.0f} per parameter")
per_param = sum(parts.values()) / n
print(f"  {'total':27} {sum(parts.values()):>9,} bytes = {per_param:.0f} per parameter")

GB, GiB = 10**9, 2**30
# count-params: llama-2-7b
N_PARAMS = 6_738_415_616
print(
    f"\nZeRO's examples: 1.5 billion parameters -> {per_param * 1.5e9 / GB:.0f} GB;"
    f" 7.5 billion -> {per_param * 7.5e9 / GB:.0f} GB"
)
print(
    f"Llama-2-7B, {N_PARAMS:,} parameters: {per_param * N_PARAMS / GB:.1f} GB = "
    f"{per_param * N_PARAMS / GiB:.1f} GiB"
    f" before activations (inference weights in bf16: {2 * N_PARAMS / GB:.1f} GB)"
)
