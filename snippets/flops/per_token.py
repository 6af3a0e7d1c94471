"""FLOPs per token of two real models: 2N forward, 6N training, the active count for
mixture-of-experts, and the attention term that grows with the context.

Llama-2-7B (meta-llama/Llama-2-7b-hf config.json): hidden_size 4096, intermediate_size
11008, 32 layers, 32 heads, vocab_size 32000, untied; trained on 2.0T tokens (Llama 2
paper, Table 1). Mixtral 8x7B (mistralai/Mixtral-8x7B-v0.1 config.json): hidden_size
4096, intermediate_size 14336, 32 layers, 32 heads, 8 key-value heads, vocab_size 32000,
8 experts per layer of which 2 per token, untied.
"""

G = 1e9


def count(d, ff, layers, vocab, kv_width, experts=1, active_experts=1):
    """Parameters in all, and active: those one token's computation uses, counting the
    embedding table whole as model cards do (a lookup reads one row of it)."""
    attention = 2 * d * d + 2 * d * kv_width  # q and o are d x d; k and v d x kv_width
    expert, router, norms = 3 * d * ff, d * experts if experts > 1 else 0, 2 * d
    outside = 2 * vocab * d + d  # embedding, head, final norm
    total = layers * (attention + experts * expert + router + norms) + outside
    active = layers * (attention + active_experts * expert + router + norms) + outside
    return total, active


llama, _ = count(4096, 11008, 32, 32000, kv_width=4096)
mixtral, mixtral_active = count(4096, 14336, 32, 32000, kv_width=1024,
                                experts=8, active_experts=2)
print(f"Llama-2-7B: N = {llama:,}")
print(f"  forward 2N = {2 * llama / G:.1f} GFLOP per token;"
      f" training 6N = {6 * llama / G:.1f} GFLOP per token")
print(f"  training on D = 2.0e12 tokens: 6ND = {6 * llama * 2.0e12:.2e} FLOPs")
print(f"Mixtral 8x7B: {mixtral:,} parameters, {mixtral_active:,} active per token")
print(f"  forward 2 x active = {2 * mixtral_active / G:.1f} GFLOP per token,"
      f" not 2 x total = {2 * mixtral / G:.1f}")

# Attention scores and their weighted sum: 2 * layers * context * d FLOPs per token
# (Kaplan et al. 2020, Table 1; a causal mask halves the full t x t products).
print("Llama-2-7B attention term per token, against 2N:")
for context in (4096, 32768, 131072):
    attention = 2 * 32 * context * 4096
    share = attention / (2 * llama)
    print(f"  context {context:6}: {attention / G:5.1f} GFLOP = {share:.0%}")
