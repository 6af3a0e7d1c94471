"""The glossary engine: front matter validation, generated pages, hover definitions and the term inventory."""

from __future__ import annotations

import json
import posixpath
import re
import textwrap
from html import unescape
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from sitelib import glossary, link_names
from tests.support import ROOT, load_inventory, mkdocs_build

TERMS = glossary.load_terms(ROOT / "docs")


def write_term(docs: Path, slug: str, front: str, body: str = "## Definition\n\nText.\n") -> None:
    (docs / "terms").mkdir(parents=True, exist_ok=True)
    (docs / "terms" / f"{slug}.md").write_text(f"---\n{textwrap.dedent(front).strip()}\n---\n\n{body}")


GOOD = {
    "alpha": "title: Alpha\nsummary: The first term.\naliases: [first]\ntags: [demo]\nsee_also: [beta]",
    "beta": "title: Beta\nsummary: The second term.\naliases: [second]\nsee_also: [alpha]",
}


@pytest.fixture
def docs(tmp_path):
    for slug, front in GOOD.items():
        write_term(tmp_path, slug, front)
    return tmp_path


def test_valid_front_matter_loads(docs):
    terms = glossary.load_terms(docs)
    assert terms["alpha"].see_also == ["beta"] and terms["beta"].aliases == ["second"]


@pytest.mark.parametrize(
    "slug, front, field",
    [
        ("gamma", "summary: No title here.", "title"),
        ("gamma", "title: Gamma", "summary"),
        ("gamma", "title: Gamma\nsummary: '   '", "summary"),
        ("gamma", "title: Gamma\nsummary: Dangling.\nsee_also: [delta]", "see_also"),
        ("gamma", "title: Gamma\nsummary: Same alias.\naliases: [FIRST]", "aliases"),
        ("gamma", "title: ALPHA\nsummary: Same title as another term.", "title"),
        ("gamma", "title: Gamma\nsummary: Alias equals a slug.\naliases: [Beta]", "aliases"),
        ("gamma", "title: Gamma\nsummary: Bad list.\ntags: compression", "tags"),
        ("gamma", "title: Gamma\nsummary: Typo in a field.\nsee-also: [alpha]", "see-also"),
        ("gamma", "title: Gamma\nsummary: Plural of a stranger.\nplurals: {Delta: deltas}", "plurals"),
        ("gamma", "title: Gamma\nsummary: Empty plural.\nplurals: {Gamma: ''}", "plurals"),
        ("gamma", "title: Gamma\nsummary: Not a mapping.\nplurals: [gammas]", "plurals"),
    ],
)
def test_bad_front_matter_names_page_and_field(docs, slug, front, field):
    write_term(docs, slug, front)
    with pytest.raises(PluginError) as err:
        glossary.load_terms(docs)
    message = str(err.value)
    assert f"docs/terms/{slug}.md" in message and f"'{field}'" in message, message


@pytest.mark.slow
def test_bad_front_matter_stops_the_real_build(project_copy, tmp_path):
    page = project_copy / "docs" / "terms" / "hyperparameter.md"
    page.write_text(page.read_text().replace("see_also: [parameter]", "see_also: [parameter, no-such-term]"))
    proc = mkdocs_build(project_copy, tmp_path / "site")
    assert proc.returncode != 0
    assert "docs/terms/hyperparameter.md" in proc.stderr and "'see_also'" in proc.stderr and "no-such-term" in proc.stderr


# ---------------------------------------------------------------- what the built site shows


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_glossary_page_lists_every_term_and_alias_in_order(built_site):
    html = read(built_site, "glossary")
    article = html[html.index("<article"): html.index("</article>")]
    names = [unescape(re.sub(r"<[^>]+>", "", n)) for n in re.findall(r"<li>(.*?)(?::|→)", article, re.DOTALL)]
    expected = sorted([t.title for t in TERMS.values()] + [a for t in TERMS.values() for a in t.aliases],
                      key=glossary.sort_key)
    assert [n.strip() for n in names] == expected
    for term in TERMS.values():
        assert f'href="../terms/{term.slug}/"' in article
    for anchor in {glossary.letter_anchor(glossary.letter_of(n)) for n in expected}:
        assert f'href="#{anchor}"' in article and f'id="{anchor}"' in article


