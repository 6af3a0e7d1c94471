"""A tied matrix is one parameter used twice: its gradient is the sum of the gradients
of both uses."""

import torch
from torch import nn

torch.manual_seed(0)
V, d = 10, 4


class TinyLM(nn.Module):
    def __init__(self, tie: bool):
        super().__init__()
        self.embed = nn.Embedding(V, d)
        self.hidden = nn.Linear(d, d)
        self.head = nn.Linear(d, V, bias=False)
        if tie:
            self.head.weight = self.embed.weight  # both are (V, d): rows are tokens

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.head(torch.tanh(self.hidden(self.embed(ids))))


tied = TinyLM(tie=True)
print("same tensor:", tied.head.weight is tied.embed.weight)
print("parameters():", sum(p.numel() for p in tied.parameters()))
print(
    "state_dict() :",
    sum(t.numel() for t in tied.state_dict().values()),
    "(the shared matrix is listed twice)",
)

# An untied copy with the same numbers in both places, to see the two gradients
# separately.
untied = TinyLM(tie=False)
untied.load_state_dict(tied.state_dict())
ids, targets = torch.tensor([1, 2, 3]), torch.tensor([2, 3, 4])
for model in (tied, untied):
    nn.functional.cross_entropy(model(ids), targets).backward()
summed = untied.embed.weight.grad + untied.head.weight.grad
print(
    "tied gradient == embedding gradient + head gradient:",
    torch.allclose(tied.embed.weight.grad, summed, atol=1e-7),
)
