"""The site builds with --strict, and each kind of broken input stops the build with a message naming the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import MOVED_PAGES, ROOT, build_problems, mkdocs_build, read_page

PAGE = "docs/terms/parameter.md"
# The page MkDocs reads first (the home page: files come in folder order, index.md first): an error that stops the
# build at once stops it there, before any other page is read or rendered.
FIRST_PAGE = "docs/index.md"


def test_site_builds(built_site):
    for path in ["index.html", "404.html", "glossary/index.html", "terms/parameter/index.html", "objects.inv"]:
        assert (built_site / path).is_file(), f"the built site lacks {path}"


def test_no_page_loads_a_resource_from_another_host(built_site):
    """Static check of the built HTML (the browser tests also watch real requests)."""
    offenders = []
    for page in built_site.rglob("*.html"):
        for tag, a in read_page(page).tags:
            url = a.get("src") or a.get("href") or ""
            if tag in ("script", "link", "img", "iframe", "source") and re.match(r"(?:https?:)?//", url) \
                    and a.get("rel") != "canonical":
                offenders.append(f"{page.relative_to(built_site)}: <{tag}> {url}")
    assert not offenders, "resources loaded from another host:\n" + "\n".join(offenders[:20])


def inject(project, relpath: str, text: str):
    page = project / relpath
    page.write_text(page.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


# Our own code's errors (hooks/includes.py, hooks/math.py, on any page) each stop a build at once, so each needs its
# own build; injected in the first page read, each stops it early.
@pytest.mark.slow
@pytest.mark.parametrize(
    "injected, expected",
    [
        pytest.param(
            '```python title="snippets/parameter/missing.py"\n--8<-- "snippets/parameter/missing.py"\n```',
            ["docs/index.md", "snippets/parameter/missing.py", "does not exist"],
            id="missing-include",
        ),
        pytest.param(r"Broken math: \(\frac{1}{\)", ["index.md: cannot render math"], id="bad-math"),
    ],
)
def test_bad_input_stops_the_build(project_copy, tmp_path, injected, expected):
    inject(project_copy, FIRST_PAGE, injected)
    proc = mkdocs_build(project_copy, tmp_path / "site")
    assert proc.returncode != 0, "the build passed despite the injected error"
    for fragment in expected:
        assert fragment in proc.stderr, f"the build error does not mention {fragment!r}:\n{proc.stderr[-3000:]}"


@pytest.mark.slow
def test_our_validation_settings_stop_the_build_on_bad_links(offline_additions_build):
    """MkDocs checks links, but by default only mentions a broken anchor or an absolute link; mkdocs.yml's
    `validation:` and `strict:` make each stop the build. All three (BAD_LINKS) in one build: strict mode reports
    every one, at the end of the build, so that build (tests/conftest.py) also serves two other tests."""
    _, proc = offline_additions_build
    assert proc.returncode != 0 and "warnings in strict mode!" in proc.stdout, "the build passed despite the bad links"
    warnings = [line for line in build_problems(proc.stderr) if line.startswith("WARNING")]
    for fragment in ["no-such-term.md", "#no-such-anchor", "absolute link '/terms/hyperparameter/'"]:
        assert any("'terms/parameter.md'" in w and fragment in w for w in warnings), (
            f"no warning about {fragment!r} in terms/parameter.md:\n{proc.stderr[-3000:]}")


@pytest.mark.slow
def test_two_builds_of_the_same_tree_are_byte_identical(built_site, moved_pages_site):
    """Reproducible output: nothing in the site depends on when or where it was built (SOURCE_DATE_EPOCH fixes
    the one date MkDocs writes, the sitemap's lastmod, to the commit date in `nox -s build`). The second build is
    the redirect tests' (moved_pages_site), of a copy of the tree in another folder whose one change, the
    redirects, only adds their pages. On a fresh clone the first build highlights every code block and the second
    reads them from the .cache/highlight/ it left: the same bytes."""
    redirects = {Path(old).with_suffix("") / "index.html" for old in MOVED_PAGES}
    first = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(moved_pages_site): p.read_bytes() for p in moved_pages_site.rglob("*") if p.is_file()}
    assert second.keys() - first.keys() == redirects and first.keys() <= second.keys()
    differing = sorted(str(k) for k in first if first[k] != second[k])
    assert not differing, f"files that differ between two builds: {differing}"


def test_a_remembered_highlight_serves_exactly_its_input_and_the_store_keeps_what_was_used(tmp_path):
    """hooks/highlight_cache.py: a block read from the store is returned only for the same code, arguments and
    extension settings; anything else is highlighted afresh; a title in HTML mode (a side effect on the page) is
    never remembered; after the build the store holds the blocks that build used."""
    import json

    import markdown
    from pymdownx.highlight import Highlight

    from hooks import highlight_cache

    remembered, config = highlight_cache.REMEMBERED, {"config_file_path": str(tmp_path / "mkdocs.yml")}
    saved = dict(remembered.cache)
    store = highlight_cache._store(config)
    store.parent.mkdir(parents=True)
    md = markdown.Markdown()
    block, numbered = Highlight(md), Highlight(md, linenums=True)
    settings = {name: value for name, value in vars(block).items() if name != "md"}
    store.write_text(json.dumps({highlight_cache._key(settings, ("x = 1\n", "python"), {}): "FROM THE STORE",
                                 "unused": "FORGOTTEN"}))
    try:
        remembered.cache.clear()
        highlight_cache.on_config(config)
        assert block.highlight("x = 1\n", "python") == "FROM THE STORE"
        assert Highlight(markdown.Markdown()).highlight("x = 1\n", "python") == "FROM THE STORE", "another page"
        fresh = [block.highlight("x = 2\n", "python"), numbered.highlight("x = 1\n", "python"),
                 block.highlight("x = 1\n", "python", hl_lines=[1]), block.highlight("x = 1\n", "python3")]
        assert all("FROM THE STORE" not in html and '<span class="mi">' in html for html in fresh)
        html_title = Highlight(md, title_mode="html")
        html_title.highlight("x = 1\n", "python", title="<b>t</b>")
        highlight_cache.on_post_build(config)
        kept = json.loads(store.read_text())
        assert len(kept) == 5 and "unused" not in kept and "FROM THE STORE" in kept.values()
    finally:
        remembered.cache.clear()
        remembered.cache.update(saved)


def test_a_remembered_template_is_compiled_afresh_when_its_source_changes(tmp_path):
    """hooks/template_cache.py: a build reads a template's compiled code from .cache/templates/ only while the
    template's source is what was compiled; an edited template renders its new text."""
    import jinja2

    from hooks import template_cache

    config = {"config_file_path": str(tmp_path / "mkdocs.yml")}
    template = tmp_path / "templates" / "page.html"
    template.parent.mkdir()

    def render() -> str:  # a fresh environment, as each build makes
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(template.parent))
        return template_cache.on_env(env, config).get_template("page.html").render(x=1)

    template.write_text("first {{ x }}")
    assert render() == "first 1"
    assert list(template_cache._store(config).iterdir()), "the compiled template was not remembered"
    template.write_text("second {{ x }}")
    assert render() == "second 1"