def test_names_that_start_with_a_digit_get_their_own_section():
    assert [glossary.letter_of(n) for n in ("6ND", "adam", "*x")] == ["0–9", "A", "X"]
    assert glossary.letter_anchor("0–9") == "letter-0-9" and glossary.letter_anchor("A") == "letter-a"


def test_tag_index_lists_each_tag_with_its_terms(built_site):
    html = read(built_site, "tags")
    for term in TERMS.values():
        for tag in term.tags:
            section = html.split(f'id="{glossary.tag_anchor(tag)}"', 1)[1].split("<h2", 1)[0]
            assert f'href="../terms/{term.slug}/"' in section, f"{term.slug} missing under tag {tag}"


@pytest.mark.parametrize("slug", sorted(TERMS))
def test_term_page_is_built_from_its_front_matter(built_site, slug):
    term = TERMS[slug]
    html = read(built_site, f"terms/{slug}")
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert unescape(description) == term.summary
    assert unescape(re.search(r"<h1[^>]*>(.*?)<", html).group(1)) == term.title
    for alias in term.aliases:
        assert f"<em>{alias}</em>" in unescape(html)
    if term.see_also:
        see = html.split('id="see-also"', 1)[1].split("<h2", 1)[0]
        for other in term.see_also:
            assert f'href="../{other}/"' in see
    assert f"https://llm-parameter-glossary.github.io/terms/{slug}/" in html  # the "link to this term" box
    assert f":term:`llmglossary:{term.title.lower()}`" in html


def test_links_to_terms_carry_their_definition(built_site):
    html = read(built_site, "terms/parameter")
    html = html[html.index("<article"): html.index("</article>")]  # the page body, not the navigation
    summary = glossary.escape(TERMS["hyperparameter"].summary)
    links = re.findall(r'<a [^>]*href="\.\./hyperparameter/"[^>]*>', html)
    assert links and all(f'title="{summary}"' in a for a in links), links


# ---------------------------------------------------------------- the published inventory


def test_inventory_has_every_term_alias_and_label(built_site):
    inv = load_inventory(built_site)
    terms = inv["std:term"]
    for term in TERMS.values():
        for name in [term.title] + term.aliases:
            assert terms[name.lower()].uri == f"terms/{term.slug}/"
            shown = terms[name.lower()].display_name
            assert shown == (name if name in term.aliases else link_names.display_form(name, True)) or (
                shown == "-" and name.lower() == link_names.display_form(name, name == term.title)), (name, shown)
        for anchor, heading in term.anchors:
            label = inv["std:label"][f"{term.slug}-{anchor}"]
            assert label.uri == f"terms/{term.slug}/#{anchor}"
            assert label.display_name == heading.replace("`", "") and "`" not in label.display_name


# The forms writers type, which failed before the inventory generated them (issue 20).
WRITERS_FORMS = {"parameters": "parameter", "trainable parameters": "parameter", "hyperparameters": "hyperparameter",
                 "layers": "layer", "embeddings": "embedding", "gradients": "gradient", "optimizers": "optimizer",
                 "biases": "bias", "fine tuning": "fine-tuning", "weight matrices": "weight",
                 "mixtures of experts": "mixture-of-experts", "kv-cache": "kv-cache"}


def test_inventory_resolves_the_forms_writers_type(built_site):
    terms = load_inventory(built_site)["std:term"]
    assert {name: terms[name].uri for name in WRITERS_FORMS} == {n: f"terms/{s}/" for n, s in WRITERS_FORMS.items()}


@pytest.mark.parametrize("name, shown", [("weight", "weight"), ("kv cache", "KV cache"), ("lora", "LoRA"),
                                         ("gguf", "GGUF"), ("hardware-aware efficiency", "hardware-aware efficiency"),
                                         ("l1 and l2 regularization", "L1 and L2 regularization"),
                                         ("fine tuning", "fine-tuning"), ("kv-cache", "KV cache")])
