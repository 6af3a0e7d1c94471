"""Write a state dict as safetensors by hand, read the header back, count every byte."""

import json
import struct
import tempfile
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(64, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Linear(128, 10)
)

state = model.state_dict()  # parameters and buffers, by name; no code, no optimizer
n_params = sum(p.numel() for p in model.parameters())
n_buffers = sum(b.numel() for b in model.buffers())
print(
    f"state dict: {len(state)} tensors, "
    f"{n_params:,} parameters + {n_buffers} buffer values"
)
for name, t in state.items():
    print(f"  {name:28} {str(t.dtype):14} {list(t.shape)}")

DTYPES = {torch.float32: "F32", torch.bfloat16: "BF16", torch.int64: "I64"}


def save_safetensors(tensors, path):
    """8-byte little-endian header length, a JSON header, then each tensor's bytes."""
    header, chunks, offset = {}, [], 0
    for name, t in tensors.items():
        raw = (
            t.contiguous().reshape(-1).view(torch.uint8).numpy().tobytes()
        )  # little-endian
        header[name] = {
            "dtype": DTYPES[t.dtype],
            "shape": list(t.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (
        -len(text) % 8
    )  # pad with spaces so that the data starts 8-byte aligned
    path.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def read_header(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        return n, json.loads(f.read(n))




BYTES = {"F32": 4, "BF16": 2, "I64": 8}
with tempfile.TemporaryDirectory() as tmp:
    for label, tensors in [
        ("fp32", state),
        (
            "bf16",
            {k: v.bfloat16() if v.is_floating_point() else v for k, v in state.items()},
        ),
    ]:
        path = Path(tmp) / f"model-{label}.safetensors"
        save_safetensors(tensors, path)
        n, header = read_header(path)
        data = sum(
            BYTES[h["dtype"]] * torch.Size(h["shape"]).numel() for h in header.values()
        )
        print(
            f"{label}: file {path.stat().st_size:,} B = "
            f"8 + header {n} + data {data:,}:",
            path.stat().st_size == 8 + n + data,
        )

    # read one tensor back from its offsets, with no pickle and no code from the file
    first = next(iter(header))
    with open(path, "rb") as f:
        f.seek(8 + n + header[first]["data_offsets"][0])
        raw = f.read(
            BYTES[header[first]["dtype"]] * torch.Size(header[first]["shape"]).numel()
        )
    back = torch.frombuffer(bytearray(raw), dtype=torch.bfloat16).reshape(
        header[first]["shape"]
    )
    print(
        f"{first} read back equals the bf16 tensor:",
        torch.equal(back, state[first].bfloat16()),
    )
