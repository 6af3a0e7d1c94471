"""The PEFT page's summary of its table holds for the numbers the snippet printed: the bound it gives for every
method, the method it names as training the most, with its share, and the bound for the rest."""

from __future__ import annotations

import re

from tests.support import ROOT

PAGE = " ".join((ROOT / "docs" / "terms" / "peft.md").read_text(encoding="utf-8").split())
GOLDEN = (ROOT / "snippets" / "peft" / "trainable_counts_torch.out").read_text(encoding="utf-8")
CLAIM = re.compile(r"Every method here trains under (?P<bound>[\d.]+)% of the model, the (?P<most>[\w-]+) the most "
                   r"\((?P<share>[\d.]+)%\) and all the others under (?P<rest>[\d.]+)%; prompt tuning trains "
                   r"(?P<prompt>[\d,]+) numbers")


def printed_rows() -> dict[str, tuple[int, float]]:
    """Method -> (trainable count, percent of the model), as the snippet printed them."""
    rows = re.findall(r"^(.+?)\s{2,}([\d,]+)\s+([\d.]+)%$", GOLDEN, re.M)
    return {name: (int(count.replace(",", "")), float(pct)) for name, count, pct in rows}


def test_the_summary_sentence_matches_the_printed_table():
    claim = CLAIM.search(PAGE)
    assert claim, "the sentence that sums up the table changed: update this test with it"
    methods = {name: row for name, row in printed_rows().items() if name != "full fine-tuning"}
    assert len(methods) == 6
    shares = {name: pct for name, (_, pct) in methods.items()}
    assert max(shares.values()) < float(claim["bound"])
    most = max(shares, key=shares.get)
    assert most.startswith(claim["most"]) and shares[most] == float(claim["share"])
    assert all(pct < float(claim["rest"]) for name, pct in shares.items() if name != most)
    prompt = next(count for name, (count, _) in methods.items() if name.startswith("prompt tuning"))
    assert prompt == int(claim["prompt"].replace(",", ""))
