"""How far one batch's gradient is from the gradient over all the data, by batch size:
the linear model and 64 examples of the accumulation example, at its zero start."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
examples, features = 64, 3
X = rng.normal(size=(examples, features))
y = X @ np.array([2.0, -1.0, 0.5])
w = np.zeros(features)


def gradient(xb, yb):
    """Gradient of the mean squared error over one batch."""
    return 2 * xb.T @ (xb @ w - yb) / len(xb)


full = gradient(X, y)  # the gradient over all 64 examples
sizes = [1, 2, 4, 8, 16, 32, 64]
errors = []
print("batch  steps per epoch  error of a batch's gradient  1/sqrt(batch) rule")
for b in sizes:
    batches = [rng.permutation(examples)[:b] for _ in range(1000)]  # without repeats
    squared = [np.sum((gradient(X[i], y[i]) - full) ** 2) for i in batches]
    errors.append(np.sqrt(np.mean(squared)) / np.linalg.norm(full))  # relative RMS
    print(f"{b:>5}  {examples // b:>15}  {errors[-1]:>27.3f}"
          f"  {errors[0] / np.sqrt(b):>18.3f}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(4.8, 3))
rule = errors[0] / np.sqrt(sizes)
ax.plot(sizes, np.round(errors, 3), "o-", label="measured (batches without repeats)")
ax.plot(sizes, np.round(rule, 3), "--", label="1/sqrt(batch) rule")
ax.set_xscale("log", base=2)
ax.set_xticks(sizes, sizes)
ax.set_xlabel("batch size (of 64 examples)")
ax.set_ylabel("relative error of the gradient")
ax.legend()
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # lighter
fig.savefig("gradient_noise.svg", metadata=no_metadata)
