"""How much of a real model the vocabulary decides: the token embedding table and the
output head are both vocabulary x width. Counted by the parameter counter
(snippets/parameter-count/count_from_config.py) from published configs."""

import json
import sys
from pathlib import Path

COUNTER = Path(__file__).resolve().parents[1] / "parameter-count"
sys.path.insert(0, str(COUNTER))
from count_from_config import count_parameters  # noqa: E402

print("model           vocabulary  width   table + head       of total   share  head")
for name in ["gpt2", "tinyllama-1.1b", "llama-2-7b", "llama-3-8b"]:
    c = json.loads((COUNTER / "configs" / f"{name}.json").read_text())
    V, d = c["vocab_size"], c.get("n_embd") or c["hidden_size"]
    result = count_parameters(c)
    head = result["breakdown"]["output_head"]  # 0 when tied to the table
    vocab_part = V * d + head
    share = 100 * vocab_part / result["total"]
    print(f"{name:15} {V:>10,}  {d:>5,}  {vocab_part:>13,}  {result['total']:>13,}"
          f"  {share:>5.1f}%  {'tied' if head == 0 else 'untied'}")
