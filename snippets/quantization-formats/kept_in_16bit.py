"""What keeping the embeddings, output head and norms in 16 bits costs a 4-bit model,
from the parameter counter (count_params) and the configs that come with it."""

from count_params import count_parameters, load_config

BITS_4 = 4 + (16 + 4) / 128  # int4 codes, fp16 scale and 4-bit zero per 128 (AWQ)

print("model       vocab    embedding + head    all 4-bit  4-bit, those 16-bit  extra")
for name in ["llama-3-8b", "qwen3-8b", "gemma-2-2b", "gemma-3-1b"]:
    c = load_config(name)
    total = count_parameters(c)["total"]
    h, V = c["hidden_size"], c["vocab_size"]
    # tied models (Gemma) share one matrix for the embedding and the output head
    tied = c.get("tie_word_embeddings", c.get("model_type", "").startswith("gemma"))
    # the norms, a few vectors of width h a layer, stay 16-bit too: under 0.01% here
    kept = V * h * (1 if tied else 2)
    all4 = total * BITS_4 / 8
    mixed = (total - kept) * BITS_4 / 8 + 2 * kept
    print(f"{name:11} {V:7,} {kept / total:6.1%} of {total / 1e9:4.2f} B"
          f"  {all4 / 1e9:8.2f} GB  {mixed / 1e9:13.2f} GB  {mixed / all4 - 1:+6.0%}")
