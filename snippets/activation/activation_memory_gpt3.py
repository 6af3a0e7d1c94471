"""Activation memory of GPT-3 175B in training, from Korthikanti et al. 2022.

Their Section 4.1 counts, per transformer layer, s*b*h*(34 + 5*a*s/h) bytes of
activations kept for backward in 16-bit training (s tokens per sequence, b sequences,
h width, a heads); the 5*a*s/h part is the attention pattern, s x s per head. Full
recomputation (checkpointing each layer) keeps each layer's input: 2*s*b*h bytes.
GPT-3 175B: 96 layers, width 12288, 96 heads (Brown et al. 2020, Table 2.1).
"""

layers, h, a, n_params = 96, 12288, 96, 175e9
GB = 1e9
# 16-bit weights and gradients, fp32 master weights and two fp32 Adam moments
weights_and_adam = 16 * n_params
print(f"weights, gradients and Adam states: {weights_and_adam / GB:,.0f} GB in all")
print("tokens  activations per sequence  attention pattern  with recomputation")
for s in (2048, 8192, 32768):
    per_layer = s * h * (34 + 5 * a * s / h)
    pattern = s * h * 5 * a * s / h
    recompute = 2 * s * h
    share = 100 * pattern / per_layer
    print(f"{s:6} {layers * per_layer / GB:21,.0f} GB {share:17.0f}%"
          f" {layers * recompute / GB:17.1f} GB")
