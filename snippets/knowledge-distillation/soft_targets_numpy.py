"""Temperature softens a teacher's probabilities, so a student also learns which wrong
answers are 'almost right'."""

import numpy as np

# a teacher's scores for 5 classes; class 0 is its answer
logits = np.array([6.0, 3.5, 3.0, -1.0, -2.0])

for T in [1.0, 2.0, 4.0]:
    z = logits / T
    p = np.exp(z - z.max())
    p /= p.sum()
    entropy = -(p * np.log(p)).sum()
    print(
        f"T={T}: probabilities {' '.join(f'{v:.3f}' for v in p)}  entropy "
        f"{entropy:.3f} nats"
    )
