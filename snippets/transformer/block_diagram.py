"""Every parameter tensor of one Llama-2-7B decoder block, drawn to scale: a matrix of
shape (rows, columns) is a rectangle rows tall and columns wide.

Shapes from meta-llama/Llama-2-7b-hf config.json: hidden_size 4096,
intermediate_size 11008, 32 heads and 32 key/value heads of width 128; no biases.
"""


import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

d, ff, kv_width = 4096, 11008, 32 * 128  # width, MLP width, key/value heads x width

# The block in the order a token's vector meets it: (part, [(tensor, shape), ...]).
block = [
    ("attention norm", [("gain", (d,))]),
    ("attention", [("Q", (d, d)), ("K", (d, kv_width)), ("V", (d, kv_width)),
                   ("O", (d, d))]),
    ("MLP norm", [("gain", (d,))]),
    ("MLP", [("gate", (d, ff)), ("up", (d, ff)), ("down", (ff, d))]),
]
sizes = {part: [r * (c[0] if c else 1) for _, (r, *c) in tensors]
         for part, tensors in block}
total = sum(sum(s) for s in sizes.values())
print(f"one block: {total:,} parameters")
for part, tensors in block:
    shapes = ", ".join(f"{name} {'x'.join(map(str, shape))}" for name, shape in tensors)
    n = sum(sizes[part])
    print(f"  {part:15} {n:>12,}  {n / total:7.3%}   {shapes}")

plt.rcParams["svg.hashsalt"] = "llm-glossary"
plt.rcParams["svg.fonttype"] = "none"  # text as text: a smaller file
plt.rcParams["font.sans-serif"] = ["DejaVu Sans", "Arial"]  # a short font list
COLORS = {"attention": "#f28e2b", "MLP": "#59a14f"}
UNIT = 1024  # drawing units: 1 = 1024 rows or columns
fig, ax = plt.subplots(figsize=(5.6, 3.5))
y = 0.0  # top of the next row; rows go down the page, as the vector flows
for part, tensors in block:
    n = sum(sizes[part])
    if part.endswith("norm"):  # a vector of d gains: a thin bar d wide
        ax.add_patch(plt.Rectangle((3, y - 0.3), d / UNIT, 0.3, color="#b07aa1"))
        ax.text(3 + d / UNIT + 0.5, y - 0.15, f"{part} gain: {n:,}", va="center",
                fontsize=8)
        ax.annotate("", (3, y - 0.15), (0, y - 0.15), arrowprops={"arrowstyle": "->"})
        y -= 1.3
        continue
    x = 3.0
    for name, (rows, cols) in tensors:
        w, h = cols / UNIT, rows / UNIT
        ax.add_patch(plt.Rectangle((x, y - h), w, h, color=COLORS[part]))
        ax.text(x + w / 2, y - h / 2, f"{name}\n{rows * cols / 1e6:.1f}M", ha="center",
                va="center", color="white", fontsize=9)
        x += w + 0.8
    height = max(rows for _, (rows, _) in tensors) / UNIT
    ax.text(x, y - 0.5, f"{part}\n{n / 1e6:.1f}M\n{n / total:.1%}", va="top",
            fontsize=9)
    out = y - height - 0.6  # the output, added back to the stream
    ax.annotate("", (0, out), (x - 0.8, out), arrowprops={"arrowstyle": "->"})
    ax.text(-0.1, out, "+", ha="right", va="center", fontsize=12)
    y = out - 0.9
ax.annotate("", (0, y + 0.6), (0, 0.8), arrowprops={"arrowstyle": "->", "lw": 1.5})
ax.text(-0.6, y / 2, "residual stream", rotation=90, ha="right", va="center")
ax.set(xlim=(-2, 34), ylim=(y + 0.3, 0.8), aspect="equal")
ax.axis("off")
ax.set_title("One Llama-2-7B block to scale: 1 unit = 1024 rows or columns",
             fontsize=10)
fig.tight_layout()
no_metadata = dict.fromkeys(["Date", "Creator", "Format", "Type"])  # stable bytes
fig.savefig("block_diagram.svg", metadata=no_metadata)
