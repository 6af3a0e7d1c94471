"""The activation functions of language models in torch, and a gated (SwiGLU) MLP."""

import torch
import torch.nn.functional as F
from torch import nn

x = torch.tensor([-3.0, -1.0, -0.5, 0.5, 1.0, 3.0])
functions = {"ReLU": F.relu(x), "GELU": F.gelu(x), "SiLU": F.silu(x)}  # no parameters
print("x     " + " ".join(f"{v:7.3f}" for v in x.tolist()))
for name, y in functions.items():
    print(f"{name:5} " + " ".join(f"{v:7.3f}" for v in y.tolist()))

# A SwiGLU MLP: down(SiLU(gate(h)) * up(h)). The values between the maps are
# activations: computed per token, never stored in the model.
torch.manual_seed(0)
d, f, tokens = 8, 22, 5
gate, up = nn.Linear(d, f, bias=False), nn.Linear(d, f, bias=False)
down = nn.Linear(f, d, bias=False)
h = torch.randn(tokens, d)
activations = F.silu(gate(h)) * up(h)
out = down(activations)
n_params = sum(p.numel() for m in (gate, up, down) for p in m.parameters())
print(f"SwiGLU MLP: {n_params} parameters; for {tokens} tokens,"
      f" activations {tuple(activations.shape)} between the maps,"
      f" output {tuple(out.shape)}")
