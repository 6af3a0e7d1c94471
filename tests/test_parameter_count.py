"""The parameter counter (snippets/parameter-count/count_from_config.py) is shown right, not claimed right.

For every committed config, the architecture is built with plain torch modules on the ``meta`` device (shapes
only, no memory) and the number of parameters torch reports, summed over unique tensors, must equal the
counter's total. The modules below mirror the Hugging Face implementations' parameter structure (names follow
theirs) and are written independently of the counter's formulas. The command line is exercised as users run it:
``--json`` output, and clear errors for an unknown model_type and a missing key.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from torch import nn

from tests.conftest import load_module

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "snippets" / "parameter-count" / "count_from_config.py"
CONFIGS = sorted((ROOT / "snippets" / "parameter-count" / "configs").glob("*.json"))
# The models the issue names must be among the committed configs.
REQUIRED = {
    "gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl", "bert-base-uncased", "pythia-160m", "opt-125m",
    "llama-2-7b", "llama-3-8b", "mistral-7b-v0.1", "tinyllama-1.1b",
}


tool = load_module(TOOL)


# ------------------------------------------------------------------ reference architectures, built on meta


class Conv1D(nn.Module):
    """GPT-2's linear layer: weight stored (in, out), always with a bias."""

    def __init__(self, n_in: int, n_out: int):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.empty(n_out))


class GPT2Block(nn.Module):
    def __init__(self, d: int, inner: int):
        super().__init__()
        self.ln_1 = nn.LayerNorm(d)
        self.attn = nn.Module()
        self.attn.c_attn = Conv1D(d, 3 * d)
        self.attn.c_proj = Conv1D(d, d)
        self.ln_2 = nn.LayerNorm(d)
        self.mlp = nn.Module()
        self.mlp.c_fc = Conv1D(d, inner)
        self.mlp.c_proj = Conv1D(inner, d)


def build_gpt2(c: dict) -> nn.Module:
    d = c["n_embd"]
    m = nn.Module()
    m.transformer = nn.Module()
    m.transformer.wte = nn.Embedding(c["vocab_size"], d)
    m.transformer.wpe = nn.Embedding(c["n_positions"], d)
    m.transformer.h = nn.ModuleList(GPT2Block(d, c.get("n_inner") or 4 * d) for _ in range(c["n_layer"]))
    m.transformer.ln_f = nn.LayerNorm(d)
    m.lm_head = nn.Linear(d, c["vocab_size"], bias=False)
    if c.get("tie_word_embeddings", True):
        m.lm_head.weight = m.transformer.wte.weight
    return m


class NeoXLayer(nn.Module):
    def __init__(self, d: int, inner: int, bias: bool):
        super().__init__()
        self.input_layernorm = nn.LayerNorm(d)
        self.post_attention_layernorm = nn.LayerNorm(d)
        self.attention = nn.Module()
        self.attention.query_key_value = nn.Linear(d, 3 * d, bias=bias)
        self.attention.dense = nn.Linear(d, d, bias=bias)
        self.mlp = nn.Module()
        self.mlp.dense_h_to_4h = nn.Linear(d, inner)
        self.mlp.dense_4h_to_h = nn.Linear(inner, d)


def build_gpt_neox(c: dict) -> nn.Module:
    d, V = c["hidden_size"], c["vocab_size"]
    m = nn.Module()
    m.gpt_neox = nn.Module()
    m.gpt_neox.embed_in = nn.Embedding(V, d)
    bias = c.get("attention_bias", True)
    m.gpt_neox.layers = nn.ModuleList(
        NeoXLayer(d, c["intermediate_size"], bias) for _ in range(c["num_hidden_layers"])
    )
    m.gpt_neox.final_layer_norm = nn.LayerNorm(d)
    m.embed_out = nn.Linear(d, V, bias=False)
    if c.get("tie_word_embeddings", False):
        m.embed_out.weight = m.gpt_neox.embed_in.weight
    return m


class OPTLayer(nn.Module):
    def __init__(self, d: int, ffn: int, bias: bool, affine: bool):
        super().__init__()
        self.self_attn = nn.Module()
        for name in ("k_proj", "v_proj", "q_proj", "out_proj"):
            setattr(self.self_attn, name, nn.Linear(d, d, bias=bias))
        self.self_attn_layer_norm = nn.LayerNorm(d, elementwise_affine=affine)
        self.fc1 = nn.Linear(d, ffn, bias=bias)
        self.fc2 = nn.Linear(ffn, d, bias=bias)
        self.final_layer_norm = nn.LayerNorm(d, elementwise_affine=affine)


