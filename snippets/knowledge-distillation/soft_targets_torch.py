"""Temperature softens a teacher's probabilities (torch.softmax of logits / T)."""

import torch

# class 0 is the teacher's answer
logits = torch.tensor([6.0, 3.5, 3.0, -1.0, -2.0], dtype=torch.float64)

for T in [1.0, 2.0, 4.0]:
    p = torch.softmax(logits / T, dim=0)
    entropy = -(p * p.log()).sum()
    print(
        f"T={T}: probabilities {' '.join(f'{v:.3f}' for v in p.tolist())}  entropy "
        f"{entropy:.3f} nats"
    )
