"""How much of a real model the vocabulary decides: the token embedding table and the
output head are both vocabulary x width. Counted by the parameter counter
(count_params) from the published configs that come with it."""

from count_params import count_parameters, load_config

print("model           vocabulary  width   table + head       of total   share  head")
for name in ["gpt2", "tinyllama-1.1b", "llama-2-7b", "llama-3-8b"]:
    c = load_config(name)
    V, d = c["vocab_size"], c.get("n_embd") or c["hidden_size"]
    result = count_parameters(c)
    head = result["breakdown"]["output_head"]  # 0 when tied to the table
    vocab_part = V * d + head
    share = 100 * vocab_part / result["total"]
    print(f"{name:15} {V:>10,}  {d:>5,}  {vocab_part:>13,}  {result['total']:>13,}"
          f"  {share:>5.1f}%  {'tied' if head == 0 else 'untied'}")
