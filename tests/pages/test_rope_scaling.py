"""The rope-scaling page against transformers: the wavelengths that the snippet prints for position interpolation
and YaRN, and YaRN's attention factor, are those of the frequencies transformers computes for the same config
(ROPE_INIT_FUNCTIONS, rope_type "linear" and "yarn")."""

from __future__ import annotations

import math
import re

import pytest

from tests.support import ROOT

OUT = (ROOT / "snippets" / "rope-scaling" / "angles_numpy.out").read_text(encoding="utf-8")


def transformers_frequencies(rope_type: str):
    import transformers
    from transformers.modeling_rope_utils import ROPE_INIT_FUNCTIONS

    extra = {"original_max_position_embeddings": 32768} if rope_type == "yarn" else {}
    config = transformers.Qwen3Config(head_dim=128, max_position_embeddings=131072,
                                      rope_parameters={"rope_type": rope_type, "factor": 4.0,
                                                       "rope_theta": 1e6, **extra})
    return ROPE_INIT_FUNCTIONS[rope_type](config, "cpu")


@pytest.mark.parametrize(("label", "rope_type"), [("interpolation", "linear"), ("YaRN", "yarn")])
def test_wavelengths_are_those_of_transformers(label, rope_type):
    pairs = [int(p) for p in re.search(r"pairs \[([\d, ]+)\]", OUT).group(1).split(",")]
    row = re.search(rf"^  {re.escape(label)}\s+([\d, ]+)$", OUT, re.M)
    assert row, label
    printed = [int(w.replace(",", "")) for w in row.group(1).split()]
    inv_freq, _ = transformers_frequencies(rope_type)
    assert printed == [round(2 * math.pi / float(inv_freq[p])) for p in pairs]


def test_yarn_attention_factor_is_that_of_transformers():
    printed = float(re.search(r"attention factor: .* = ([\d.]+)$", OUT, re.M).group(1))
    _, factor = transformers_frequencies("yarn")
    assert printed == round(factor, 4)
