"""Every people-facing word, one module a locale: the reasons (by code), the advice, the look-alike
kinds, what forwarding codes forward, and the words and labels of answers and of the command line.

``en`` is the reference; every other locale module has the same keys (tests/test_messages.py
checks it). The tables here map each key to its text in every shipped locale, and :func:`pick`
takes a locale with fallback (``zh-HK`` → ``zh-Hant``, ``pt-BR`` → ``pt``, anything unknown → ``en``).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Mapping
from typing import Any

from ..model import locale_chain

__all__ = [
    "ADVICE",
    "FORWARDED",
    "LOCALES",
    "LOOKALIKE_KINDS",
    "REASONS",
    "VARIANTS",
    "WORDS",
    "pick",
    "render",
]

#: The locales the library speaks, and the module of each.
LOCALES: Mapping[str, str] = {
    "en": "en",
    "zh-Hans": "zh_hans",
    "zh-Hant": "zh_hant",
    "es": "es",
    "pt": "pt",
    "id": "id",
    "ja": "ja",
    "ko": "ko",
    "vi": "vi",
    "th": "th",
    "hi": "hi",
}

_TABLES = ("REASONS", "VARIANTS", "FORWARDED", "LOOKALIKE_KINDS", "WORDS", "ADVICE")


def _assemble() -> dict[str, dict[Any, dict[str, str]]]:
    tables: dict[str, dict[Any, dict[str, str]]] = {name: {} for name in _TABLES}
    for locale, module in LOCALES.items():
        mod = importlib.import_module(f"{__name__}.{module}")
        for name in _TABLES:
            for key, text in getattr(mod, name).items():
                tables[name].setdefault(key, {})[locale] = text
    return tables


# The tables are assembled from the eleven locale modules on first use, not on import: a check
# needs words only when it is explained (first official check: about 4 ms sooner).
REASONS: Mapping[str, Mapping[str, str]]
#: Other words for a code, chosen by the parameter its reason carries (``AMBIGUOUS`` about regions
#: rather than providers).
VARIANTS: Mapping[tuple[str, str], Mapping[str, str]]
#: What a call-forwarding code forwards (see ``phone.dialcodes.FORWARDING_KINDS``).
FORWARDED: Mapping[str, Mapping[str, str]]
LOOKALIKE_KINDS: Mapping[str, Mapping[str, str]]
WORDS: Mapping[str, Mapping[str, str]]
ADVICE: Mapping[str, Mapping[str, str]]
_LOCK = threading.Lock()


def __getattr__(name: str) -> Any:
    if name not in _TABLES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _LOCK:
        if name not in globals():
            globals().update(_assemble())
    return globals()[name]


def pick(table: Mapping[str, str], locale: str | None) -> str:
    """The text of ``table`` in ``locale``, or in the nearest locale it has (English last)."""
    for loc in locale_chain(locale):
        if loc in table:
            return table[loc]
    return table["en"]


class _Safe(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(template: str, **fields: object) -> str:
    """``template`` with its ``{fields}`` filled (a missing field shows as ``?``)."""
    return template.format_map(_Safe(fields))
