"""Measure dense, COO and CSR bytes of a float32 matrix across sparsities, find where
sparse starts to pay, plot it."""

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch

warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta state")
rng = np.random.default_rng(0)
rows, cols = 256, 256
sparsities = np.linspace(0, 1, 41)
measured = {
    "dense": [],
    "COO (int64 indices)": [],
    "CSR (int64 indices)": [],
    "CSR (int32 indices)": [],
}
for sparsity in sparsities:
    w = torch.from_numpy(rng.normal(size=(rows, cols)).astype(np.float32))
    w[torch.from_numpy(rng.random((rows, cols)) < sparsity)] = 0.0
    coo, csr = w.to_sparse(), w.to_sparse_csr()
    csr32 = torch.sparse_csr_tensor(  # torch also accepts int32 indices for CSR
        csr.crow_indices().int(),
        csr.col_indices().int(),
        csr.values(),
        size=csr.shape,
        check_invariants=True,
    )
    measured["dense"].append(w.nbytes)
    measured["COO (int64 indices)"].append(coo.indices().nbytes + coo.values().nbytes)
    measured["CSR (int64 indices)"].append(
        sum(t.nbytes for t in (csr.crow_indices(), csr.col_indices(), csr.values()))
    )
    measured["CSR (int32 indices)"].append(
        sum(
            t.nbytes
            for t in (csr32.crow_indices(), csr32.col_indices(), csr32.values())
        )
    )

dense_bytes = rows * cols * 4
print(f"dense float32 {rows}x{cols}: {dense_bytes} bytes at every sparsity")
break_even = {}
for name, sizes in measured.items():
    if name == "dense":
        continue
    # bytes at sparsity 1 (no nonzeros): CSR's row offsets, nothing for COO
    fixed = sizes[-1]
    # bytes that each stored nonzero adds
    per_nonzero = (sizes[0] - fixed) / (rows * cols)
    break_even[name] = 1 - (dense_bytes - fixed) / (per_nonzero * rows * cols)
    print(
        f"{name:20}: {per_nonzero:.0f} B per nonzero + {fixed} B; smaller than "
        f"dense above sparsity {break_even[name]:.3f}"
    )

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
fig, ax = plt.subplots(figsize=(6, 3.5))
for (name, sizes), style in zip(measured.items(), ["-", "--", "-.", ":"], strict=True):
    ax.plot(sparsities, np.array(sizes) / 1024, style, label=name, linewidth=2)
for x in break_even.values():
    ax.plot([x], [dense_bytes / 1024], "ko", markersize=4)
ax.set_xlabel("sparsity (fraction of entries that are zero)")
ax.set_ylabel("storage (KiB)")
ax.set_title(f"float32 {rows}x{cols} matrix: measured bytes")
ax.set_ylim(0, 1.6 * dense_bytes / 1024)
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig("break_even.svg", metadata={"Date": None})
