"""The notebook comparison reads what was printed, not how the kernel happened to split it into messages."""

from __future__ import annotations

import copy

import nbformat

from tools import notebooks as nbtools

NOTEBOOK = nbtools.all_notebooks()[1]


def first_multiline_stream(nb):
    """The first cell whose first output is a stream of two or more lines."""
    return next(c for c in nb.cells if c.cell_type == "code" and c.outputs and c.outputs[0].output_type == "stream"
                and len(c.outputs[0].text.splitlines()) >= 2)


def test_a_stream_split_into_two_messages_prints_the_same():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = first_multiline_stream(nb)
    first, rest = cell.outputs[0].text.split("\n", 1)
    cell.outputs[0:1] = [nbformat.from_dict({**cell.outputs[0], "text": first + "\n"}),
                         nbformat.from_dict({**cell.outputs[0], "text": rest})]
    assert nbtools.differences(NOTEBOOK, nb) == ""


def test_a_changed_line_in_a_split_stream_is_still_reported():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = first_multiline_stream(nb)
    first, rest = cell.outputs[0].text.split("\n", 1)
    cell.outputs[0:1] = [nbformat.from_dict({**cell.outputs[0], "text": first + " (changed)\n"}),
                         nbformat.from_dict({**cell.outputs[0], "text": rest})]
    diff = nbtools.differences(NOTEBOOK, nb)
    assert f"\n-{first}\n" in diff and f"\n+{first} (changed)\n" in diff


def test_streams_of_different_names_or_apart_are_not_merged():
    """stdout then stderr stay two outputs, and so do two stdout outputs with a figure between them."""
    out = lambda name, text: nbformat.from_dict({"output_type": "stream", "name": name, "text": text})  # noqa: E731
    figure = nbformat.from_dict({"output_type": "display_data", "data": {"image/png": ""}, "metadata": {}})
    outputs = [out("stdout", "a\n"), out("stdout", "b\n"), out("stderr", "c\n"), figure, out("stdout", "d\n")]
    merged = nbtools.coalesced(copy.deepcopy(outputs))
    assert [(o.output_type, o.get("name"), o.get("text")) for o in merged] == [
        ("stream", "stdout", "a\nb\n"), ("stream", "stderr", "c\n"), ("display_data", None, None),
        ("stream", "stdout", "d\n")]