def build_opt(c: dict) -> nn.Module:
    d, V = c["hidden_size"], c["vocab_size"]
    p = c.get("word_embed_proj_dim", d)
    affine = c.get("layer_norm_elementwise_affine", True)
    m = nn.Module()
    dec = m.decoder = nn.Module()
    dec.embed_tokens = nn.Embedding(V, p)
    dec.embed_positions = nn.Embedding(c["max_position_embeddings"] + 2, d)  # OPT's offset of 2
    if p != d:
        dec.project_in = nn.Linear(p, d, bias=False)
        dec.project_out = nn.Linear(d, p, bias=False)
    if c.get("do_layer_norm_before", True) and not c.get("_remove_final_layer_norm", False):
        dec.final_layer_norm = nn.LayerNorm(d, elementwise_affine=affine)
    dec.layers = nn.ModuleList(
        OPTLayer(d, c["ffn_dim"], c.get("enable_bias", True), affine) for _ in range(c["num_hidden_layers"])
    )
    m.lm_head = nn.Linear(p, V, bias=False)
    if c.get("tie_word_embeddings", True):
        m.lm_head.weight = dec.embed_tokens.weight
    return m


class BertLayer(nn.Module):
    def __init__(self, d: int, inner: int):
        super().__init__()
        self.attention = nn.Module()
        self.attention.self = nn.Module()
        for name in ("query", "key", "value"):
            setattr(self.attention.self, name, nn.Linear(d, d))
        self.attention.output = nn.Module()
        self.attention.output.dense = nn.Linear(d, d)
        self.attention.output.LayerNorm = nn.LayerNorm(d)
        self.intermediate = nn.Module()
        self.intermediate.dense = nn.Linear(d, inner)
        self.output = nn.Module()
        self.output.dense = nn.Linear(inner, d)
        self.output.LayerNorm = nn.LayerNorm(d)


def build_bert(c: dict) -> nn.Module:
    d = c["hidden_size"]
    m = nn.Module()
    m.embeddings = nn.Module()
    m.embeddings.word_embeddings = nn.Embedding(c["vocab_size"], d)
    m.embeddings.position_embeddings = nn.Embedding(c["max_position_embeddings"], d)
    m.embeddings.token_type_embeddings = nn.Embedding(c["type_vocab_size"], d)
    m.embeddings.LayerNorm = nn.LayerNorm(d)
    m.encoder = nn.Module()
    m.encoder.layer = nn.ModuleList(BertLayer(d, c["intermediate_size"]) for _ in range(c["num_hidden_layers"]))
    m.pooler = nn.Module()
    m.pooler.dense = nn.Linear(d, d)
    return m


class RMSNorm(nn.Module):
    def __init__(self, d: int):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(d))


class LlamaLayer(nn.Module):
    def __init__(self, d: int, inner: int, heads: int, kv_heads: int, head_dim: int, attn_bias: bool, mlp_bias: bool):
        super().__init__()
        self.self_attn = nn.Module()
        self.self_attn.q_proj = nn.Linear(d, heads * head_dim, bias=attn_bias)
        self.self_attn.k_proj = nn.Linear(d, kv_heads * head_dim, bias=attn_bias)
        self.self_attn.v_proj = nn.Linear(d, kv_heads * head_dim, bias=attn_bias)
        self.self_attn.o_proj = nn.Linear(heads * head_dim, d, bias=attn_bias)
        self.mlp = nn.Module()
        self.mlp.gate_proj = nn.Linear(d, inner, bias=mlp_bias)
        self.mlp.up_proj = nn.Linear(d, inner, bias=mlp_bias)
        self.mlp.down_proj = nn.Linear(inner, d, bias=mlp_bias)
        self.input_layernorm = RMSNorm(d)
        self.post_attention_layernorm = RMSNorm(d)


def build_llama(c: dict) -> nn.Module:
    d, V, H = c["hidden_size"], c["vocab_size"], c["num_attention_heads"]
    kv = c.get("num_key_value_heads") or H
    head_dim = c.get("head_dim") or d // H
    m = nn.Module()
    m.model = nn.Module()
    m.model.embed_tokens = nn.Embedding(V, d)
    m.model.layers = nn.ModuleList(
        LlamaLayer(d, c["intermediate_size"], H, kv, head_dim, c.get("attention_bias", False), c.get("mlp_bias", False))
        for _ in range(c["num_hidden_layers"])
    )
    m.model.norm = RMSNorm(d)
    m.lm_head = nn.Linear(d, V, bias=False)
    if c.get("tie_word_embeddings", False):
        m.lm_head.weight = m.model.embed_tokens.weight
    return m


BUILDERS = {
    "gpt2": build_gpt2,
    "gpt_neox": build_gpt_neox,
    "opt": build_opt,
    "bert": build_bert,
    "llama": build_llama,
    "mistral": build_llama,
}


