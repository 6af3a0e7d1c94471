"""A stream of requests served with continuous batching from one pool of KV cache
memory, allocated two ways: a contiguous slot per request, reserved for the prompt and
max_tokens at admission (first fit), against pages of 16 tokens handed out as the
sequence grows, with a block table per sequence (as vLLM does).

The pool is what a 24 GB card (24 GiB) has left for Llama 3 8B's cache in bf16 after
its bf16 weights, as the calculator counts them (count_params). Each step, every running
sequence decodes one token; finished sequences free their memory, and waiting requests
are admitted while it lasts (paged: while a spare page per running sequence is left).
When a paged sequence needs a block and none is free, the newest sequence is preempted:
its blocks are freed, and it waits to be admitted again with its prompt and the tokens
it made so far (recomputed in one prefill)."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from count_params import load_config, memory

c = load_config("llama-3-8b")  # a config that comes with the counter
head_dim = c["hidden_size"] // c["num_attention_heads"]
per_token = 2 * c["num_hidden_layers"] * c["num_key_value_heads"] * head_dim * 2  # bf16
left = 24 * 2**30 - memory(c, {"weights": "bf16"})["weights"]["bytes"]
POOL = left // per_token  # tokens of cache that fit beside the weights
BLOCK, MAX_TOKENS, REQUESTS = 16, 2048, 600
rng = np.random.default_rng(0)
prompts = rng.integers(100, 1000, REQUESTS)  # prompt tokens
outputs = np.minimum(rng.geometric(1 / 300, REQUESTS), MAX_TOKENS)  # tokens generated


def serve(paged):
    waiting, running = list(range(REQUESTS)), {}  # running: request -> tokens so far
    made = dict.fromkeys(range(REQUESTS), 0)  # tokens generated, kept when preempted
    free_blocks = POOL // BLOCK  # paged: a count of free pages is all it needs
    slots = [(0, POOL)]  # contiguous: the free (start, length) runs of the pool
    table, where = {}, {}  # paged: blocks of each sequence; contiguous: its slot
    busy, used, held, preempted, redone = [], 0, 0, 0, 0
    while waiting or running:
        while waiting:  # admit in order while memory lasts
            r = waiting[0]
            if paged:
                need = -(-(prompts[r] + made[r] + 1) // BLOCK)  # all so far, and 1
                if need + len(running) > free_blocks:  # a spare page per sequence
                    break
                free_blocks -= need
                table[r] = need
            else:
                size = prompts[r] + MAX_TOKENS  # reserved whatever r will generate
                fit = next((i for i, (_, n) in enumerate(slots) if n >= size), None)
                if fit is None:
                    break
                start, n = slots[fit]
                slots[fit] = (start + size, n - size)
                where[r] = (start, size)
            running[r] = made[r]
            waiting.pop(0)
        busy.append(len(running))
        for r in list(running):  # one decode step: a token for every sequence
            if r not in running:  # preempted earlier in this step
                continue
            running[r] += 1
            made[r] = running[r]
            length = prompts[r] + running[r]
            if paged and length > table[r] * BLOCK:  # the last page is full
                if free_blocks == 0:  # preempt the newest sequence, r included
                    victim = max(running)
                    free_blocks += table.pop(victim)
                    del running[victim]
                    waiting.insert(0, victim)
                    waiting.sort()
                    preempted += 1
                    redone += prompts[victim] + made[victim]  # its prefill, again
                    if victim == r:
                        continue
                free_blocks -= 1
                table[r] += 1
        for r in [r for r, n in running.items() if n >= outputs[r]]:  # done
            del running[r]
            if paged:
                free_blocks += table.pop(r)
            else:
                slots.append(where.pop(r))  # back to the free runs, merged below
                slots.sort()
                merged = [slots[0]]
                for s, n in slots[1:]:
                    if merged[-1][0] + merged[-1][1] == s:
                        merged[-1] = (merged[-1][0], merged[-1][1] + n)
                    else:
                        merged.append((s, n))
                slots = merged
        tokens = sum(prompts[r] + running[r] for r in running)
        used += tokens
        held += sum(table.values()) * BLOCK if paged else sum(
            where[r][1] for r in running)
    return busy, used / held, preempted, redone


print(f"pool: {left / 1e9:.2f} GB at {per_token // 2**10} KiB a token,"
      f" {POOL:,} tokens of cache")
print(f"{REQUESTS} requests: prompts of {prompts.mean():.0f} tokens and outputs of"
      f" {outputs.mean():.0f} on average, max_tokens {MAX_TOKENS}")
print("allocation   steps  sequences at once  cache held  preempted")
print("                          (mean, max)      in use     (tokens recomputed)")
results = {}
for paged, name in [(False, "contiguous"), (True, "paged")]:
    busy, use, preempted, redone = serve(paged)
    results[name] = busy
    print(f"{name:10} {len(busy):7,} {np.mean(busy):11.1f} {max(busy):5}"
          f" {use:12.1%} {preempted:10} ({redone:,})")
print(f"the same requests in {len(results['paged']) / len(results['contiguous']):.0%}"
      " of the steps")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
fig, ax = plt.subplots(figsize=(5, 3.2))
for name, busy in results.items():
    steps = range(0, len(busy), 25)  # every 25th step: enough for the eye
    ax.plot(steps, [busy[t] for t in steps], lw=1,
            label=f"{name}: done in {len(busy):,} steps")
ax.set_xlabel("decode step")
ax.set_ylabel("sequences decoded together")
ax.set_title("Llama 3 8B, the cache left on a 24 GB card", fontsize=10)
ax.set_ylim(bottom=0)
ax.legend(fontsize=8)
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("sequences_at_once.svg", metadata=no_metadata)
