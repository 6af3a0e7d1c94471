"""The mixed-precision page: what CPU autocast keeps in float32 and what it computes in bfloat16."""

from __future__ import annotations

import torch


def test_cpu_autocast_keeps_fp32_parameters_and_computes_linear_in_bf16():
    model = torch.nn.Linear(8, 4)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        out = model(torch.randn(2, 8))
    assert out.dtype == torch.bfloat16
    assert model.weight.dtype == torch.float32