def test_inventory_display_names_read_well_mid_sentence(built_site, name, shown):
    item = load_inventory(built_site)["std:term"][name]
    assert (name if item.display_name == "-" else item.display_name) == shown


def test_no_name_is_both_a_term_and_a_label(built_site):
    """mkdocs-autorefs keeps one map of ids: a name listed twice would link nowhere in a strict build."""
    inv = load_inventory(built_site)
    assert not set(inv["std:term"]) & set(inv["std:label"])


@pytest.mark.parametrize("name, many", [("parameter", "parameters"), ("bias", "biases"), ("loss", "losses"),
                                        ("vocabulary", "vocabularies"), ("weight matrix", "weight matrices"),
                                        ("KV cache", "KV caches"), ("fine-tuning", "fine-tunings"), ("weights", None),
                                        ("tokens per step", None), ("mixture of experts", None), ("LoRA", None),
                                        ("training data", None), ("sparsity", None)])
def test_plural_rule(name, many):
    assert link_names.plural(name) == many


def test_front_matter_plurals_override_the_rule_and_generated_clashes_are_dropped(docs):
    write_term(docs, "gamma", "title: Gamma ray\nsummary: A third.\naliases: [g ray]\nplurals: {Gamma ray: gamma rays!}")
    write_term(docs, "delta", "title: Delta\nsummary: A fourth.\naliases: [g-rays]\nplurals: {Delta: null}")
    names = link_names.link_names(glossary.load_terms(docs))
    assert names["gamma rays!"].slug == "gamma" and "gamma rays" not in names  # the override replaces the rule
    assert "deltas" not in names and names["alphas"].slug == "alpha"
    assert names["g-rays"].slug == "delta" and "g rays" not in names  # written by one, generated by both
    assert names["gamma-ray"].display == "gamma ray" and names["g-ray"].written is False


def test_terms_json_follows_its_published_schema(built_site):
    import jsonschema

    schema = json.loads((built_site / "terms.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    data = json.loads((built_site / "terms.json").read_text(encoding="utf-8"))
    assert not [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert set(schema["$defs"]["term"]["properties"]) == set(data["terms"][0])
    # The schema can fail: a term without its url does not pass.
    del data["terms"][0]["url"]
    assert not validator.is_valid(data)


def test_every_inventory_entry_resolves_in_the_built_site(built_site):
    inv = load_inventory(built_site)
    for role, entries in inv.items():
        for name, item in entries.items():
            url, _, anchor = item.uri.partition("#")
            page = built_site / url / "index.html"
            assert page.is_file(), f"{role} {name}: {item.uri} has no page"
            if anchor:
                assert f'id="{anchor}"' in page.read_text(encoding="utf-8"), f"{role} {name}: no #{anchor}"


def test_terms_json_mirrors_front_matter(built_site):
    data = json.loads((built_site / "terms.json").read_text())["terms"]
    assert [d["slug"] for d in data] == sorted(TERMS)
    for d in data:
        t = TERMS[d["slug"]]
        assert (d["title"], d["summary"], d["aliases"], d["tags"]) == (t.title, t.summary, t.aliases, t.tags)
        assert d["anchors"] == [a for a, _ in t.anchors] and d["see_also"] == t.see_also
        assert {t.title.lower(), *(a.lower() for a in t.aliases)} <= set(d["names"])
        assert d["url"] == f"https://llm-parameter-glossary.github.io/terms/{t.slug}/"


def test_footer_previous_and_next_follow_the_sidebar(built_site):
    """The hook reorders the sidebar (home, glossary, tags, ...); the footer's links must walk the same order."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    # every page link of the sidebar, in order (the table of contents links only to "#" anchors)
    sidebar = [posixpath.normpath(h) for h in re.findall(r'<a href="([^"#][^"]*)" class="md-nav__link', home)]
    walked, page = [], "."
    while True:
        walked.append(page)
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        nxt = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"', html)
        if not nxt:
            break
        page = posixpath.normpath(posixpath.join(page, nxt.group(1)))
    assert walked == list(dict.fromkeys(sidebar)), f"footer order {walked[:6]} ... differs from the sidebar"
