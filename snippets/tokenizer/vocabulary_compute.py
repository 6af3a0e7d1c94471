"""Fewer tokens for the same text, but each token costs more: the output head scores
every vocabulary entry, 2 * V * d FLOPs per token; the embedding lookup costs none.

Three model bodies (their blocks counted by the parameter counter from published
configs), each with Llama 2's vocabulary of 32,000 tokens and with Llama 3's of 128,256.
On a sample of English text, Llama 2's tokenizer makes 3.17 characters per token and
Llama 3's 3.94 (Llama Team 2024, Section 3.2). Attention over the context is left out.
"""

from count_params import count_parameters, load_config

CHARS_PER_TOKEN = {32_000: 3.17, 128_256: 3.94}  # the two tokenizers on English text

fewer = CHARS_PER_TOKEN[32_000] / CHARS_PER_TOKEN[128_256] - 1
print(f"the larger vocabulary: {fewer:+.1%} tokens for the same text")
print("body            width  vocabulary  GFLOP/token: blocks   head"
      "  GFLOP/1,000 chars")
for name in ["gpt2", "tinyllama-1.1b", "llama-2-7b"]:
    c = load_config(name)
    d = c.get("n_embd") or c["hidden_size"]
    parts = count_parameters(c)["breakdown"]
    blocks = 2 * (parts["attention"] + parts["mlp"])  # 2 FLOPs per weight and token
    per_text = {}
    for V, chars in CHARS_PER_TOKEN.items():
        head = 2 * V * d  # tied or not, the head multiplies by all V rows
        per_text[V] = (blocks + head) * 1000 / chars
        print(f"{name:15} {d:>5,}  {V:>10,}  {blocks / 1e9:>19.3f}  {head / 1e9:5.3f}"
              f"  {per_text[V] / 1e9:17,.1f}")
    change = per_text[128_256] / per_text[32_000] - 1
    print(f"{'':15} the larger vocabulary: {change:+.1%} compute for the same text")
