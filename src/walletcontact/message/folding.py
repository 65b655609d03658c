"""A text folded for matching (width, compatibility forms and, optionally, case), with a map
from every folded character back to the original string, so that spans found in the folded text
are spans of the original."""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["Folded", "fold_text"]


class Folded:
    """``text``: the folded text; ``origin[i]``: the index in the original of folded character i."""

    __slots__ = ("origin", "size", "text")

    def __init__(self, text: str, origin: list[int], size: int) -> None:
        self.text = text
        self.origin = origin
        self.size = size

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span [start, end)."""
        if start >= len(self.origin):
            return self.size, self.size
        return self.origin[start], (self.origin[end - 1] + 1) if end > start else self.origin[start]


@functools.lru_cache(maxsize=65536)
def _one(c: str, casefold: bool) -> str:
    f = unicodedata.normalize("NFKC", c)
    return f.casefold() if casefold else f


def fold_text(text: str, *, casefold: bool) -> Folded:
    """``text`` in NFKC (full-width digits and letters as ASCII, ``＋`` as ``+``), case-folded when
    asked. When every character folds to exactly one character (nearly always), the whole string
    is folded at once and the map is the identity.

    >>> f = fold_text("Call ９５１８８", casefold=True)
    >>> f.text, f.span(5, 10)
    ('call 95188', (5, 10))
    """
    size = len(text)
    if text.isascii():
        return Folded(text.lower() if casefold else text, list(range(size)), size)
    if all(len(_one(c, casefold)) == 1 for c in set(text) if not c.isascii()):
        whole = unicodedata.normalize("NFKC", text)
        if casefold:
            whole = whole.casefold()
        if len(whole) == size:  # nothing composed either: one character for one
            return Folded(whole, list(range(size)), size)
    out: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        f = (c.lower() if casefold else c) if c.isascii() else _one(c, casefold)
        out.append(f)
        origin.extend([i] * len(f))
    return Folded("".join(out), origin, size)