def test_search_indexes_the_same_text_from_the_shortened_page(built_site):
    """hooks/search_text.py hands Material's search parser a page without code's highlighting spans and MathML's
    tags: the parser must find the same sections, titles and text as in the whole page. The transformer page
    has all that the shortening touches: highlighted code, MathML, and a formula with a no-break space alone
    between two symbols (which the parser reads as a collapsible space)."""
    from material.plugins.search.plugin import Parser

    from hooks.search_text import text_for_search

    html = (built_site / "terms" / "transformer" / "index.html").read_text(encoding="utf-8")
    assert '<span class="' in html and "<mtext>&#x000A0;</mtext>" in html, "the page no longer has what is tested"

    def sections(page: str) -> list[tuple]:
        parser = Parser()
        parser.feed(page)
        parser.close()
        return [(s.el.tag, s.id, "".join(s.title), "".join(s.text)) for s in parser.data]

    shortened = text_for_search(html)
    assert len(shortened) < len(html)
    assert sections(shortened) == sections(html)


@pytest.mark.parametrize(
    ("tex", "expected", "absent"),
    [
        (r"\ln p", '<mi>ln</mi><mspace width="0.1667em"></mspace><mi>p</mi>', None),  # not "lnp"
        (r"[\min x, \max x]", "<mi>min</mi>", "<mo>min</mo>"),  # a name, not a widely spaced operator
        (r"q_{\max}", "<mi>max</mi>", "<mo>max</mo>"),
        (r"\log(p)", "<mi>log</mi><mo", "<mspace"),  # no space before a bracket
        (r"\hat{x}", "<mo>&#x002C6;</mo>", "&#x0005E;"),  # the circumflex accent, not a raised ASCII caret
    ],
)
def test_math_sets_function_names_as_tex_does(tex, expected, absent):
    from hooks import math as math_hook

    mathml = math_hook.to_mathml(tex, "inline")
    assert expected in mathml, mathml
    assert absent is None or absent not in mathml, mathml


