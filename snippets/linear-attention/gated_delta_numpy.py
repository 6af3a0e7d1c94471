"""The gated delta rule of Gated DeltaNet, one head, computed two ways: token by token
with a state of fixed size (the recurrent form, how a model generates), and in chunks
of matrix products (the chunked form, how it reads a prompt or trains). A chunk as
long as the sequence is the fully parallel form.

The state S holds d_k x d_v numbers. Each token decays it by a gate a in (0, 1),
erases what S stores under the key k, writes the value v there with a strength b in
(0, 1), and is read by the query q:
    S_t = a_t (I - b_t k_t k_t^T) S_{t-1} + b_t k_t v_t^T,    o_t = S_t^T q_t
"""

import numpy as np

rng = np.random.default_rng(0)
d_k, d_v = 16, 16  # key and value width of one head


def unit(x):  # Gated DeltaNet normalizes queries and keys to length 1
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def inputs(T):
    q, k = unit(rng.standard_normal((T, d_k))), unit(rng.standard_normal((T, d_k)))
    v = rng.standard_normal((T, d_v))
    a = np.exp(-rng.uniform(0.01, 0.2, T))  # decay gates
    b = rng.uniform(0.1, 0.9, T)  # write strengths
    return q, k, v, a, b


def recurrent(q, k, v, a, b):
    S = np.zeros((d_k, d_v))
    out = np.empty((len(q), d_v))
    for t in range(len(q)):
        erase = np.outer(k[t], k[t] @ S)  # what S stores under k_t
        S = a[t] * (S - b[t] * erase) + b[t] * np.outer(k[t], v[t])
        out[t] = q[t] @ S
    return out, S


def chunked(q, k, v, a, b, C):
    S = np.zeros((d_k, d_v))
    out = np.empty((len(q), d_v))
    for s in range(0, len(q), C):
        Q, K, V, B = q[s : s + C], k[s : s + C], v[s : s + C], b[s : s + C]
        g = np.cumsum(np.log(a[s : s + C]))  # log of the decay since the chunk began
        decay = np.tril(np.exp(g[:, None] - g[None, :]))  # from token j to token i
        # what each token writes, u_t, once the earlier writes are erased: a
        # triangular system (I + A) U = B (V - decay * K S)
        A = np.tril(B[:, None] * decay * (K @ K.T), -1)
        U = np.linalg.solve(np.eye(len(Q)) + A,
                            B[:, None] * (V - np.exp(g)[:, None] * (K @ S)))
        out[s : s + C] = np.exp(g)[:, None] * (Q @ S) + (decay * (Q @ K.T)) @ U
        S = np.exp(g[-1]) * S + (K * np.exp(g[-1] - g)[:, None]).T @ U
    return out, S


print(f"one head, keys of {d_k} and values of {d_v}")
print("tokens  chunks of 16  one chunk  state  KV cache")
for T in (16, 64, 256):
    x = inputs(T)
    out, S = recurrent(*x)
    same16 = np.allclose(chunked(*x, C=16)[0], out, rtol=0, atol=1e-10)
    same_all = np.allclose(chunked(*x, C=T)[0], out, rtol=0, atol=1e-10)
    kv = T * (d_k + d_v)  # what one attention head would cache: a key and a value
    print(f"{T:6}  {same16!s:>12}  {same_all!s:>9}  {S.size:5}  {kv:8}")
