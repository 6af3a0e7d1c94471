"""The project's tools: the snippet runner (snippets.py), the notebooks (notebooks.py), the published URLs
(urls.py), the PDF (pdf.py), real allocations for the memory oracles (memory_allocations.py), and how Chromium is
started (chromium.py). Each is a program run from the repository root, ``python tools/<name>.py`` (or ``python
-m tools.<name>`` for one that imports a sibling), and a module that the tests import by name, ``from tools
import snippets``.
"""
