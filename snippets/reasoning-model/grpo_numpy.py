"""Group relative policy optimization (GRPO) on a toy policy that only chooses how long
to think: 0, 512, 2048 or 8192 tokens. Longer thinking answers correctly more often
(an assumption of the toy), and the reward is 1 for a correct answer, 0 otherwise: it
never mentions length.

Each step samples a group of 8 answers to one question, scores each answer against the
group (its reward minus the group's mean, over the group's standard deviation: no value
model), and raises the log-probability of the answers that beat their group."""

import numpy as np

rng = np.random.default_rng(0)
LENGTHS = np.array([0, 512, 2048, 8192])  # thinking tokens: the policy's 4 choices
P_CORRECT = np.array([0.2, 0.45, 0.7, 0.85])  # chance of a right answer after each
GROUP, STEPS, LR = 8, 60, 0.5
logits = np.zeros(4)  # the policy's parameters: all lengths equally likely at first
print(f"thinking lengths {LENGTHS.tolist()} tokens, right with probability"
      f" {P_CORRECT.tolist()}")

silent = 0
for step in range(STEPS + 1):
    policy = np.exp(logits - logits.max())
    policy /= policy.sum()
    if step % 15 == 0:
        print(f"step {step:2}: P(length) = {np.round(policy, 2)},"
              f" expected thinking {policy @ LENGTHS:5,.0f} tokens,"
              f" accuracy {policy @ P_CORRECT:.0%}")
    choices = rng.choice(4, size=GROUP, p=policy)  # a group of sampled answers
    rewards = (rng.random(GROUP) < P_CORRECT[choices]).astype(float)  # verifiable
    if rewards.std() == 0:  # all right or all wrong: no answer beats its group
        silent += 1
        continue
    advantages = (rewards - rewards.mean()) / rewards.std()
    grad = np.zeros(4)
    for a, adv in zip(choices, advantages, strict=True):  # d log softmax / d logits
        grad += adv * (np.eye(4)[a] - policy)
    logits += LR * grad / GROUP
print(f"groups with no signal (all rewards equal): {silent} of {STEPS + 1}")