def meta_count(config: dict) -> int:
    with torch.device("meta"):
        model = BUILDERS[config["model_type"]](config)
    assert all(p.is_meta for p in model.parameters())
    return sum(p.numel() for p in model.parameters())  # parameters() yields a shared (tied) tensor once


# ------------------------------------------------------------------ tests


def test_every_required_model_is_committed():
    assert REQUIRED <= {p.stem for p in CONFIGS}


@pytest.mark.parametrize("path", CONFIGS, ids=[p.stem for p in CONFIGS])
def test_counter_equals_meta_device_build(path):
    config = json.loads(path.read_text())
    result = tool.count_parameters(config)
    assert result["total"] == meta_count(config)
    assert sum(result["breakdown"].values()) == result["total"]
    assert set(result["breakdown"]) == set(tool.COMPONENTS)


@pytest.mark.parametrize(
    "variant",
    [
        {"model_type": "gpt2", "vocab_size": 100, "n_positions": 16, "n_embd": 8, "n_layer": 2, "n_head": 2,
         "n_inner": 12, "tie_word_embeddings": False},
        {"model_type": "gpt_neox", "vocab_size": 100, "hidden_size": 8, "num_hidden_layers": 2,
         "num_attention_heads": 2, "intermediate_size": 20, "tie_word_embeddings": True, "attention_bias": False},
        {"model_type": "opt", "vocab_size": 100, "hidden_size": 16, "num_hidden_layers": 2, "num_attention_heads": 2,
         "ffn_dim": 24, "max_position_embeddings": 32, "word_embed_proj_dim": 8, "do_layer_norm_before": False,
         "enable_bias": False},
        {"model_type": "opt", "vocab_size": 100, "hidden_size": 16, "num_hidden_layers": 2, "num_attention_heads": 2,
         "ffn_dim": 24, "max_position_embeddings": 32, "layer_norm_elementwise_affine": False,
         "tie_word_embeddings": False},
        {"model_type": "llama", "vocab_size": 100, "hidden_size": 16, "intermediate_size": 40, "num_hidden_layers": 2,
         "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 8, "attention_bias": True, "mlp_bias": True,
         "tie_word_embeddings": True},
    ],
    ids=["gpt2-untied-ninner", "neox-tied-nobias", "opt-proj-postnorm", "opt-no-affine", "llama-bias-headdim"],
)
def test_options_match_meta_build(variant):
    """The options real configs rarely set (untied GPT-2, OPT projections, Llama biases...) are counted right too."""
    assert tool.count_parameters(variant)["total"] == meta_count(variant)


def test_known_published_count():
    """Pythia's paper lists 162,322,944 parameters for Pythia-160M (Biderman et al. 2023, Table 1)."""
    config = json.loads((TOOL.parent / "configs" / "pythia-160m.json").read_text())
    result = tool.count_parameters(config)
    assert result["total"] == 162_322_944
    assert result["non_embedding"] == 85_056_000


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=60)


def test_json_output_for_every_config():
    for path in CONFIGS:
        proc = _run(str(path), "--json")
        assert proc.returncode == 0 and proc.stderr == ""
        data = json.loads(proc.stdout)
        config = json.loads(path.read_text())
        assert isinstance(data["total"], int) and data["total"] == meta_count(config)
        assert all(isinstance(v, int) for v in data["breakdown"].values())
        assert sum(data["breakdown"].values()) == data["total"]


def test_human_output_names_the_total():
    proc = _run(str(TOOL.parent / "configs" / "llama-2-7b.json"))
    assert proc.returncode == 0 and proc.stderr == ""
    assert "6,738,415,616" in proc.stdout


def test_unknown_model_type_is_a_clear_error(tmp_path):
    bad = tmp_path / "config.json"
    bad.write_text(json.dumps({"model_type": "mamba", "vocab_size": 10, "hidden_size": 4}))
    proc = _run(str(bad), "--json")
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert "unknown model_type 'mamba'" in proc.stderr and "llama" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("path", CONFIGS, ids=[p.stem for p in CONFIGS])
def test_missing_key_is_a_clear_error(path, tmp_path):
    """Removing any size key of any committed config is an error naming that key, never a number."""
    config = json.loads(path.read_text())
    required = [k for k in config if isinstance(config[k], int) and not isinstance(config[k], bool)]
    for key in required:
        reduced = {k: v for k, v in config.items() if k != key}
        try:
            result = tool.count_parameters(reduced)
        except tool.ConfigError as exc:
            assert f"'{key}'" in str(exc)
        else:
            # a key the counter does not need (token ids) or one with a documented default must not change the count
            assert result["total"] == meta_count(reduced), key
    # and once through the command line
    key = "vocab_size"
    bad = tmp_path / "config.json"
    bad.write_text(json.dumps({k: v for k, v in config.items() if k != key}))
    proc = _run(str(bad))
    assert proc.returncode != 0 and proc.stdout == ""
    assert f"missing required key '{key}'" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_model_type_and_bad_values():
    with pytest.raises(tool.ConfigError, match="'model_type'"):
        tool.count_parameters({"vocab_size": 10})
    with pytest.raises(tool.ConfigError, match="'n_embd'"):
        tool.count_parameters({"model_type": "gpt2", "vocab_size": 10, "n_positions": 4, "n_embd": "768",
                               "n_layer": 1, "n_head": 1})
    with pytest.raises(tool.ConfigError, match="position_embedding_type"):
        tool.count_parameters({"model_type": "bert", "vocab_size": 10, "hidden_size": 4, "num_hidden_layers": 1,
                               "num_attention_heads": 1, "intermediate_size": 8, "max_position_embeddings": 4,
                               "type_vocab_size": 2, "position_embedding_type": "relative_key"})


