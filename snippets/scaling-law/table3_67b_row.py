"""Hoffmann et al. (2022), Table 3, lists 5.76e23 FLOPs for its 67B, 1.5T-token row.

Is that 6 N D with N and D rounded for print? No: even the smallest N and D that still
print as 67B and 1.5T give more, and the tokens that 5.76e23 implies at 67B would print
as 1.4T.
"""

LISTED_FLOPS = 5.76e23  # Table 3, 67B row
N, D = 67e9, 1.5e12  # as printed in the table

print(f"6 N D at 67B and 1.5T tokens:   {6 * N * D:.3g} FLOPs")
change = LISTED_FLOPS / (6 * N * D) - 1
print(f"listed in the table:            {LISTED_FLOPS:.3g} FLOPs ({change:+.1%})")

# The smallest values that a table rounding to 67B and 1.5T could be hiding.
n_low, d_low = 66.5e9, 1.45e12
flops_low = 6 * n_low * d_low
print(f"6 N D at 66.5B and 1.45T:       {flops_low:.5g} FLOPs, still above the listed:"
      f" {flops_low > LISTED_FLOPS}")

# The tokens that would make the row 6 N D at 67B parameters.
d_implied = LISTED_FLOPS / (6 * N)
print(f"tokens for 5.76e23 at 67B:      {d_implied / 1e12:.3f}T,"
      f" which prints as {d_implied / 1e12:.1f}T")
print(f"tokens per parameter as listed: {D / N:.1f}")
