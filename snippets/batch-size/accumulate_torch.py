"""Batch size, steps and epochs on a linear model, and gradient accumulation: 4
micro-batches of 2 examples give the gradient of one batch of 8."""

import numpy as np
import torch

rng = np.random.default_rng(0)  # the same data and shuffles as the numpy version
examples, features, batch_size, epochs = 64, 3, 8, 3
X = torch.tensor(rng.normal(size=(examples, features)))
y = X @ torch.tensor([2.0, -1.0, 0.5], dtype=torch.float64)
model = torch.nn.Linear(features, 1, bias=False, dtype=torch.float64)
torch.nn.init.zeros_(model.weight)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def loss_of(xb, yb):
    return torch.nn.functional.mse_loss(model(xb).squeeze(1), yb)


steps_per_epoch = examples // batch_size
print(
    f"{examples} examples, batch size {batch_size}: {steps_per_epoch} steps per epoch,"
    f" {epochs * steps_per_epoch} steps in {epochs} epochs"
)

loss_of(X[:8], y[:8]).backward()
full = model.weight.grad.clone()
model.weight.grad = None
for i in range(0, 8, 2):  # backward() adds into .grad: that is accumulation
    (loss_of(X[i : i + 2], y[i : i + 2]) / 4).backward()
print(
    "accumulated gradient equals the batch-of-8 gradient:",
    torch.allclose(full, model.weight.grad),
)
model.weight.grad = None

step = 0
for epoch in range(epochs):
    order = torch.tensor(rng.permutation(examples))
    for start in range(0, examples, batch_size):
        batch = order[start : start + batch_size]
        optimizer.zero_grad()
        loss_of(X[batch], y[batch]).backward()
        optimizer.step()
        step += 1
    with torch.no_grad():
        loss = loss_of(X, y).item()
    print(f"epoch {epoch + 1}: step {step:2}, loss below 0.01: {bool(loss < 0.01)}")
