"""Activation functions of language models, written out, and a gated (SwiGLU) MLP."""

import math

import numpy as np

x = np.array([-3.0, -1.0, -0.5, 0.5, 1.0, 3.0])
erf = np.vectorize(math.erf)
functions = {
    "ReLU": np.maximum(x, 0.0),  # max(0, x)
    "GELU": 0.5 * x * (1 + erf(x / math.sqrt(2))),  # x times the normal CDF of x
    "SiLU": x / (1 + np.exp(-x)),  # x times sigmoid(x), also called swish
}
print("x     " + " ".join(f"{v:7.3f}" for v in x))
for name, y in functions.items():
    print(f"{name:5} " + " ".join(f"{v:7.3f}" for v in y))

# A SwiGLU MLP: down(SiLU(gate(h)) * up(h)). The values between the maps are
# activations: computed per token, never stored in the model.
rng = np.random.default_rng(0)
d, f, tokens = 8, 22, 5
gate, up = rng.normal(0, d**-0.5, (d, f)), rng.normal(0, d**-0.5, (d, f))
down = rng.normal(0, f**-0.5, (f, d))
h = rng.normal(size=(tokens, d))
g = h @ gate
activations = g / (1 + np.exp(-g)) * (h @ up)
out = activations @ down
n_params = gate.size + up.size + down.size
print(f"SwiGLU MLP: {n_params} parameters; for {tokens} tokens,"
      f" activations {activations.shape} between the maps, output {out.shape}")
