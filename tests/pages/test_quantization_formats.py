"""The quantization-formats page's GGUF layouts against the C structs they describe, and its prose against its
data.

The structs are transcribed field by field from llama.cpp's ggml/src/ggml-common.h (ggml_half is a uint16_t;
QK_K = 256; K_SCALE_SIZE = 12), the I-quants' (block_iq1_s to block_iq4_xs) included, as ctypes structures, so
that their sizes come from the C layout rules, padding included, not from a sum typed by hand. Against them:

- kquant_scales.py (the K-quants' scale bits, sub-blocks and fp16 super-block values): the bits it adds up must
  fill each struct exactly, its scale and minimum bits must fill the struct's `scales` array, and its fp16
  values must be the struct's ggml_half fields, by name;
- gguf_bits.py (the bytes per block of every type the page lists) must give each struct's size;
- the page's sentences on the K-quants (scale and minimum bits, sub-blocks, d and dmin) must say what
  kquant_scales.py holds, so that a wrong width in the prose (the "6- or 8-bit scale" for every K-quant that
  issue 25 found) fails here.
"""

from __future__ import annotations

import ast
import ctypes
import re

import pytest
from count_params.memory_rules import E8, FORMATS, GGUF_MIXES

from tests.support import ROOT, snippet_globals

PAGE = ROOT / "docs" / "terms" / "quantization-formats.md"
CALCULATOR = ROOT / "docs" / "calculator.md"
QK_K = 256
u8, i8, u16 = ctypes.c_uint8, ctypes.c_int8, ctypes.c_uint16
# ggml_half is a uint16_t too; a type of its own, so that the fp16 fields can be told apart from uint16_t ones
half = type("ggml_half", (ctypes.c_uint16,), {})


def struct(name: str, fields: list[tuple[str, object]]) -> type[ctypes.Structure]:
    return type(name, (ctypes.Structure,), {"_fields_": fields})


