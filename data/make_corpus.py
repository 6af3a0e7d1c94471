"""Write the two small training corpora in this folder: corpus.txt and corpus_balanced.txt.

Both are made of short template sentences about animals, food, occupations and people. In corpus.txt each
occupation word appears with "he" or "she" at a rate this script sets on purpose (GENDER_SKEW below), so
that the fairness-bias page can measure an association that we know is in the data. corpus_balanced.txt is
the same text with every occupation sentence drawn at an even rate. The skew is an experimental control: it
describes this script, not the world.

    python data/make_corpus.py      (rewrites both files; the output is the same on every run)
"""

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
N_SENTENCES = 3000

ANIMALS = ["cat", "dog", "horse", "cow", "sheep", "goat"]
FOODS = ["bread", "cheese", "apple", "soup", "rice", "cake"]
# Probability that a sentence about this occupation uses the male words (he, his) rather than the female ones.
GENDER_SKEW = {
    "engineer": 0.85, "pilot": 0.85, "carpenter": 0.85, "mechanic": 0.85,
    "nurse": 0.15, "librarian": 0.15, "dancer": 0.15, "receptionist": 0.15,
    "teacher": 0.5, "doctor": 0.5, "writer": 0.5, "lawyer": 0.5,
}
MALE = {"he": "he", "his": "his", "man": "man", "parent": "father"}
FEMALE = {"he": "she", "his": "her", "man": "woman", "parent": "mother"}

ANIMAL_TEMPLATES = [
    "the {animal} sleeps in the barn",
    "the {animal} eats grass in the field",
    "a young {animal} runs across the field",
    "the farmer feeds the {animal} every morning",
]
FOOD_TEMPLATES = [
    "we eat {food} for dinner",
    "the {food} is fresh and tasty",
    "they buy {food} at the market",
    "a plate of {food} is on the table",
]
OCCUPATION_TEMPLATES = [
    "{he} works as a {job} in the city",
    "the {job} said that {he} was busy",
    "{he} finished {his} shift as a {job}",
    "the {job} took {his} lunch at noon",
]
# One sentence pattern per word, so that words of a group are alike but not interchangeable.
OWN_CONTEXT = {
    "cat": "chases a mouse on the sofa", "dog": "barks at the door and sleeps on the sofa",
    "horse": "pulls the cart to the village", "cow": "gives milk in the barn",
    "sheep": "grows thick wool on the hill", "goat": "climbs the rocks on the hill",
    "bread": "is baked in the oven", "cake": "is baked in the oven with sugar",
    "cheese": "is made from milk", "apple": "grows on a tree in the orchard",
    "soup": "is hot in the bowl", "rice": "is boiled in a pot of water",
    "engineer": "designs a bridge", "mechanic": "repairs the engine of a car",
    "pilot": "flies the plane to the airport", "carpenter": "builds a table from wood",
    "nurse": "cares for patients at the hospital", "doctor": "treats patients at the hospital",
    "librarian": "sorts the books in the library", "writer": "writes books at night",
    "dancer": "performs on the stage", "receptionist": "answers the phone at the front desk",
    "teacher": "teaches the children at school", "lawyer": "argues the case in court",
}
PEOPLE_TEMPLATES = [
    "the {man} walked home with {his} {parent}",
    "{he} told {his} {parent} a story",
    "the {man} said that {he} was tired",
]


def sentences(balanced: bool, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(N_SENTENCES):
        kind = rng.choice(["animal", "food", "job", "job", "people", "own"])
        if kind == "own":
            word = rng.choice(sorted(OWN_CONTEXT))
            out.append(f"the {word} {OWN_CONTEXT[word]}")
        elif kind == "animal":
            out.append(rng.choice(ANIMAL_TEMPLATES).format(animal=rng.choice(ANIMALS)))
        elif kind == "food":
            out.append(rng.choice(FOOD_TEMPLATES).format(food=rng.choice(FOODS)))
        elif kind == "job":
            job = rng.choice(sorted(GENDER_SKEW))
            p_male = 0.5 if balanced else GENDER_SKEW[job]
            words = MALE if rng.random() < p_male else FEMALE
            out.append(rng.choice(OCCUPATION_TEMPLATES).format(job=job, **words))
        else:
            words = MALE if rng.random() < 0.5 else FEMALE
            out.append(rng.choice(PEOPLE_TEMPLATES).format(**words))
    return out


def main() -> None:
    for name, balanced in [("corpus.txt", False), ("corpus_balanced.txt", True)]:
        (HERE / name).write_text("\n".join(sentences(balanced)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
