"""Build each weight format's stored tensors in torch and measure their bytes.

One linear weight (256 outputs x 1024 inputs) is stored as int8 with a scale per row,
fp8 e4m3 with one scale, GPTQ and AWQ int4 (group size 128, codes packed 8 per int32),
NF4 with and without double quantization, and MXFP4. Bits per weight are counted from
the `nbytes` of what would be saved; the error is that of the decoded weight."""

import torch

torch.manual_seed(0)
OUT, IN, GROUP = 256, 1024, 128
w = torch.randn(OUT, IN) * 0.02
n = w.numel()


def pack_int32(codes):  # eight 4-bit codes per int32, along the last dimension
    codes = codes.to(torch.int32).reshape(*codes.shape[:-1], -1, 8)
    shifts = torch.arange(0, 32, 4, dtype=torch.int32)
    return (codes << shifts).sum(-1, dtype=torch.int32)  # disjoint bits: sum = or


def unpack_int32(packed):
    shifts = torch.arange(0, 32, 4, dtype=torch.int32)
    return ((packed.unsqueeze(-1) >> shifts) & 15).flatten(-2)


def pack_bytes(codes):  # two 4-bit codes per uint8
    codes = codes.to(torch.uint8).reshape(-1, 2)
    return codes[:, 0] | (codes[:, 1] << 4)


def report(name, stored, decoded):
    bits = 8 * sum(t.nbytes for t in stored.values()) / n
    err = ((decoded - w).norm() / w.norm()).item()
    parts = ", ".join(f"{k} {t.dtype}".replace("torch.", "") for k, t in stored.items())
    print(f"{name:16} {bits:7.4f}  {err:6.3f}  {parts}")


print(f"weight {OUT} x {IN}, groups of {GROUP}")
print(f"{'format':16} {'bits/w':>7}  {'error':>6}  stored tensors")
report("bf16", {"weight": w.bfloat16()}, w.bfloat16().float())

# int8, symmetric, one fp32 scale per output row (per-channel)
scale = w.abs().amax(1, keepdim=True) / 127
q = torch.round(w / scale).to(torch.int8)
report("int8 per-row", {"weight": q, "scale": scale}, q.float() * scale)

# fp8 e4m3: a float per weight, one fp32 scale so that the largest lands on 448
scale = w.abs().max() / torch.finfo(torch.float8_e4m3fn).max
q = (w / scale).to(torch.float8_e4m3fn)
report("fp8 e4m3", {"weight": q, "weight_scale": scale}, q.float() * scale)

# 4-bit groups along the input: asymmetric codes 0..15, an fp16 scale and a zero
g = w.reshape(OUT, IN // GROUP, GROUP)
lo, hi = g.amin(-1), g.amax(-1)
scales = ((hi - lo) / 15).half()
zeros = torch.round(-lo / scales.float()).clamp(0, 15)
codes = (torch.round(g / scales.float()[..., None]) + zeros[..., None]).clamp(0, 15)
decoded = ((codes - zeros[..., None]) * scales.float()[..., None]).reshape(OUT, IN)
codes = codes.reshape(OUT, IN).to(torch.int32)
# --8<-- [start:gptq-awq]
# GPTQ (AutoGPTQ layout): qweight [IN/8, OUT], qzeros [IN/128, OUT/8], scales
# [IN/128, OUT] and g_idx, the group of each input channel
gptq = {
    "qweight": pack_int32(codes).T.contiguous(),
    "qzeros": pack_int32(zeros.T.contiguous().to(torch.int32)),
    "scales": scales.T.contiguous(),
    "g_idx": torch.arange(IN, dtype=torch.int32) // GROUP,
}
assert torch.equal(unpack_int32(gptq["qweight"].T), codes)  # packing loses nothing
report("GPTQ int4 g128", gptq, decoded)
# AWQ (AutoAWQ GEMM layout): codes packed along the outputs, qweight [IN, OUT/8]
awq = {
    "qweight": pack_int32(codes.T.contiguous()),
    "qzeros": gptq["qzeros"],
    "scales": gptq["scales"],
}
report("AWQ int4 g128", awq, decoded)
# --8<-- [end:gptq-awq]

# NF4: 16 normal-quantile levels, one absmax per 64 weights (QLoRA, Appendix E)
NF4 = torch.tensor([-1.0, -0.6962, -0.5251, -0.3949, -0.2844, -0.1848, -0.0911, 0.0,
                    0.0796, 0.1609, 0.2461, 0.3379, 0.4407, 0.5626, 0.7230, 1.0])
blocks = w.reshape(-1, 64)
absmax = blocks.abs().amax(1)
idx = ((blocks / absmax[:, None]).unsqueeze(-1) - NF4).abs().argmin(-1)
decoded = (NF4[idx] * absmax[:, None]).reshape(OUT, IN)
report("NF4", {"codes": pack_bytes(idx), "absmax": absmax}, decoded)

# double quantization: the absmaxes, less their mean, in 8 bits with one fp32
# scale per 256 of them (bitsandbytes uses its own 8-bit code; the bytes are these)
offset = absmax.mean()
a = (absmax - offset).reshape(-1, 256)
a_scale = a.abs().amax(1, keepdim=True) / 127
a_q = torch.round(a / a_scale).to(torch.int8)
absmax_dq = (a_q.float() * a_scale).flatten() + offset
decoded = (NF4[idx] * absmax_dq[:, None]).reshape(OUT, IN)
stored = {"codes": pack_bytes(idx), "absmax": a_q, "absmax_scale": a_scale,
          "offset": offset}
report("NF4, double q.", stored, decoded)

# MXFP4: E2M1 values, 32 per block with one shared power-of-two scale (E8M0)
E2M1 = torch.tensor([0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0])
blocks = w.reshape(-1, 32)
exp = torch.floor(torch.log2(blocks.abs().amax(1))) - 2  # 2 = E2M1's largest exponent
x = blocks / torch.exp2(exp)[:, None]
mag = (x.abs().unsqueeze(-1) - E2M1).abs().argmin(-1)
code = mag + 8 * (x < 0)  # sign bit above the three magnitude bits
decoded = (E2M1[mag] * x.sign() * torch.exp2(exp)[:, None]).reshape(OUT, IN)
stored = {"codes": pack_bytes(code), "scales": (exp + 127).to(torch.uint8)}
report("MXFP4", stored, decoded)
