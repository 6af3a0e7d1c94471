"""The same linear layer with torch.nn.Linear, which stores W as (out_features,
in_features) and computes x W^T + b."""

import torch
from torch import nn

layer = nn.Linear(3, 2)  # 3 inputs -> 2 outputs
with torch.no_grad():
    layer.weight.copy_(torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]))
    layer.bias.copy_(torch.tensor([0.1, -0.2]))
x = torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])

with torch.no_grad():
    y = layer(x)
    W, b = layer.weight, layer.bias
    print(
        "W shape",
        tuple(W.shape),
        "b shape",
        tuple(b.shape),
        "x shape",
        tuple(x.shape),
        "-> y shape",
        tuple(y.shape),
    )
    print("y =", [[round(v, 4) for v in row] for row in y.tolist()])
    print("by hand:", round(0.5 * 1 - 1.0 * 2 + 2.0 * 3 + 0.1, 4))
    print("output for a zero input equals b:", torch.allclose(y[1], b))
    W2 = W.clone()
    W2[0, 2] *= 2
    print(
        "after doubling W[0, 2]:",
        [[round(v, 4) for v in row] for row in (x[:1] @ W2.T + b).tolist()],
    )
    print(
        "parameters: weights",
        W.numel(),
        "+ biases",
        b.numel(),
        "=",
        sum(p.numel() for p in layer.parameters()),
    )
