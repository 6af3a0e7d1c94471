"""The navigation in the reader's order: home, A-Z, tags, misconceptions, calculator, notebooks, then the terms."""

# The reader's order for the top of the navigation; anything not listed keeps its place after these.
NAV_ORDER = ["index.md", "glossary.md", "tags.md", "misconceptions.md", "calculator.md", "models.md", "Notebooks", "Terms"]


def on_nav(nav, config, files, **kwargs):
    def key(item):
        name = item.file.src_uri if getattr(item, "file", None) else item.title
        return NAV_ORDER.index(name) if name in NAV_ORDER else len(NAV_ORDER)

    nav.items.sort(key=key)
    # MkDocs linked each page to its previous and next before this hook ran; link them in the new order, so
    # that the footer's "Previous" and "Next" follow the sidebar.
    pages = []

    def collect(items):
        for item in items:
            if item.is_page:
                pages.append(item)
            elif item.children:
                collect(item.children)

    collect(nav.items)
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    return nav
