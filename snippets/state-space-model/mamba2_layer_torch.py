"""A Mamba-2 layer at toy size, its parameters named as in transformers, run two ways:
over the whole sequence at once (a causal convolution, then the SSM as one masked
matrix product, the "dual" form of Mamba-2), and token by token, keeping only a
convolution state and an SSM state, as a model does when it generates. The outputs
are the same, and the states do not grow with the sequence.

Per head h and token t, with dt_t = softplus(dt_t + dt_bias_h) and A_h = -exp(A_log_h):
    state_t = exp(dt_t A_h) state_{t-1} + dt_t x_t B_t^T,   y_t = state_t C_t + D_h x_t
"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
d_model, expand, head_dim, d_state, d_conv = 32, 2, 16, 8, 4  # one group of B, C
d_inner = expand * d_model
heads = d_inner // head_dim
conv_dim = d_inner + 2 * d_state  # x, B and C go through the convolution


class Mamba2(nn.Module):
    def __init__(self):
        super().__init__()
        self.in_proj = nn.Linear(d_model, d_inner + conv_dim + heads, bias=False)
        self.conv1d = nn.Conv1d(conv_dim, conv_dim, d_conv, groups=conv_dim,
                                padding=d_conv - 1)  # depthwise: a filter per channel
        self.dt_bias = nn.Parameter(torch.randn(heads) * 0.3)
        self.A_log = nn.Parameter(torch.randn(heads) * 0.3)
        self.D = nn.Parameter(torch.randn(heads) * 0.3)
        self.norm = nn.RMSNorm(d_inner, eps=1e-5)  # of y * silu(z)
        self.out_proj = nn.Linear(d_inner, d_model, bias=False)

    def whole_sequence(self, x):
        T = len(x)
        z, xBC, dt = self.in_proj(x).split([d_inner, conv_dim, heads], -1)
        xBC = F.silu(self.conv1d(xBC.T)[:, :T].T)  # the padding makes it causal
        xs, B, C = xBC.split([d_inner, d_state, d_state], -1)
        xs = xs.reshape(T, heads, head_dim)
        dt = F.softplus(dt + self.dt_bias)  # (T, heads)
        decay = torch.cumsum(dt * -torch.exp(self.A_log), 0)  # log, since token 0
        causal = torch.ones(T, T, dtype=torch.bool).tril()
        gap = decay[:, None] - decay[None, :]  # token j reaches token i decayed by
        gap = gap.masked_fill(~causal[..., None], -torch.inf)  # exp(gap), if j <= i
        M = torch.exp(gap) * (C @ B.T)[..., None] * dt[None]  # (T, T, heads)
        y = torch.einsum("ijh,jhp->ihp", M, xs) + self.D[:, None] * xs
        return self.out_proj(self.norm(y.reshape(T, d_inner) * F.silu(z)))

    def token_by_token(self, x):
        conv_state = torch.zeros(conv_dim, d_conv)  # the last d_conv inputs
        ssm_state = torch.zeros(heads, head_dim, d_state)
        out = []
        for x_t in x:
            z, xBC, dt = self.in_proj(x_t).split([d_inner, conv_dim, heads])
            conv_state = torch.cat([conv_state[:, 1:], xBC[:, None]], 1)
            xBC = (conv_state * self.conv1d.weight[:, 0]).sum(1) + self.conv1d.bias
            xBC = F.silu(xBC)
            xs, B, C = xBC.split([d_inner, d_state, d_state])
            xs = xs.reshape(heads, head_dim)
            dt = F.softplus(dt + self.dt_bias)[:, None, None]
            A = -torch.exp(self.A_log)[:, None, None]
            ssm_state = torch.exp(dt * A) * ssm_state + dt * xs[:, :, None] * B
            y = ssm_state @ C + self.D[:, None] * xs
            out.append(self.out_proj(self.norm(y.reshape(d_inner) * F.silu(z))))
        return torch.stack(out), conv_state, ssm_state


layer = Mamba2()
for name, param in layer.named_parameters():
    print(f"{name:16} {str(tuple(param.shape)):12} {param.numel():5}")
print(f"{'total':29} {sum(p.numel() for p in layer.parameters()):5}")
print("tokens  same outputs  conv state  SSM state")
with torch.no_grad():
    for T in (8, 32, 128):
        x = torch.randn(T, d_model)
        out, conv_state, ssm_state = layer.token_by_token(x)
        same = torch.allclose(layer.whole_sequence(x), out, rtol=0, atol=1e-9)
        print(f"{T:6}  {same!s:>12}  {conv_state.numel():10}  {ssm_state.numel():9}")
