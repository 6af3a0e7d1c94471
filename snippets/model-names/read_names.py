"""What a model's name says, part by part.

The parser splits a name at its hyphens and reads each part by one rule: a size (7B,
270m), experts times a size (8x7B), an active size (A3B), a number of experts (16E), a
context length (4k), a tuning (Instruct, it, Chat, Base), a weight format (bf16, FP8,
AWQ, Q4_K_M). Where a name gives a number of experts (17B-16E), its plain size is the
active count, not the total. Parts that no rule reads (the family, a version) are left
out.
"""

import re

NUM = r"(\d+(?:\.\d+)?)"
RULES = [  # (pattern for one part of the name, what it says), the first match wins
    (rf"(\d+)x{NUM}b", "{0} experts of about {1}B each, sharing attention"),
    (rf"a{NUM}b", "{0}B active per token"),
    (rf"{NUM}b", "{0}B parameters"),
    (rf"{NUM}m", "{0}M parameters"),
    (r"(\d+)e", "{0} routed experts"),
    (r"(\d+)k", "a context of {0}K tokens, not a size"),
    (r"\d{4}|v\d+(\.\d+)*", "a version or a date, not a size"),
    (r"instruct|it|chat", "tuned to follow instructions: same count"),
    (r"base|pt", "pre-trained only: same count"),
    (r"distill", "trained on a larger model's outputs: the count is its own"),
    (r"bf16|fp16", "weights in 16 bits, 2 bytes each"),
    (r"fp8", "weights in 8 bits, 1 byte each (plus scales)"),
    (r"awq|gptq|int4", "weights in 4 bits with scales per group"),
    (r"q\d_k(_[sml])?|q\d_\d|iq\d\w*", "a GGUF type: about that many bits, mixed"),
    (r"gguf", "a llama.cpp file"),
]


def read(name):
    name = name.split("/")[-1].removesuffix(".gguf")
    said = {}
    for part in name.split("-"):
        for pattern, meaning in RULES:
            m = re.fullmatch(pattern, part, re.IGNORECASE)
            if m:
                said[part] = meaning.format(*m.groups())
                break
    if any(m.endswith("routed experts") for m in said.values()):  # 17B-16E
        for part, meaning in said.items():
            if meaning.endswith("B parameters"):
                said[part] = meaning.replace("parameters", "active per token")
    return said


for name in ["mistralai/Mixtral-8x7B-v0.1", "Qwen/Qwen3-30B-A3B-Instruct-2507-FP8",
             "meta-llama/Llama-4-Scout-17B-16E-Instruct",
             "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "google/gemma-2-2b-it",
             "microsoft/Phi-3-mini-4k-instruct", "Qwen/Qwen2.5-7B-Instruct-AWQ",
             "Meta-Llama-3-8B-Instruct-Q4_K_M.gguf"]:
    print(name)
    for part, meaning in read(name).items():
        print(f"  {part:8} {meaning}")