def test_no_argument_table_lists_every_config():
    proc = _run()
    assert proc.returncode == 0 and proc.stderr == ""
    for path in CONFIGS:
        total = tool.count_parameters(json.loads(path.read_text()))["total"]
        assert re.search(rf"^{re.escape(path.stem)}\s.*\b{total:,}\b", proc.stdout, re.M), path.stem


def test_constants_in_other_snippets_match_the_counter():
    """Snippets on other pages quote counts as constants (each is a whole program); they must agree."""
    totals = {p.stem: tool.count_parameters(json.loads(p.read_text()))["total"] for p in CONFIGS}
    pattern = re.compile(r"#\s*count_from_config:\s*([\w.\-]+)\s*\n\s*\w+\s*=\s*([\d_]+)")
    found = 0
    for snippet in (ROOT / "snippets").glob("*/*.py"):
        for name, value in pattern.findall(snippet.read_text()):
            found += 1
            assert int(value.replace("_", "")) == totals[name], f"{snippet}: {name}"
    assert found >= 2


def test_kv_cache_snippet_uses_the_committed_shapes():
    """memory-footprint/kv_cache_torch.py states (layers, kv heads, head dim) per model; they must match configs."""
    source = (ROOT / "snippets" / "memory-footprint" / "kv_cache_torch.py").read_text()
    pattern = r'"([\w.\-]+) \(\d+ kv heads\)": \((\d+), (\d+), (\d+)\)'
    stated = {name: tuple(map(int, t)) for name, *t in re.findall(pattern, source)}
    files = {"Llama-2-7B": "llama-2-7b", "Llama-3-8B": "llama-3-8b", "Mistral-7B": "mistral-7b-v0.1",
             "TinyLlama-1.1B": "tinyllama-1.1b"}
    assert set(stated) == set(files)
    for name, stem in files.items():
        c = json.loads((TOOL.parent / "configs" / f"{stem}.json").read_text())
        head_dim = c["hidden_size"] // c["num_attention_heads"]
        assert stated[name] == (c["num_hidden_layers"], c["num_key_value_heads"], head_dim), name


class Expert(nn.Module):
    def __init__(self, d: int, inner: int):
        super().__init__()
        self.w1 = nn.Linear(d, inner, bias=False)
        self.w2 = nn.Linear(inner, d, bias=False)
        self.w3 = nn.Linear(d, inner, bias=False)


def test_mixtral_counts_in_the_moe_snippet():
    """mixture-of-experts/moe_layer_torch.py prints Mixtral 8x7B's total and active counts by formula; build it on
    meta (Mistral-7B's shapes with each MLP replaced by 8 experts and a router) and compare."""
    c = json.loads((TOOL.parent / "configs" / "mistral-7b-v0.1.json").read_text())
    d, inner, n_experts, top_k = c["hidden_size"], c["intermediate_size"], 8, 2
    with torch.device("meta"):
        model = build_llama(c)
        for layer in model.model.layers:
            del layer.mlp
            layer.block_sparse_moe = nn.Module()
            layer.block_sparse_moe.gate = nn.Linear(d, n_experts, bias=False)
            layer.block_sparse_moe.experts = nn.ModuleList(Expert(d, inner) for _ in range(n_experts))
    total = sum(p.numel() for p in model.parameters())
    per_expert = sum(p.numel() for p in model.model.layers[0].block_sparse_moe.experts[0].parameters())
    active = total - c["num_hidden_layers"] * (n_experts - top_k) * per_expert
    out = (ROOT / "snippets" / "mixture-of-experts" / "moe_layer_torch.out").read_text()
    m = re.search(r"Mixtral 8x7B: total ([\d,]+) parameters, active per token ([\d,]+)", out)
    assert m, out
    assert int(m.group(1).replace(",", "")) == total
    assert int(m.group(2).replace(",", "")) == active
