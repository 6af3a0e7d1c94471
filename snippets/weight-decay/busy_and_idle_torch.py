"""1000 steps of Adam(weight_decay) against AdamW, on two weights that start at 2:
a busy one whose gradient keeps swinging between +10 and -10 (as noisy gradients
do), and an idle one with no gradient at all. Only the decay can move them on
average."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch

lr, wd, steps = 0.01, 0.1, 1000
paths = {}
for name, make in [
    ("Adam(weight_decay)", lambda p: torch.optim.Adam(p, lr=lr, weight_decay=wd)),
    ("AdamW(weight_decay)", lambda p: torch.optim.AdamW(p, lr=lr, weight_decay=wd)),
]:
    w = torch.full((2,), 2.0, dtype=torch.float64, requires_grad=True)
    opt, path = make([w]), [w.tolist()]
    for step in range(steps):
        w.grad = torch.tensor([10.0 if step % 2 else -10.0, 0.0], dtype=torch.float64)
        opt.step()  # adds wd * w to the gradient (Adam) or shrinks w (AdamW)
        path.append(w.tolist())
    paths[name] = [[round(v, 3) for v in pair] for pair in path]

print(f"lr={lr}, weight_decay={wd}: weights (busy, idle) after 0, 100, 300, 1000 steps")
for name, path in paths.items():
    print(f"{name:20}", "  ".join(f"{b:5.2f} {i:5.2f}" for b, i in
                                  (path[t] for t in (0, 100, 300, steps))))
print(f"AdamW shrinks both by (1 - lr * wd) a step: 2 * {1 - lr * wd}**{steps} ="
      f" {2 * (1 - lr * wd) ** steps:.2f}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.3))
t = range(0, steps + 1, 20)  # every 20th step is enough for a smooth line
for (name, path), color in zip(paths.items(), ["#e15759", "#4e79a7"], strict=True):
    ax.plot(t, [path[s][0] for s in t], color=color, label=f"{name}, busy")
    ax.plot(t, [path[s][1] for s in t], color=color, ls="--", label=f"{name}, idle")
ax.set(xlim=(0, steps), ylim=(0, 2.1), xlabel="step", ylabel="weight")
ax.set_title("The same decay setting on a busy and an idle weight", fontsize=10)
ax.legend(fontsize=8)
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
fig.savefig("busy_and_idle.svg", metadata={"Date": None})
