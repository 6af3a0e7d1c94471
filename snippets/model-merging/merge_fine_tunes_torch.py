"""Merging two fine-tunes of one small model: a plain average, task arithmetic, SLERP,
TIES and DARE, and the average of two fine-tunes that do not share a base.

The model reads 16 features and a one-hot "prompt" that names one of 5 tasks, each a
random labelling of the features into 4 classes. The base is trained on tasks 0-2 (the
general data); fine-tune A teaches it task 3 and fine-tune B task 4, each on a half-half
mix of its task and the general data. A task vector is what a fine-tune changed: its
weights minus the base's. Every merged model has the same parameters, in number and
shape, as the base."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # so that no CPU's rounding changes a result
D, TASKS, CLASSES, WIDTH, N = 16, 5, 4, 48, 1024
teachers = torch.randn(TASKS, D, CLASSES)


def data(tasks):  # train and test sets of (features + prompt, label)
    t = torch.tensor(tasks)[torch.randint(len(tasks), (2 * N,))]
    x = torch.randn(2 * N, D)
    y = torch.einsum("nd,ndc->nc", x, teachers[t]).argmax(dim=1)
    x = torch.cat([x, F.one_hot(t, TASKS).double()], dim=1)
    return (x[:N], y[:N]), (x[N:], y[N:])


general, task_a, task_b = data([0, 1, 2]), data([3]), data([4])
mix_a, mix_b = data([0, 1, 2, 3, 3, 3]), data([0, 1, 2, 4, 4, 4])


def forward(p, x):
    h = F.relu(x @ p["w1"].T + p["b1"])
    h = F.relu(h @ p["w2"].T + p["b2"])
    return h @ p["w3"].T + p["b3"]


def train(p, dataset, steps, opt, **options):
    p = {k: v.clone().requires_grad_() for k, v in p.items()}
    opt = opt(p.values(), **options)
    (x, y), _ = dataset
    for _ in range(steps):
        loss = F.cross_entropy(forward(p, x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return {k: v.detach() for k, v in p.items()}


def pretrain():  # from a random start, on the general data
    p = {}
    for i, (n_in, n_out) in enumerate([(D + TASKS, WIDTH), (WIDTH, WIDTH),
                                       (WIDTH, CLASSES)]):
        p[f"w{i + 1}"] = torch.randn(n_out, n_in) / n_in**0.5
        p[f"b{i + 1}"] = torch.zeros(n_out)
    return train(p, general, 100, torch.optim.Adam, lr=3e-2)


def fine_tune(p, dataset):
    return train(p, dataset, 50, torch.optim.SGD, lr=0.4)


def accuracy(p, dataset):
    _, (x, y) = dataset
    return (forward(p, x).argmax(dim=1) == y).double().mean().item()


base = pretrain()
model_a, model_b = fine_tune(base, mix_a), fine_tune(base, mix_b)


def task_vector(p):  # what a fine-tune changed
    return {k: p[k] - base[k] for k in base}


def add(vector, scale=1.0):  # the base plus a scaled task vector
    return {k: base[k] + scale * vector[k] for k in base}


def ties(vectors, keep=0.2):  # trim, elect a sign, average the values that agree
    merged = {}
    for k in base:
        t = torch.stack([v[k] for v in vectors])
        cut = t.abs().flatten(1).quantile(1 - keep, dim=1)  # each vector's top 20%
        t = t * (t.abs() >= cut.view(-1, *[1] * (t.dim() - 1)))
        sign = torch.sign(t.sum(dim=0))  # the sign with the larger total
        agree = (torch.sign(t) == sign) & (t != 0)
        merged[k] = (t * agree).sum(dim=0) / agree.sum(dim=0).clamp(min=1)
    return merged


def dare(vector, drop=0.9, seed=0):  # drop 90% of the changes, scale up the rest
    g = torch.Generator().manual_seed(seed)
    return {k: v * (torch.rand(v.shape, generator=g) >= drop) / (1 - drop)
            for k, v in vector.items()}


def slerp(a, b, t=0.5):  # along the arc between two weight tensors, tensor by tensor
    out = {}
    for k in a:
        cos = F.cosine_similarity(a[k].flatten(), b[k].flatten(), dim=0)
        angle = torch.arccos(cos.clamp(-1, 1))
        if angle < 1e-6:  # parallel: the arc is the straight line
            out[k] = (1 - t) * a[k] + t * b[k]
        else:
            out[k] = (torch.sin((1 - t) * angle) * a[k]
                      + torch.sin(t * angle) * b[k]) / torch.sin(angle)
    return out


def flat(p):
    return torch.cat([v.flatten() for v in p.values()])


ta, tb = task_vector(model_a), task_vector(model_b)
both = {k: ta[k] + tb[k] for k in base}
da, db = dare(ta, seed=1), dare(tb, seed=2)
model_a2 = fine_tune(pretrain(), mix_a)  # fine-tune A of another base
models = {
    "base": base,
    "fine-tune A": model_a,
    "fine-tune B": model_b,
    "average of A and B": add(both, 0.5),
    "task arithmetic, 0.7": add(both, 0.7),
    "task arithmetic, 1.0": add(both, 1.0),
    "SLERP, t = 0.5": slerp(model_a, model_b),
    "TIES, top 20%": add(ties([ta, tb])),
    "DARE, drop 90%": add({k: da[k] + db[k] for k in base}, 0.5),
    "no shared base": {k: (model_a2[k] + model_b[k]) / 2 for k in base},
}
count = flat(base).numel()
print(f"{count:,} parameters in every model, merged or not:",
      all(flat(p).numel() == count for p in models.values()))
print("cosine of the task vectors A and B:",
      round(F.cosine_similarity(flat(ta), flat(tb), dim=0).item(), 2))
angle = torch.arccos(F.cosine_similarity(flat(model_a), flat(model_b), dim=0))
print(f"angle between the weights of A and B: {angle.item():.2f} rad")
print("model                   task A   task B   general")
scores = {}
for name, p in models.items():
    scores[name] = [round(accuracy(p, d), 3) for d in (task_a, task_b, general)]
    print(f"{name:21}" + "".join(f"{s:9.1%}" for s in scores[name]))

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 4.2))
names = list(scores)[::-1]  # the base at the top
for i, label in enumerate(["task A", "task B", "general"]):
    ax.barh([n + (1 - i) * 0.27 for n in range(len(names))],
            [scores[name][i] for name in names], height=0.27, label=label)
ax.set_yticks(range(len(names)), names, fontsize=9)
ax.set_xlim(0, 1)
ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", "25%", "50%", "75%", "100%"])
ax.set_xlabel("test accuracy (4 classes: 25% is chance)")
ax.legend(fontsize=8, loc="lower right")
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("merges.svg", metadata=no_metadata)
