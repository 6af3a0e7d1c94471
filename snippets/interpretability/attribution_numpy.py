"""Gradient x input: how much each input feature pushed one output, from the chain rule
by hand."""

import numpy as np

rng = np.random.default_rng(0)
# a small fixed network: 4 inputs -> 3 hidden -> 1
W1, b1 = rng.normal(size=(3, 4)), rng.normal(size=3)
w2 = rng.normal(size=3)
x = np.array([1.0, -2.0, 0.5, 0.0])

h = np.tanh(W1 @ x + b1)
y = w2 @ h
grad = W1.T @ (w2 * (1 - h**2))  # dy/dx by the chain rule
attribution = grad * x  # gradient x input, one number per input feature
print("output:", round(float(y), 4))
print("gradient x input:", np.round(attribution, 4) + 0.0)  # + 0.0 prints -0.0 as 0.0
print("sum of attributions:", round(float(attribution.sum()), 4))
y0 = w2 @ np.tanh(b1)  # the output for an all-zero input
print("output minus output at zero input:", round(float(y - y0), 4))
