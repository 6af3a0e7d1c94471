"""The table that `count-params` prints with no argument: every bundled config."""

import count_params

count_params.main([])
