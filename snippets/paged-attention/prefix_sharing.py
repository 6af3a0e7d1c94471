"""Prefix caching with a block table: 64 requests that begin with the same system prompt
of 1,000 tokens. Each full block of 16 tokens is found by a hash of its tokens and of
every token before it (as vLLM's automatic prefix caching does), so a block that another
request already computed is shared (its reference count goes up) instead of stored and
computed again. A block that is not full is never shared."""

import hashlib

import numpy as np

BLOCK, SYSTEM, USERS = 16, 1000, 64
rng = np.random.default_rng(0)
system = rng.integers(0, 32000, SYSTEM)  # token ids of the shared system prompt
questions = [rng.integers(0, 32000, n) for n in rng.integers(50, 200, USERS)]

pool = {}  # block hash -> reference count: the physical blocks in memory
tables, computed = [], 0  # each request's block table; tokens that needed a prefill
for question in questions:
    tokens = np.concatenate([system, question])
    table, parent = [], b""
    for start in range(0, len(tokens), BLOCK):
        block = tokens[start : start + BLOCK]
        if len(block) == BLOCK:  # a full block: named by its tokens and its prefix
            key = hashlib.sha256(parent + block.tobytes()).hexdigest()
            parent = key.encode()
        else:  # the last, partial block: private to this request
            key = f"private {len(tables)}"
        if key not in pool:
            computed += len(block)
        pool[key] = pool.get(key, 0) + 1
        table.append(key)
    tables.append(table)

alone = sum(len(t) for t in tables)  # every request with its own blocks
shared = sum(n > 1 for n in pool.values())
print(f"{USERS} requests, a system prompt of {SYSTEM:,} tokens and questions of"
      f" {np.mean([len(q) for q in questions]):.0f} tokens on average")
print(f"blocks without sharing: {alone:,}; with prefix caching: {len(pool):,}"
      f" ({len(pool) / alone:.0%})")
print(f"blocks shared by all {USERS}: {shared} ({shared * BLOCK} tokens); the system"
      f" prompt's last {SYSTEM % BLOCK} tokens share a block with each question")
total = sum(len(q) + SYSTEM for q in questions)
print(f"prefill tokens computed: {computed:,} of {total:,} ({computed / total:.0%})")
