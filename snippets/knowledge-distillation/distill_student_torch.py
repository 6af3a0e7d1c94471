"""Distill a trained teacher into a much smaller student: hard labels vs the teacher's
softened probabilities."""

import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)

# a synthetic 5-class task whose labels come from a hidden random network
oracle = nn.Sequential(nn.Linear(20, 32), nn.Tanh(), nn.Linear(32, 5))
x = torch.randn(4000, 20)
with torch.no_grad():
    y = oracle(x).argmax(dim=1)
x_train, y_train, x_test, y_test = x[:3000], y[:3000], x[3000:], y[3000:]
# the student sees only 300 inputs (the teacher saw 3000): few examples, so each target
# must say a lot
x_student, y_student = x_train[:300], y_train[:300]


def params(model):
    return sum(p.numel() for p in model.parameters())


def accuracy(model):
    with torch.no_grad():
        return (model(x_test).argmax(dim=1) == y_test).float().mean().item()


def fit(model, loss_fn, steps, lr=0.01):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss_fn(model).backward()
        opt.step()
    return model


def student():
    torch.manual_seed(1)  # every student starts from the same initial parameters
    return nn.Sequential(nn.Linear(20, 8), nn.Tanh(), nn.Linear(8, 5))


teacher = fit(
    nn.Sequential(
        nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 5)
    ),
    lambda m: F.cross_entropy(m(x_train), y_train),
    steps=100,
)

# temperature: softens both distributions so that the teacher's "almost" answers carry
# signal
T = 2.0
with torch.no_grad():
    teacher_soft = F.softmax(teacher(x_student) / T, dim=1)
    teacher_hard = teacher(x_student).argmax(dim=1)


# KL(teacher || student) at temperature T, times T**2 to keep gradient sizes comparable
def distill_loss(m):
    return (
        F.kl_div(
            F.log_softmax(m(x_student) / T, dim=1), teacher_soft, reduction="batchmean"
        )
        * T**2
    )


results = {
    "teacher": teacher,
    "student, true labels": fit(
        student(), lambda m: F.cross_entropy(m(x_student), y_student), steps=200
    ),
    "student, teacher's top-1": fit(
        student(), lambda m: F.cross_entropy(m(x_student), teacher_hard), steps=200
    ),
    "student, distilled (T=2)": fit(student(), distill_loss, steps=200),
}
for name, model in results.items():
    print(
        f"{name:26} {params(model):6d} parameters  test accuracy {accuracy(model):.3f}"
    )
