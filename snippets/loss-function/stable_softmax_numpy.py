"""Why cross-entropy is computed from logits with a shift: the naive softmax
overflows."""

import numpy as np

logits = np.array([1000.0, 0.0, -5.0])
for target in [0, 1]:
    # exp(1000) is inf in float64; inf / inf is nan, log(0) is -inf
    with np.errstate(all="ignore"):
        naive = -np.log(np.exp(logits[target]) / np.exp(logits).sum())
    # subtracting the largest logit changes no probability
    shifted = logits - logits.max()
    stable = np.log(np.exp(shifted).sum()) - shifted[target]
    print(
        f"right token {target}: naive -log(softmax) {naive}, stable {stable + 0.0:.4f}"
    )
