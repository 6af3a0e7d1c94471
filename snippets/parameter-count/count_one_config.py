"""What `count-params llama-2-7b` prints: one bundled config's count, by component."""

import count_params

count_params.main(["llama-2-7b"])
