"""backward() computes gradients and changes no weight; optimizer.step() is what changes
the weights."""

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
x, y = torch.randn(8, 3), torch.randn(8, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
before = model.weight.detach().clone()

loss = nn.functional.mse_loss(model(x), y)
loss.backward()
print(
    f"after backward(): weights changed {not torch.equal(model.weight, before)}, "
    f"gradient filled {model.weight.grad is not None}"
)
print("gradient:", model.weight.grad.numpy().round(4))

optimizer.step()  # w <- w - lr * gradient
print(f"after step():     weights changed {not torch.equal(model.weight, before)}")
print(
    "change:  ", (model.weight - before).detach().numpy().round(4), "= -0.1 * gradient"
)
