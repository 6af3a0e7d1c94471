"""How much context each scored token gets when a text longer than the model's window is
scored in pieces: in chunks that do not overlap, and with a strided sliding window.

The loop is the one in Hugging Face's guide "Perplexity of fixed-length models": each
window of max_length tokens starts stride tokens after the one before and scores only
the tokens that no window has scored yet. A window's first token is never scored: the
model has nothing inside the window to predict it from.
"""

n_tokens, max_length = 20, 8


def contexts(stride):
    """Tokens of context (in its window) for each scored token, and the window count."""
    context, prev_end, windows = {}, 0, 0
    for begin in range(0, n_tokens, stride):
        end = min(begin + max_length, n_tokens)
        windows += 1
        for t in range(max(prev_end, begin + 1), end):  # tokens not scored before
            context[t] = t - begin  # the tokens before it in this window
        prev_end = end
        if end == n_tokens:
            break
    return context, windows


print(f"a text of {n_tokens} tokens, windows of max_length = {max_length} tokens")
print("token:      " + "".join(f"{t:>3}" for t in range(n_tokens)))
for stride in [8, 4, 2]:
    context, windows = contexts(stride)
    name = "chunks" if stride == max_length else f"stride {stride}"
    print(f"{name:12}" + "".join(f"{context.get(t, '-'):>3}" for t in range(n_tokens)))
print("\n            windows  tokens scored  least context past the first window")
for stride in [8, 4, 2]:
    context, windows = contexts(stride)
    name = "chunks" if stride == max_length else f"stride {stride}"
    fewest = min(c for t, c in context.items() if t >= max_length)
    print(f"{name:12}{windows:>7}  {len(context):>13}  {fewest:>2}"
          f" (max_length - stride = {max_length - stride})")
