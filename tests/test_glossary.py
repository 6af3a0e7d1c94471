"""The glossary engine: front matter validation, generated pages, hover definitions and the term inventory."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
import textwrap
from html import unescape
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT, mkdocs_build

sys.path.insert(0, str(ROOT))
from hooks import glossary  # noqa: E402

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


def load_inventory(site: Path) -> dict:
    from sphinx.util.inventory import InventoryFile

    with open(site / "objects.inv", "rb") as f:
        return InventoryFile.load(f, "", posixpath.join)


def test_inventory_has_every_term_alias_and_label(built_site):
    inv = load_inventory(built_site)
    terms = inv["std:term"]
    for term in TERMS.values():
        for name in [term.title] + term.aliases:
            assert terms[name.lower()].uri == f"terms/{term.slug}/"
            assert terms[name.lower()].display_name in {name, "-"}
        for anchor, _ in term.anchors:
            assert inv["std:label"][f"{term.slug}-{anchor}"].uri == f"terms/{term.slug}/#{anchor}"


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
        assert d["url"] == f"https://llm-parameter-glossary.github.io/terms/{t.slug}/"


@pytest.mark.slow
def test_sphinx_resolves_a_term_through_intersphinx(built_site, tmp_path):
    """A tiny Sphinx project links to our terms by name, reading the built objects.inv."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx.ext.intersphinx']\n"
        f"intersphinx_mapping = {{'llmglossary': ('https://llm-parameter-glossary.github.io/', "
        f"{str(built_site / 'objects.inv')!r})}}\n"
        "intersphinx_disabled_reftypes = []\n"
    )
    (src / "index.rst").write_text(
        "Demo\n====\n\nSee :term:`llmglossary:parameter` and :term:`llmglossary:hyperparameter`, "
        "also by alias: :term:`llmglossary:trainable parameter`.\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q", str(src), str(tmp_path / "out")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "out" / "index.html").read_text()
    hrefs = re.findall(r'href="(https://llm-parameter-glossary[^"]+)"', html)
    assert hrefs == [
        "https://llm-parameter-glossary.github.io/terms/parameter/",
        "https://llm-parameter-glossary.github.io/terms/hyperparameter/",
        "https://llm-parameter-glossary.github.io/terms/parameter/",
    ]


def test_term_pages_show_the_versions_their_snippets_are_verified_with(built_site):
    pins = dict(re.findall(r"^(torch|numpy)==(\S+)", (ROOT / "requirements" / "test.txt").read_text(), re.MULTILINE))
    assert set(pins) == {"torch", "numpy"}
    for slug in TERMS:
        html = read(built_site, f"terms/{slug}")
        assert f"torch {pins['torch']} and numpy {pins['numpy']}" in html, slug


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