# ggml/src/ggml-common.h, in field order. The unions {d, m} / {d, dmin} of a ggml_half2 are two ggml_half fields.
STRUCTS = {
    "Q8_0": (32, struct("block_q8_0", [("d", half), ("qs", i8 * 32)])),
    "Q4_0": (32, struct("block_q4_0", [("d", half), ("qs", u8 * 16)])),
    "Q4_1": (32, struct("block_q4_1", [("d", half), ("m", half), ("qs", u8 * 16)])),
    "Q5_0": (32, struct("block_q5_0", [("d", half), ("qh", u8 * 4), ("qs", u8 * 16)])),
    "MXFP4": (32, struct("block_mxfp4", [("e", u8), ("qs", u8 * 16)])),
    "Q2_K": (QK_K, struct("block_q2_K", [("scales", u8 * (QK_K // 16)), ("qs", u8 * (QK_K // 4)),
                                         ("d", half), ("dmin", half)])),
    "Q3_K": (QK_K, struct("block_q3_K", [("hmask", u8 * (QK_K // 8)), ("qs", u8 * (QK_K // 4)),
                                         ("scales", u8 * 12), ("d", half)])),
    "Q4_K": (QK_K, struct("block_q4_K", [("d", half), ("dmin", half), ("scales", u8 * 12),
                                         ("qs", u8 * (QK_K // 2))])),
    "Q5_K": (QK_K, struct("block_q5_K", [("d", half), ("dmin", half), ("scales", u8 * 12),
                                         ("qh", u8 * (QK_K // 8)), ("qs", u8 * (QK_K // 2))])),
    "Q6_K": (QK_K, struct("block_q6_K", [("ql", u8 * (QK_K // 2)), ("qh", u8 * (QK_K // 4)),
                                         ("scales", i8 * (QK_K // 16)), ("d", half)])),
    "IQ1_S": (QK_K, struct("block_iq1_s", [("d", half), ("qs", u8 * (QK_K // 8)), ("qh", u16 * (QK_K // 32))])),
    "IQ1_M": (QK_K, struct("block_iq1_m", [("qs", u8 * (QK_K // 8)), ("qh", u8 * (QK_K // 16)),
                                           ("scales", u8 * (QK_K // 32))])),
    "IQ2_XXS": (QK_K, struct("block_iq2_xxs", [("d", half), ("qs", u16 * (QK_K // 8))])),
    "IQ2_XS": (QK_K, struct("block_iq2_xs", [("d", half), ("qs", u16 * (QK_K // 8)), ("scales", u8 * (QK_K // 32))])),
    "IQ3_XXS": (QK_K, struct("block_iq3_xxs", [("d", half), ("qs", u8 * (3 * QK_K // 8))])),
    "IQ4_XS": (QK_K, struct("block_iq4_xs", [("d", half), ("scales_h", u16), ("scales_l", u8 * (QK_K // 64)),
                                             ("qs", u8 * (QK_K // 2))])),
}


def field_bytes(block: type[ctypes.Structure], names) -> int:
    return sum(ctypes.sizeof(kind) for name, kind in block._fields_ if name in names)


@pytest.fixture(scope="module")
def k_quants(tmp_path_factory) -> dict:
    return snippet_globals("quantization-formats/kquant_scales.py", tmp_path_factory.mktemp("kq"))["K_QUANTS"]


def test_the_ctypes_structs_have_the_sizes_of_their_static_asserts():
    """ggml-common.h's static_assert for each struct, as written there: no padding anywhere."""
    expected = {"Q8_0": 2 + 32, "Q4_0": 2 + 32 // 2, "Q4_1": 2 * 2 + 32 // 2, "Q5_0": 2 + 4 + 32 // 2,
                "MXFP4": 1 + 32 // 2, "Q2_K": 2 * 2 + QK_K // 16 + QK_K // 4, "Q3_K": 2 + QK_K // 4 + QK_K // 8 + 12,
                "Q4_K": 2 * 2 + 12 + QK_K // 2, "Q5_K": 2 * 2 + 12 + QK_K // 2 + QK_K // 8,
                "Q6_K": 2 + QK_K // 16 + 3 * QK_K // 4,
                "IQ1_S": 2 + QK_K // 8 + QK_K // 16, "IQ1_M": QK_K // 8 + QK_K // 16 + QK_K // 32,
                "IQ2_XXS": 2 + QK_K // 8 * 2, "IQ2_XS": 2 + QK_K // 8 * 2 + QK_K // 32, "IQ3_XXS": 2 + 3 * (QK_K // 8),
                "IQ4_XS": 2 + 2 + QK_K // 64 + QK_K // 2}
    assert {name: ctypes.sizeof(block) for name, (_, block) in STRUCTS.items()} == expected


def test_kquant_scales_snippet_fills_each_struct_exactly(k_quants):
    assert set(k_quants) == {name for name in STRUCTS if name.endswith("_K")}
    for name, (code, subs, scale, minimum, fp16) in k_quants.items():
        weights, block = STRUCTS[name]
        assert weights == QK_K and QK_K % subs == 0, name
        bits = QK_K * code + subs * (scale + minimum) + 16 * len(fp16)
        assert bits == 8 * ctypes.sizeof(block), f"{name}: {bits} bits, struct has {8 * ctypes.sizeof(block)}"
        # the sub-block scales and minimums are exactly the struct's `scales` array
        assert subs * (scale + minimum) == 8 * field_bytes(block, {"scales"}), name
        # the fp16 super-block values are the struct's ggml_half fields, by name
        assert tuple(n for n, kind in block._fields_ if kind is half) == tuple(fp16), name
        # and the rest is codes
        codes = {n for n, _ in block._fields_} - {"scales", *fp16}
        assert 8 * field_bytes(block, codes) == QK_K * code, name


def test_gguf_bits_table_gives_each_struct_size():
    source = (ROOT / "snippets" / "quantization-formats" / "gguf_bits.py").read_text(encoding="utf-8")
    table = next(ast.literal_eval(node.value) for node in ast.walk(ast.parse(source))
                 if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "GGUF_BLOCKS")
    assert set(table) == set(STRUCTS)
    for name, (weights, fields) in table.items():
        assert (weights, sum(fields.values())) == (STRUCTS[name][0], ctypes.sizeof(STRUCTS[name][1])), name


def page_text() -> str:
    text = PAGE.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return re.sub(r"\s+", " ", text)


TYPES = r"Q\d_K(?:(?:, | and )Q\d_K)*"


def types_in(phrase: str) -> list[str]:
    return re.findall(r"Q\d_K", phrase)


def test_page_states_each_kquant_s_scale_and_minimum_bits(k_quants):
    """'Q2_K splits its super-block into 16 sub-blocks of 16 weights, each with a 4-bit scale and a 4-bit
    minimum; Q3_K into 16 of 16, each with a 6-bit scale; ...': every K-quant once, as the structs have it."""
    clause = re.compile(rf"({TYPES})(?: splits its super-block)? into (\d+) (?:sub-blocks )?of (\d+)(?: weights)?,"
                        r" each with an? (\d+)-bit scale(?: and an? (\d+)-bit minimum)?")
    stated = {}
    for m in clause.finditer(page_text()):
        for name in types_in(m.group(1)):
            assert name not in stated, f"{name} is described twice"
            stated[name] = (int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5) or 0))
    expected = {name: (subs, QK_K // subs, scale, minimum)
                for name, (_, subs, scale, minimum, _) in k_quants.items()}
    assert stated == expected


def test_page_states_each_kquant_s_fp16_super_block_values(k_quants):
    """'Q2_K, Q4_K and Q5_K store two fp16 numbers per super-block ...; Q3_K and Q6_K store one'."""
    stated = {}
    for m in re.finditer(rf"({TYPES}) stores? (one|two)\b", page_text()):
        for name in types_in(m.group(1)):
            assert name not in stated, f"{name} is described twice"
            stated[name] = {"one": 1, "two": 2}[m.group(2)]
    assert stated == {name: len(layout[4]) for name, layout in k_quants.items()}


def test_page_intuition_summarises_the_kquants_as_the_data_does(k_quants):
    m = re.search(r"sub-blocks of ([\d, or]+?), each sub-block's scale is stored in ([\d, or]+?) bits, and "
                  r"(one or two|one|two) fp16 numbers per super-block", page_text())
    assert m, "the Intuition's sentence on the K-quants is gone or reworded; update this test with it"

    def numbers(phrase):
        return {int(n) for n in re.findall(r"\d+", phrase)}

    assert numbers(m.group(1)) == {QK_K // subs for _, subs, *_ in k_quants.values()}
    assert numbers(m.group(2)) == {scale for _, _, scale, *_ in k_quants.values()}
    words = {"one": 1, "two": 2}
    assert {words[w] for w in re.findall(r"one|two", m.group(3))} == {len(v[4]) for v in k_quants.values()}


def test_page_gives_nf4_absmax_the_width_the_calculator_counts():
    """Without double quantization NF4's absmax is fp32 (bitsandbytes allocates it as torch.float32); the
    calculator's nf4 format counts 32 bits per block of 64, and the page's Scales bullet must say the same."""
    nf4 = FORMATS["nf4"]
    absmax_bits = eval(nf4["bits"]) - 4 * eval(nf4["block"])  # noqa: S307 (the tool's own arithmetic)
    m = re.search(r"(\d+) bits \(NF4's fp(\d+) absmax\)", page_text())
    assert m and int(m.group(1)) == int(m.group(2)) == absmax_bits == 32


def test_calculator_names_every_mix_that_raises_attn_output_for_8_experts():
    """The description of the GGUF mixes lists the mixes whose rules give an 8-expert model's attn_output Q5_K."""
    text = re.sub(r"\s+", " ", CALCULATOR.read_text(encoding="utf-8"))
    m = re.search(r"Q5_K `attn_output` in ((?:`\w+`(?:, | and )?)+)", text)
    assert m, "the calculator page no longer describes the 8-expert attn_output rule"
    stated = set(re.findall(r"`(\w+)`", m.group(1)))
    raised = {name for name, mix in GGUF_MIXES.items()
              if any(rule == [E8, "Q5_K"] for rule in mix["rules"].get("attn_output", []))}
    assert raised and stated == raised
