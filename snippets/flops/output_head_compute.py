"""How much of Pythia-160M's forward compute is its untied output head?

An embedding lookup reads one row and multiplies nothing, but an untied output head is
a full V x d matrix multiply for every token. Per token, a weight matrix with n entries
costs 2n FLOPs (a multiply and an add for each entry).
"""

from count_params import load_config

# --8<-- [start:shares]
c = load_config("pythia-160m")  # the published config, as the counter ships it
V, d, L = c["vocab_size"], c["hidden_size"], c["num_hidden_layers"]
inner = c["intermediate_size"]

blocks = 2 * L * (4 * d * d + 2 * d * inner)  # q, k, v, out and the two MLP matrices
head = 2 * V * d  # a logit for every vocabulary entry
print(f"per token: blocks {blocks:,} FLOPs, head {head:,} FLOPs, embedding lookup 0")
print(f"head share of the weight matmuls: {head / (blocks + head):.1%}")

# Attention adds 2 * L * context * d FLOPs per token averaged over a causal sequence
# (token i attends to i tokens; Kaplan et al. 2020, Table 1); a token decoded at the
# end of the context does twice that.
context = c["max_position_embeddings"]
scores = 2 * L * context * d
share = head / (blocks + head + scores)
print(f"head share with attention, averaged over a causal sequence of {context}"
      f" tokens: {share:.1%}")
# --8<-- [end:shares]