def test_compact_html_drops_indentation_but_keeps_code_blocks():
    from hooks.compact_html import compact

    html = "<div>\n    <p>a\n\n      b</p>\n<pre><code>x\n    y\n\n</code></pre>\n  <script>\n  s\n</script>\n  </div>"
    assert compact(html) == "<div>\n<p>a\nb</p>\n<pre><code>x\n    y\n\n</code></pre>\n<script>\n  s\n</script>\n</div>"


def test_linked_programs_are_published_as_they_are(built_site):
    """A page may link a whole snippet file instead of inlining it; the site serves that file byte for byte."""
    linked = set()
    for page in (built_site / "terms").rglob("index.html"):
        for tag, a in read_page(page).tags:
            href = a.get("href") or ""
            if tag == "a" and href.endswith(".py") and "/snippets/" in "/" + href:
                linked.add((page.parent / href).resolve().relative_to(built_site.resolve()).as_posix())
    assert "snippets/parameter-count/rule_of_thumb.py" in linked, linked
    for rel in sorted(linked):
        assert (built_site / rel).read_bytes() == (ROOT / rel).read_bytes(), rel


def test_data_files_are_published_and_offered_where_their_snippets_are(built_site):
    """Each data file a snippet names ('# data:') is served byte for byte at /data/<name>, and every page that
    includes such a snippet has a download link to each of its files."""
    from sitelib.snippet_data import data_by_snippet

    from hooks.includes import included_paths

    found = data_by_snippet(ROOT)
    assert {"snippets/embedding/train_embeddings_torch.py", "snippets/fairness-bias/association_test_torch.py"} \
        <= found.keys(), f"the snippets that read the corpora do not name it: {sorted(found)}"
    for sources in found.values():
        for name, source in sources.items():
            assert (built_site / "data" / name).read_bytes() == source.read_bytes(), f"/data/{name}"
    missing = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        readers = set(included_paths(md.read_text(encoding="utf-8"))) & found.keys()
        if not readers:
            continue
        html = built_site / md.relative_to(ROOT / "docs").with_suffix("") / "index.html"
        offered = {(html.parent / a["href"]).resolve() for tag, a in read_page(html).tags
                   if tag == "a" and "download" in a and a.get("href")}
        for snippet in sorted(readers):
            missing += [f"{md.relative_to(ROOT)}: {snippet} reads {name}" for name in found[snippet]
                        if (built_site / "data" / name).resolve() not in offered]
    assert not missing, "pages that include a snippet without a download link to its data:\n" + "\n".join(missing)


