"""Count the parameters of a small two-layer network from the shapes of its arrays."""

import numpy as np

rng = np.random.default_rng(0)
d_in, d_hidden, d_out = 4, 8, 3

params = {
    # one number per (output, input) pair
    "0.weight": rng.normal(size=(d_hidden, d_in)),
    "0.bias": np.zeros(d_hidden),  # one number per output unit
    "2.weight": rng.normal(size=(d_out, d_hidden)),
    "2.bias": np.zeros(d_out),
}
for name, array in params.items():
    print(f"{name:9} shape={str(array.shape):8} parameters={array.size}")
total = sum(array.size for array in params.values())
print("total parameters:", total)
