"""Tokens per step and steps of a real pre-training run, Llama 2: sequences of 4096
tokens, a global batch of 4M tokens, 2.0T tokens in all (Touvron et al. 2023, Table 1
and its caption). "4M" is read here as 4 x 2**20, a whole number of sequences."""

sequence_length = 4096
batch_tokens = 4 * 2**20  # "4M tokens"
sequences_per_step = batch_tokens // sequence_length
total_tokens = 2.0e12
print(
    f"batch of {batch_tokens:,} tokens = {sequences_per_step} sequences"
    f" of {sequence_length} tokens per step"
)
print(f"2.0T tokens / tokens per step = {total_tokens / batch_tokens:,.0f} steps")

# The same batch on 64 devices with gradient accumulation: global batch = devices x
# micro-batch x accumulation steps.
devices, micro_batch = 64, 2
print(
    f"on {devices} devices with micro-batches of {micro_batch} sequences:"
    f" {sequences_per_step // (devices * micro_batch)} accumulation steps per step"
)
