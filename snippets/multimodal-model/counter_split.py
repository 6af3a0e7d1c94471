"""Gemma 3 4B as its checkpoint holds it, counted by the parameter counter
(count_params) from its published config.json: the language model its text_config
describes, and beside it the SigLIP vision tower its vision_config describes and the
projector between them."""

from count_params import count_parameters, load_config

result = count_parameters(load_config("gemma-3-4b-it"))
parts = {"language model": result["language_model"], **result["towers"]}
print("google/gemma-3-4b-it, by part:")
for name, n in parts.items():
    print(f"  {name.replace('_', ' '):15} {n:13,}  {n / result['total']:6.2%}")
print(f"  {'total':15} {result['total']:13,}")
print(f"language model without its embeddings: {result['non_embedding']:,}")
