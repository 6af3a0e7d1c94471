"""Check the counter against torch: build Llama-style models on the meta device and
count numel().

The meta device records shapes without allocating memory, so an 8-billion-parameter
model "builds" in
milliseconds on a laptop. The modules mirror the Hugging Face Llama implementation's
parameter tensors.
"""

import torch
from count_params import count_parameters, load_config
from torch import nn


class RMSNorm(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))


class DecoderLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        d, heads = c["hidden_size"], c["num_attention_heads"]
        kv, hd = c.get("num_key_value_heads", heads), c.get("head_dim", d // heads)
        self.q_proj, self.o_proj = (
            nn.Linear(d, heads * hd, bias=False),
            nn.Linear(heads * hd, d, bias=False),
        )
        self.k_proj, self.v_proj = (
            nn.Linear(d, kv * hd, bias=False),
            nn.Linear(d, kv * hd, bias=False),
        )
        self.gate_proj = nn.Linear(d, c["intermediate_size"], bias=False)
        self.up_proj = nn.Linear(d, c["intermediate_size"], bias=False)
        self.down_proj = nn.Linear(c["intermediate_size"], d, bias=False)
        self.input_layernorm, self.post_attention_layernorm = RMSNorm(d), RMSNorm(d)


# --8<-- [start:check]
class CausalLM(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embed_tokens = nn.Embedding(c["vocab_size"], c["hidden_size"])
        self.layers = nn.ModuleList(
            DecoderLayer(c) for _ in range(c["num_hidden_layers"])
        )
        self.norm = RMSNorm(c["hidden_size"])
        self.lm_head = nn.Linear(c["hidden_size"], c["vocab_size"], bias=False)
        if c.get("tie_word_embeddings", False):
            self.lm_head.weight = self.embed_tokens.weight


for name in ("tinyllama-1.1b", "llama-2-7b", "mistral-7b-v0.1", "llama-3-8b"):
    config = load_config(name)  # a config that comes with the counter
    with torch.device("meta"):
        model = CausalLM(config)
    built = sum(p.numel() for p in model.parameters())
    counted = count_parameters(config)["total"]
    print(
        f"{name:16} meta build {built:>14,}  counter {counted:>14,}  equal: "
        f"{built == counted}"
        f"  (device {next(model.parameters()).device})"
    )
# --8<-- [end:check]
