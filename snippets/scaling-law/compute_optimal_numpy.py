"""Training compute C = 6 N D, and compute-optimal training at about 20 tokens per
parameter.

N is the parameter count and D the number of training tokens. The 6 is 2 floating-point
operations per
parameter per token for the forward pass and 4 for the backward pass (Kaplan et al.
2020, Section 2.1).
"""

import numpy as np

# Hoffmann et al. (2022), Table 3: compute-optimal parameters and tokens found by their
# Approach 1.
table3 = [
    (400e6, 8.0e9),
    (1e9, 20.2e9),
    (10e9, 205.1e9),
    (67e9, 1.5e12),
    (175e9, 3.7e12),
    (280e9, 5.9e12),
    (520e9, 11.0e12),
    (1e12, 21.2e12),
    (10e12, 216.2e12),
]
print("Hoffmann et al. 2022, Table 3, with C = 6 N D:")
print(f"{'parameters':>11} {'tokens':>9} {'tokens/param':>13} {'C = 6ND (FLOPs)':>16}")
for n, d in table3:
    print(f"{n / 1e9:>10g}B {d / 1e9:>8g}B {d / n:>13.1f} {6 * n * d:>16.3g}")

# Given a compute budget, the 20-tokens-per-parameter rule fixes both N and D: C = 6 N
# (20 N).
print("\ncompute-optimal split of a budget (20 tokens per parameter):")
for budget in (1e21, 1e23, 1e25):
    n = np.sqrt(budget / (6 * 20))
    print(
        f"  C = {budget:.0e} FLOPs -> N = {n / 1e9:.3g}B parameters, D = "
        f"{20 * n / 1e9:.4g}B tokens"
    )

# Real models: parameters, training tokens (from each model's paper), tokens per
# parameter, training compute.
# count-params: llama-2-7b
LLAMA2_7B = 6_738_415_616
# count-params: llama-3-8b
LLAMA3_8B = 8_030_261_248
models = {
    "GPT-3 175B": (175e9, 300e9),
    "Gopher 280B": (280e9, 300e9),
    "Chinchilla 70B": (70e9, 1.4e12),
    "Llama-2-7B": (LLAMA2_7B, 2.0e12),
    "Llama-3-8B": (LLAMA3_8B, 15e12),
}
print("\nreal models:")
for name, (n, d) in models.items():
    print(
        f"  {name:15} N = {n / 1e9:6.2f}B  D = {d / 1e9:6g}B  tokens/param = "
        f"{d / n:6.1f}  C = {6 * n * d:.2e} FLOPs"
    )
