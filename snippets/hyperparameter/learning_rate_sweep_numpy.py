"""A finer search: validation loss against the learning rate, for two numbers of
training steps. Both settings are hyperparameters, and the best value of one depends on
the other."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)  # the data of learning_rate_search_numpy.py
x = rng.normal(size=(80, 3))
y = x @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=80)
x_train, y_train, x_val, y_val = x[:60], y[:60], x[60:], y[60:]

rates = np.array([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.8, 1.0, 1.2])
curves = {}
for steps in (20, 200):
    w = np.zeros((len(rates), 3))  # one run per learning rate, side by side
    for _ in range(steps):
        grad = 2 * (x_train @ w.T - y_train[:, None]).T @ x_train / len(y_train)
        w -= rates[:, None] * grad
    val = np.mean((x_val @ w.T - y_val[:, None]) ** 2, axis=0)
    curves[steps] = [float(f"{v:.3g}") if v < 1e3 else np.inf for v in val]

print("lr       validation loss after 20 steps   after 200 steps")
for i, lr in enumerate(rates):
    a, b = (f"{curves[s][i]:.3g}" if curves[s][i] < np.inf else "diverged"
            for s in (20, 200))
    print(f"{lr:<8} {a:>31}   {b:>15}")
for steps, losses in curves.items():
    good = rates[np.array(losses) < 1.1 * min(losses)]  # within 10% of the lowest
    print(f"{steps} steps: within 10% of the lowest loss from lr={good.min()} to "
          f"{good.max()}")

# The figure: both sweeps on log axes; diverged runs drawn as crosses at the top.
plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]
fig, ax = plt.subplots(figsize=(4.8, 3.2))
for (steps, losses), color, top in zip(curves.items(), ["#3949ab", "#c62828"],
                                       [20, 40], strict=True):
    ok = np.isfinite(losses)
    ax.loglog(rates[ok], np.array(losses)[ok], "o-", color=color, markersize=4,
              label=f"{steps} steps")
    ax.plot(rates[~ok], np.full((~ok).sum(), top), "x", color=color, markersize=6)
ax.text(0.6, 26, "diverged", fontsize=9, ha="right", va="center")
ax.set_ylim(0.005, 70)
ax.set_xticks([0.001, 0.01, 0.1, 1], ["0.001", "0.01", "0.1", "1"])
ax.set_yticks([0.01, 0.1, 1, 10], ["0.01", "0.1", "1", "10"])
ax.minorticks_off()
ax.set_xlabel("learning rate (log scale)")
ax.set_ylabel("validation loss (log scale)")
ax.legend(loc="lower left", fontsize=9)
fig.tight_layout()
fig.savefig("learning_rate_sweep.svg", metadata={"Date": None})
