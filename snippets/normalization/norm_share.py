"""How many parameters the normalization layers of two real models hold.

GPT-2 small (openai-community/gpt2 config.json): n_embd 768, n_layer 12,
n_positions 1024, vocab_size 50257, LayerNorm with gain and shift, biases everywhere,
tied head.
Llama-2-7B (meta-llama/Llama-2-7b-hf config.json): hidden_size 4096,
intermediate_size 11008, num_hidden_layers 32, vocab_size 32000, RMSNorm gains only,
no biases, untied head.
Both put one norm before attention, one before the MLP, and one after the last block.
"""


def gpt2_small(d=768, layers=12, positions=1024, vocab=50257):
    norms = (2 * layers + 1) * 2 * d  # gain and shift per LayerNorm
    attention = d * 3 * d + 3 * d + d * d + d  # fused q, k, v and the output map
    mlp = d * 4 * d + 4 * d + 4 * d * d + d
    return norms, vocab * d + positions * d + layers * (attention + mlp) + norms


def llama2_7b(d=4096, ff=11008, layers=32, vocab=32000):
    norms = (2 * layers + 1) * d  # gain only per RMSNorm
    return norms, 2 * vocab * d + layers * (4 * d * d + 3 * d * ff) + norms


models = {"GPT-2 small": gpt2_small(), "Llama-2-7B": llama2_7b()}
for name, (norms, total) in models.items():
    print(f"{name:12} {total:>13,} parameters, {norms:>7,} in norms"
          f" = {100 * norms / total:.3f}%")
