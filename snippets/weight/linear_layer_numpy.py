"""A linear layer y = x W^T + b in numpy: what the weights and the bias each do, and how
many numbers they are."""

import numpy as np

# 3 inputs -> 2 outputs. W has one row per output and one column per input; b has one
# entry per output.
W = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])
b = np.array([0.1, -0.2])
# a batch of two inputs; the second is all zeros
x = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])

y = x @ W.T + b
print("W shape", W.shape, "b shape", b.shape, "x shape", x.shape, "-> y shape", y.shape)
print("y =", np.round(y, 4).tolist())
# Output 0 for the first input: 0.5*1 - 1.0*2 + 2.0*3 + 0.1. Weight W[i, j] scales input
# j's share of output i.
print("by hand:", round(0.5 * 1 - 1.0 * 2 + 2.0 * 3 + 0.1, 4))
# For the all-zero input, the weights contribute nothing and the output is the bias
# alone.
print("output for a zero input equals b:", np.allclose(y[1], b))
# Doubling one weight changes only the output it belongs to.
W2 = W.copy()
W2[0, 2] *= 2
print("after doubling W[0, 2]:", np.round(x[:1] @ W2.T + b, 4).tolist())
print("parameters: weights", W.size, "+ biases", b.size, "=", W.size + b.size)
