"""BERT-base as it was pre-trained: the encoder with its pooler, plus two heads.

The heads mirror Hugging Face's BertForPreTraining: the masked-language-model head (a
dense layer, a LayerNorm, and a decoder whose weight is the token embedding matrix,
tied, with a bias of its own) and the next-sentence head (a 2-way classifier on the
pooled output).
"""

import torch
from count_params import count_parameters, load_config
from torch import nn

# --8<-- [start:heads]
config = load_config("bert-base-uncased")  # a config that comes with the counter
d, vocab = config["hidden_size"], config["vocab_size"]
encoder = count_parameters(config)["total"]  # BertModel: embeddings, 12 layers, pooler

with torch.device("meta"):  # shapes only, no memory
    token_embeddings = nn.Embedding(vocab, d)  # counted in the encoder already
    heads = nn.ModuleDict({
        "mlm_transform": nn.Sequential(nn.Linear(d, d), nn.LayerNorm(d)),
        "mlm_decoder": nn.Linear(d, vocab),
        "next_sentence": nn.Linear(d, 2),
    })
heads["mlm_decoder"].weight = token_embeddings.weight  # tied: no new parameters

# Count each tensor once, as model.parameters() does: the tied decoder weight is the
# embedding table, already in the encoder's count.
shared = {id(p) for p in token_embeddings.parameters()}
own = {
    name: sum(p.numel() for p in head.parameters() if id(p) not in shared)
    for name, head in heads.items()
}
for name, count in own.items():
    print(f"{name:14} {count:>11,}")
print(f"{'encoder+pooler':14} {encoder:>11,}  ({encoder / 1e6:.1f}M)")
total = encoder + sum(own.values())
print(f"{'pre-training':14} {total:>11,}  ({total / 1e6:.1f}M)")
# --8<-- [end:heads]
