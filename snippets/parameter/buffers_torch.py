"""Parameters, buffers and activations are three different things, even in one small
model."""

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))

# Parameters: learned by gradient descent, so they require gradients.
n_params = sum(p.numel() for p in model.parameters())
print(
    "parameters:",
    n_params,
    "| all require grad:",
    all(p.requires_grad for p in model.parameters()),
)

# Buffers: state saved with the model but not learned by gradients (BatchNorm's running
# statistics).
for name, b in model.named_buffers():
    print(f"buffer {name}: shape={tuple(b.shape)} requires_grad={b.requires_grad}")

# Both are in the state_dict, which is why counting state_dict entries overstates the
# parameter count.
n_state = sum(t.numel() for t in model.state_dict().values())
print(
    "numbers in state_dict:",
    n_state,
    "=",
    n_params,
    "parameters +",
    n_state - n_params,
    "buffer values",
)

# Activations: computed from each input, never stored in the model.
x = torch.randn(5, 4)
hidden = model[:3](x)
print(
    "activations for a batch of 5:",
    tuple(hidden.shape),
    "- they change with every input",
)
