"""torch's nn.Dropout: active after model.train(), a no-op after model.eval()."""

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 8), nn.Dropout(p=0.25))
# many outputs, so the zeroed fraction is 0.25 to two decimals on any CPU's random
# stream
x = torch.ones(4096, 8)

model.train()  # the default mode of a new module
a, b = model(x), model(x)
print(
    f"train mode: fraction zeroed {(a == 0).float().mean():.2f}, two calls equal "
    f"{torch.equal(a, b)}"
)

model.eval()
c, d = model(x), model(x)
print(
    f"eval mode:  fraction zeroed {(c == 0).float().mean():.2f}, two calls equal "
    f"{torch.equal(c, d)}"
)
print(
    "train-mode survivors are the eval value times 1/(1-0.25): "
    f"{torch.allclose(a[a != 0], c[a != 0] / 0.75)}"
)
print(
    f"parameters in nn.Dropout: {sum(p.numel() for p in nn.Dropout(0.25).parameters())}"
)
