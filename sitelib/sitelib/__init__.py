"""The libraries that the build hooks (hooks/) and the tests share, imported by name: ``sitelib.glossary`` (the
terms, read from front matter), ``sitelib.link_names`` (the names a term is linked by), ``sitelib.pins`` (the
pinned versions that pages name) and ``sitelib.snippet_data`` (the data files that snippets read).

MkDocs loads each hook by its path, so a hook cannot import a sibling as part of a package; and a module in
hooks/ that other hooks import by bare name is a second copy when the tests import it as ``hooks.<name>``. This
package is installed (``-e ./sitelib`` in requirements/docs.txt, as the counter is), so the hooks, the tools and
the tests import the one copy by name. Importing it imports nothing but the standard library, MkDocs and Markdown.
"""