def test_the_data_line_goes_after_the_snippets_first_block_at_its_indentation():
    from sitelib.snippet_data import with_data_links

    page = ('=== "numpy"\n\n    ```python title="a"\n    --8<-- "snippets/s/a.py:part"\n    ```\n\n'
            '    ```text title="Output"\n    --8<-- "snippets/s/a.out"\n    ```\n\n'
            '```python\n--8<-- "snippets/s/a.py"\n```\n')
    out = with_data_links(page, "docs/terms/s.md", {"snippets/s/a.py": ["x.txt", "y.txt"]}, lambda n: f"../data/{n}")
    lines = out.split("\n")
    (at,) = [i for i, line in enumerate(lines) if "This program reads" in line]  # once: at the first include
    assert lines[at - 2] == "    ```" and lines[at - 3].endswith('a.py:part"'), out
    assert lines[at] == ("    This program reads [`x.txt`](../data/x.txt){ download } and [`y.txt`](../data/y.txt)"
                         "{ download } from the folder it runs in: download them there.")
    assert with_data_links(page, "docs/terms/s.md", {}, str) == page, "a page without data readers is unchanged"


def test_a_data_include_outside_a_code_block_stops_the_build():
    from mkdocs.exceptions import PluginError
    from sitelib.snippet_data import with_data_links

    with pytest.raises(PluginError, match="docs/terms/s.md: 'snippets/s/a.py' reads data files"):
        with_data_links('--8<-- "snippets/s/a.py"\n', "docs/terms/s.md", {"snippets/s/a.py": ["x.txt"]}, str)


@pytest.mark.slow
def test_a_snippet_naming_a_missing_data_file_stops_the_build(project_copy, tmp_path):
    snippet = project_copy / "snippets" / "tokenizer" / "byte_pair_encoding.py"
    text = snippet.read_text(encoding="utf-8")
    assert "# data: corpus.txt\n" in text
    snippet.write_text(text.replace("# data: corpus.txt\n", "# data: corpus.txt, no_such_corpus.txt\n"))
    proc = mkdocs_build(project_copy, tmp_path / "site")
    assert proc.returncode != 0, "the build passed despite a snippet naming a data file that does not exist"
    for fragment in ["snippets/tokenizer/byte_pair_encoding.py", "'no_such_corpus.txt'", "data/no_such_corpus.txt"]:
        assert fragment in proc.stderr, f"the build error does not mention {fragment!r}:\n{proc.stderr[-3000:]}"


def test_the_architecture_page_names_every_hook_in_the_order_mkdocs_runs_them():
    """ARCHITECTURE.md lists the hooks by phase; it must name each hook of mkdocs.yml, in mkdocs.yml's order;
    hooks/ must hold nothing but those hooks; and every module of the library they share, sitelib, must be named
    there (so a new hook or library module is documented)."""
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    hooks = [path.removeprefix("hooks/") for path in config["hooks"]]
    page = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = page[page.index("## The hooks, by phase"):page.index("## Decisions")]
    bullets = "".join(re.findall(r"^- \*\*.*(?:\n  .*)*", section, re.MULTILINE))
    listed = re.findall(r"`([a-z_]+\.py)`", bullets)
    assert listed == hooks, f"ARCHITECTURE.md lists the hooks as {listed}, mkdocs.yml as {hooks}"
    not_hooks = {p.name for p in (ROOT / "hooks").glob("*.py")} - set(hooks)
    assert not not_hooks, f"hooks/ holds only the hooks mkdocs.yml lists; move shared code to sitelib/: {not_hooks}"
    named = re.findall(r"`(?:sitelib/)?([a-z_]+\.py)`", section)
    libraries = {p.name for p in (ROOT / "sitelib" / "sitelib").glob("*.py")} - {"__init__.py"}
    assert libraries and libraries <= set(named), f"sitelib modules ARCHITECTURE.md does not name: {libraries - set(named)}"
