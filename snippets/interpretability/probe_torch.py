"""A linear probe reads a property from hidden states; weight magnitudes show which
inputs a layer uses."""

import torch
from torch import nn

torch.manual_seed(0)
torch.set_num_threads(1)

# The task: is x0 * x1 positive? Inputs x2..x5 are noise that the answer does not depend
# on.
x_train, x_test = torch.randn(2000, 6), torch.randn(2000, 6)
label = lambda x: (x[:, 0] * x[:, 1] > 0).float()  # noqa: E731


def make_model() -> nn.Sequential:
    return nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 1))


trained, untrained = make_model(), make_model()
opt = torch.optim.AdamW(trained.parameters(), lr=3e-2, weight_decay=1e-2)
for _ in range(300):
    loss = nn.functional.binary_cross_entropy_with_logits(
        trained(x_train).squeeze(1), label(x_train)
    )
    opt.zero_grad()
    loss.backward()
    opt.step()
with torch.no_grad():
    accuracy = (
        ((trained(x_test).squeeze(1) > 0).float() == label(x_test))
        .float()
        .mean()
        .item()
    )
print(f"model accuracy on the task: {accuracy:.3f}")


def probe_accuracy(features, prop) -> float:
    """Fit a linear classifier (least squares on +-1 targets) on training features,
    score it on test features."""
    with torch.no_grad():
        f_train, f_test = features(x_train), features(x_test)
        ones = lambda f: torch.cat([f, torch.ones(len(f), 1)], dim=1)  # noqa: E731
        w = torch.linalg.lstsq(ones(f_train), 2 * prop(x_train)[:, None] - 1).solution
        return (
            ((ones(f_test) @ w).squeeze(1) > 0)
            .eq(prop(x_test) > 0)
            .float()
            .mean()
            .item()
        )


properties = {
    "x0*x1 > 0 (the task)": label,
    "x5 > 0 (ignored noise)": lambda x: (x[:, 5] > 0).float(),
}
sources = {
    "raw input": lambda x: x,
    "untrained hidden": lambda x: untrained[:2](x),
    "trained hidden": lambda x: trained[:2](x),
}
for pname, prop in properties.items():
    print(
        pname
        + ": "
        + ", ".join(f"{s} {probe_accuracy(f, prop):.2f}" for s, f in sources.items())
    )

# one number per input: how strongly layer 1 reads it
norms = trained[0].weight.detach().norm(dim=0)
print("first-layer weight norm per input:", [round(v, 1) for v in norms.tolist()])
