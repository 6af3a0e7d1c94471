"""Single numbers in an embedding mean nothing alone: rotate the whole table and every
similarity is the same."""

import numpy as np

rng = np.random.default_rng(0)
E = rng.normal(size=(6, 4))  # 6 tokens, width 4
Q, _ = np.linalg.qr(rng.normal(size=(4, 4)))  # a random rotation (orthogonal matrix)
E_rotated = E @ Q  # every number in the table changes ...


def cosines(table: np.ndarray) -> np.ndarray:
    unit = table / np.linalg.norm(table, axis=1, keepdims=True)
    return unit @ unit.T


print(
    "entry [0, 0] before and after:",
    round(float(E[0, 0]), 3),
    round(float(E_rotated[0, 0]), 3),
)
print(
    "... but all cosine similarities agree:",
    np.allclose(cosines(E), cosines(E_rotated)),
)
