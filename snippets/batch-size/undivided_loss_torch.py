"""Gradient accumulation without dividing each micro-batch's loss by the accumulation
steps: the accumulated gradient is that many times too large. SGD's update grows with
it; AdamW's does not (it divides the first moment by the square root of the second).
What changes with AdamW is gradient clipping at a fixed max-norm, and the logged
loss."""

import torch

torch.manual_seed(0)
accumulation, micro_batch, steps, features = 4, 2, 20, 8
dtype = torch.float64
true_w = torch.randn(features, dtype=dtype)
X = torch.randn(steps, accumulation, micro_batch, features, dtype=dtype)
y = X @ true_w + 0.1 * torch.randn(steps, accumulation, micro_batch, dtype=dtype)


def train(optimizer_class, divide, max_norm=None, **options):
    """Train a linear model from zeros; return its weights after the first step and
    after the last, the loss logged at the first step, and how many steps were
    clipped."""
    w = torch.zeros(features, dtype=dtype, requires_grad=True)
    optimizer = optimizer_class([w], **options)
    first = logged = None
    clipped = 0
    for step in range(steps):
        optimizer.zero_grad()
        total = 0.0  # what a training loop logs: the sum of its micro-batch losses
        for k in range(accumulation):
            loss = torch.mean((X[step, k] @ w - y[step, k]) ** 2)
            if divide:
                loss = loss / accumulation
            loss.backward()  # adds into w.grad: accumulation
            total += loss.item()
        if max_norm is not None:
            norm = torch.nn.utils.clip_grad_norm_([w], max_norm)
            clipped += int(norm > max_norm)
        optimizer.step()
        if step == 0:
            first, logged = w.detach().clone(), total
    return first, w.detach().clone(), logged, clipped


def compare(optimizer_class, max_norm=None, **options):
    """Not divided against divided: the first update's size ratio, how far apart the
    weights are after all steps (relative), and the clipped steps of each run."""
    d_first, d_last, _, d_clipped = train(optimizer_class, True, max_norm, **options)
    n_first, n_last, _, n_clipped = train(optimizer_class, False, max_norm, **options)
    ratio = (n_first.norm() / d_first.norm()).item()  # both start from zeros
    apart = ((n_last - d_last).norm() / d_last.norm()).item()
    return ratio, apart, d_clipped, n_clipped


# --8<-- [start:compare]
sgd = compare(torch.optim.SGD, lr=0.05)
adamw = compare(torch.optim.AdamW, lr=0.1)
clipped = compare(torch.optim.AdamW, max_norm=5.0, lr=0.1)
logged = [train(torch.optim.SGD, divide, lr=0.05)[2] for divide in (True, False)]

print(f"{accumulation} micro-batches a step, each loss not divided by {accumulation}:")
print(f"logged loss at step 1: {logged[0]:.2f} divided, {logged[1]:.2f} not divided"
      f" ({logged[1] / logged[0]:.2f}x)")
print(f"SGD:   first update {sgd[0]:.2f}x as large, weights after {steps} steps"
      f" {sgd[1]:.0%} apart")
print(f"AdamW: first update {adamw[0]:.2f}x as large, weights after {steps} steps"
      f" within 1e-6: {adamw[1] < 1e-6}")
print(f"AdamW, clip_grad_norm_ at 5.0: {clipped[2]} steps clipped divided,"
      f" {clipped[3]} not divided; weights {clipped[1]:.0%} apart")
# --8<-- [end:compare]
