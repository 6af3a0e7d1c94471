"""What causal attention keeps for the backward pass, measured: the plain computation
against torch's FlashAttention kernel for CPUs (SDPA's flash backend), at four lengths.

Autograd's saved_tensors_hooks see every tensor kept for the backward pass; each storage
is counted once, and the queries, keys and values, which both keep, are left out. Then
the same two quantities for one layer of Llama 3 8B in bf16, from its config."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from count_params import load_config
from torch.nn.attention import SDPBackend, sdpa_kernel

torch.manual_seed(0)
H, h = 4, 32  # heads, head width


def plain(q, k, v):  # the T x T scores, a mask, a softmax, then the values
    s = q @ k.transpose(-1, -2) * h**-0.5
    s = s.masked_fill(torch.ones(s.shape[-2:], dtype=torch.bool).triu(1), -torch.inf)
    return s.softmax(dim=-1) @ v


def flash(q, k, v):
    with sdpa_kernel(SDPBackend.FLASH_ATTENTION):  # only this kernel, or an error
        return F.scaled_dot_product_attention(q, k, v, is_causal=True)


def kept(attention, T):  # bytes saved for backward, beyond the queries, keys, values
    q, k, v = (torch.randn(1, H, T, h, requires_grad=True) for _ in range(3))
    storages = {}

    def pack(t):
        storages[t.untyped_storage().data_ptr()] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        out = attention(q, k, v)
    out.sum().backward()  # the saved tensors are enough to get the gradients
    return sum(storages.values()) - 3 * q.nbytes


lengths = [256, 512, 1024, 2048]
measured = {name: [kept(f, T) for T in lengths] for name, f in
            [("plain", plain), ("flash", flash)]}
print(f"kept for backward, {H} heads of width {h}, float32 (KiB):")
print("tokens      plain   FlashAttention")
for T, a, b in zip(lengths, measured["plain"], measured["flash"], strict=True):
    print(f"{T:6} {a / 2**10:10,.0f} {b / 2**10:16,.0f}")
plain_bytes = dict(zip(lengths, measured["plain"], strict=True))
flash_bytes = dict(zip(lengths, measured["flash"], strict=True))
print("plain: 4 B x heads x T^2 (the weights) + T^2 (the mask):",
      all(a == 4 * H * T * T + T * T for T, a in plain_bytes.items()))
print("flash: 4 B x heads x T x (h + 1) (the output and a log-sum-exp per row):",
      all(b == 4 * H * T * (h + 1) for T, b in flash_bytes.items()))

c = load_config("llama-3-8b")  # a config that comes with the counter
H8 = c["num_attention_heads"]
h8 = c.get("head_dim", c["hidden_size"] // H8)
T = 8192
print(f"Llama 3 8B, one layer, one sequence of {T:,} tokens, bf16:")
L = c["num_hidden_layers"]
print(f"  plain: the weights of {H8} heads, {2 * H8 * T * T / 1e9:.2f} GB"
      f" ({L} layers: {2 * H8 * T * T * L / 1e9:.0f} GB)")
print(f"  FlashAttention: the output and the log-sum-exps (fp32),"
      f" {(2 * H8 * T * h8 + 4 * H8 * T) / 2**20:.0f} MiB")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.2))
for name, label in [("plain", "plain: the T x T weights, 4x per doubling"),
                    ("flash", "FlashAttention: output and log-sum-exps, 2x")]:
    ax.loglog(lengths, [b / 2**20 for b in measured[name]], marker="o", label=label)
ax.set_xticks(lengths, [str(T) for T in lengths])
ax.set_yticks([0.1, 1, 10, 100], ["0.1", "1", "10", "100"])
ax.minorticks_off()
ax.set_xlabel("tokens in the sequence")
ax.set_ylabel("kept for backward, MiB")
ax.set_title(f"One attention layer, {H} heads: measured with autograd", fontsize=10)
ax.legend(fontsize=8)
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("saved_for_backward.svg", metadata=no_metadata)
