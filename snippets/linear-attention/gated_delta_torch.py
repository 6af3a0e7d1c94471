"""The gated delta rule of Gated DeltaNet, one head, computed two ways: token by token
with a state of fixed size (the recurrent form, how a model generates), and in chunks
of matrix products (the chunked form, how it reads a prompt or trains). A chunk as
long as the sequence is the fully parallel form.

The state S holds d_k x d_v numbers. Each token decays it by a gate a in (0, 1),
erases what S stores under the key k, writes the value v there with a strength b in
(0, 1), and is read by the query q:
    S_t = a_t (I - b_t k_t k_t^T) S_{t-1} + b_t k_t v_t^T,    o_t = S_t^T q_t
"""

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
d_k, d_v = 16, 16  # key and value width of one head


def inputs(T):  # Gated DeltaNet normalizes queries and keys to length 1
    q = torch.nn.functional.normalize(torch.randn(T, d_k), dim=-1)
    k = torch.nn.functional.normalize(torch.randn(T, d_k), dim=-1)
    v = torch.randn(T, d_v)
    a = torch.exp(-torch.empty(T).uniform_(0.01, 0.2))  # decay gates
    b = torch.empty(T).uniform_(0.1, 0.9)  # write strengths
    return q, k, v, a, b


def recurrent(q, k, v, a, b):
    S = torch.zeros(d_k, d_v)
    out = torch.empty(len(q), d_v)
    for t in range(len(q)):
        erase = torch.outer(k[t], k[t] @ S)  # what S stores under k_t
        S = a[t] * (S - b[t] * erase) + b[t] * torch.outer(k[t], v[t])
        out[t] = q[t] @ S
    return out, S


def chunked(q, k, v, a, b, C):
    S = torch.zeros(d_k, d_v)
    out = torch.empty(len(q), d_v)
    for s in range(0, len(q), C):
        Q, K, V, B = q[s : s + C], k[s : s + C], v[s : s + C], b[s : s + C]
        g = torch.cumsum(torch.log(a[s : s + C]), 0)  # log of the decay in the chunk
        decay = torch.tril(torch.exp(g[:, None] - g[None, :]))  # from token j to i
        # what each token writes, u_t, once the earlier writes are erased: a unit
        # lower-triangular system (I + A) U = B (V - decay * K S)
        A = torch.tril(B[:, None] * decay * (K @ K.T), -1)
        rhs = B[:, None] * (V - torch.exp(g)[:, None] * (K @ S))
        U = torch.linalg.solve_triangular(torch.eye(len(Q)) + A, rhs, upper=False)
        out[s : s + C] = torch.exp(g)[:, None] * (Q @ S) + (decay * (Q @ K.T)) @ U
        S = torch.exp(g[-1]) * S + (K * torch.exp(g[-1] - g)[:, None]).T @ U
    return out, S


print(f"one head, keys of {d_k} and values of {d_v}")
print("tokens  chunks of 16  one chunk  state  KV cache")
for T in (16, 64, 256):
    x = inputs(T)
    out, S = recurrent(*x)
    same16 = torch.allclose(chunked(*x, C=16)[0], out, rtol=0, atol=1e-10)
    same_all = torch.allclose(chunked(*x, C=T)[0], out, rtol=0, atol=1e-10)
    kv = T * (d_k + d_v)  # what one attention head would cache: a key and a value
    print(f"{T:6}  {same16!s:>12}  {same_all!s:>9}  {S.numel():5}  {kv:8}")
