"""A format helps only where a kernel supports it: what this CPU build of torch can and
cannot do."""

import torch

torch.manual_seed(0)


def attempt(label, call):
    try:
        result = call()
        print(f"{label:46} ok, result dtype {result.dtype}")
        return result
    except (RuntimeError, NotImplementedError) as exc:
        print(f"{label:46} {type(exc).__name__}: {str(exc).splitlines()[0]}")
        return None


# 2:4 semi-structured sparsity: the speedup lives in GPU sparse tensor cores; no CPU
# kernel here
w = torch.randn(64, 64)
w[:, 2::4] = 0
w[:, 3::4] = 0  # every group of 4 has 2 zeros: a valid 2:4 pattern
attempt(
    "2:4 sparse weight (to_sparse_semi_structured)",
    lambda: torch.sparse.to_sparse_semi_structured(w),
)

# fp8 storage works, but most CPU kernels do not accept it: it must be upcast to compute
a = torch.randn(4, 4).to(torch.float8_e4m3fn)
attempt("fp8 storage (cast)", lambda: a)
attempt("fp8 add", lambda: a + a)
attempt("fp8 sum", lambda: a.sum())
attempt(
    "fp8 upcast to bf16, then add", lambda: a.to(torch.bfloat16) + a.to(torch.bfloat16)
)

# int8 matmul: the plain kernel keeps int8 and wraps around; a real int8 kernel
# accumulates in int32
x = torch.full((64, 64), 40, dtype=torch.int8)
plain = attempt("int8 @ int8 with torch.mm", lambda: torch.mm(x, x))
wide = attempt(
    "int8 @ int8 with torch._int_mm (int32 acc.)", lambda: torch._int_mm(x, x)
)
print(
    "one entry of the product: exact",
    64 * 40 * 40,
    "| torch.mm",
    plain[0, 0].item(),
    "| _int_mm",
    wide[0, 0].item(),
)
