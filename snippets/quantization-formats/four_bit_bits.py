"""Real bits per weight of NF4, with and without double quantization, and of int4."""

# 4-bit codes plus their scales, in bits per weight
nf4 = 4 + 32 / 64  # QLoRA's NF4: one fp32 absmax per block of 64
nf4_dq = (
    4 + 8 / 64 + 32 / (64 * 256)
)  # double quantization: 8-bit absmax, fp32 per 256 of them
group128 = 4 + (16 + 4) / 128  # GPTQ/AWQ-style: fp16 scale and 4-bit zero-point per 128
nvfp4 = 4 + 8 / 16 + 32 / 4096**2  # E4M3 scale per 16, fp32 per 4096 x 4096 tensor
print(f"NF4, fp32 absmax per 64:        {nf4:.5f}")
print(f"NF4 with double quantization:   {nf4_dq:.5f}")
print(f"int4, fp16 scale + 4-bit zero per 128: {group128:.5f}")
print(f"NVFP4, fp8 scale per 16, fp32 per tensor: {nvfp4:.5f}")
