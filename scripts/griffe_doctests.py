"""Griffe extension for the documentation build: show doctest examples as code.

The library's docstrings carry runnable examples (``>>>`` lines) in their main text, not in an
``Examples:`` section. Markdown would read them as nested block quotes and their ``[...]`` output as
reference links, which breaks ``mkdocs build --strict``. This extension wraps each run of doctest
lines in a fenced ``pycon`` block before the docstring is parsed. It changes only what the
documentation shows: the source files and the doctests that pytest runs are untouched.

Used from ``mkdocs.yml`` (``plugins > mkdocstrings > handlers > python > options > extensions``).
"""

from __future__ import annotations

import ast
from typing import Any

from griffe import Extension, Object, ObjectNode


def fence_doctests(text: str) -> str:
    """Wrap every run of lines that starts with ``>>>`` (up to the next blank line) in a
    ```` ```pycon ```` fence; fences already in the text are left alone."""
    out: list[str] = []
    in_fence = False  # inside a fence written by the author
    in_example = False  # inside a fence we opened
    indent = ""
    for line in text.split("\n"):
        stripped = line.lstrip()
        if in_example:
            if stripped:
                out.append(line)
                continue
            out.append(f"{indent}```")
            in_example = False
        if stripped.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            in_example = True
        out.append(line)
    if in_example:
        out.append(f"{indent}```")
    return "\n".join(out)


class FenceDoctests(Extension):
    """Fence doctest examples in every docstring Griffe loads."""

    def on_instance(
        self,
        *,
        node: ast.AST | ObjectNode,
        obj: Object,
        agent: Any,
        **kwargs: Any,
    ) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
