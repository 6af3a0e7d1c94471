"""A Mamba-2 layer at toy size, its parameters named as in transformers, run two ways:
over the whole sequence at once (a causal convolution, then the SSM as one masked
matrix product, the "dual" form of Mamba-2), and token by token, keeping only a
convolution state and an SSM state, as a model does when it generates. The outputs
are the same, and the states do not grow with the sequence.

Per head h and token t, with dt_t = softplus(dt_t + dt_bias_h) and A_h = -exp(A_log_h):
    state_t = exp(dt_t A_h) state_{t-1} + dt_t x_t B_t^T,   y_t = state_t C_t + D_h x_t
"""

import numpy as np

rng = np.random.default_rng(0)
d_model, expand, head_dim, d_state, d_conv = 32, 2, 16, 8, 4  # one group of B, C
d_inner = expand * d_model
heads = d_inner // head_dim
conv_dim = d_inner + 2 * d_state  # x, B and C go through the convolution
shapes = {
    "dt_bias": (heads,),
    "A_log": (heads,),
    "D": (heads,),
    "in_proj.weight": (d_inner + conv_dim + heads, d_model),  # z, then x B C, then dt
    "conv1d.weight": (conv_dim, 1, d_conv),  # depthwise: one filter per channel
    "conv1d.bias": (conv_dim,),
    "norm.weight": (d_inner,),  # RMSNorm of y * silu(z)
    "out_proj.weight": (d_model, d_inner),
}
p = {name: rng.standard_normal(shape) * 0.3 for name, shape in shapes.items()}
A = -np.exp(p["A_log"])
w, bias = p["conv1d.weight"][:, 0, :], p["conv1d.bias"]


def silu(x):
    return x / (1 + np.exp(-x))


def gated_norm(y, z):
    y = y * silu(z)
    return y / np.sqrt((y**2).mean(-1, keepdims=True) + 1e-5) * p["norm.weight"]


def whole_sequence(x):
    T = len(x)
    z, xBC, dt = np.split(x @ p["in_proj.weight"].T, [d_inner, d_inner + conv_dim], 1)
    padded = np.vstack([np.zeros((d_conv - 1, conv_dim)), xBC])
    xBC = silu(sum(padded[i : i + T] * w[:, i] for i in range(d_conv)) + bias)
    xs, B, C = np.split(xBC, [d_inner, d_inner + d_state], 1)
    xs = xs.reshape(T, heads, head_dim)
    dt = np.logaddexp(0, dt + p["dt_bias"])  # softplus, (T, heads)
    decay = np.cumsum(dt * A, 0)  # log of the decay since the first token
    causal = np.tril(np.ones((T, T), bool))
    y = p["D"][:, None] * xs
    for h in range(heads):  # token j's input reaches token i with weight M[i, j]
        gap = np.where(causal, decay[:, None, h] - decay[None, :, h], -np.inf)
        M = np.exp(gap) * (C @ B.T) * dt[None, :, h]
        y[:, h] += M @ xs[:, h]
    return gated_norm(y.reshape(T, d_inner), z) @ p["out_proj.weight"].T


def token_by_token(x):
    conv_state = np.zeros((conv_dim, d_conv))  # the last d_conv inputs of the conv
    ssm_state = np.zeros((heads, head_dim, d_state))
    out = []
    for x_t in x:
        z, xBC, dt = np.split(p["in_proj.weight"] @ x_t, [d_inner, d_inner + conv_dim])
        conv_state = np.hstack([conv_state[:, 1:], xBC[:, None]])
        xBC = silu((conv_state * w).sum(1) + bias)
        xs, B, C = np.split(xBC, [d_inner, d_inner + d_state])
        xs = xs.reshape(heads, head_dim)
        dt = np.logaddexp(0, dt + p["dt_bias"])[:, None, None]
        ssm_state = np.exp(dt * A[:, None, None]) * ssm_state + dt * xs[:, :, None] * B
        y = ssm_state @ C + p["D"][:, None] * xs
        out.append(gated_norm(y.reshape(d_inner), z) @ p["out_proj.weight"].T)
    return np.array(out), conv_state, ssm_state


for name, shape in shapes.items():
    print(f"{name:16} {str(shape):12} {np.prod(shape):5}")
print(f"{'total':29} {sum(np.prod(s) for s in shapes.values()):5}")
print("tokens  same outputs  conv state  SSM state")
for T in (8, 32, 128):
    x = rng.standard_normal((T, d_model))
    out, conv_state, ssm_state = token_by_token(x)
    same = np.allclose(whole_sequence(x), out, rtol=0, atol=1e-9)
    print(f"{T:6}  {same!s:>12}  {conv_state.size:10}  {ssm_state.size:9}")
