"""Dial codes: what a code with ``*`` or ``#`` does when dialled. No phonenumbers here.

A dial code is never a number to call. The dangerous ones forward calls: a scammer who gets a
victim to dial ``**21*<number>#`` receives every call meant for the victim from then on, the
bank's and the wallet's verification calls and one-time codes included.

>>> forwarding("**21*13800138000#")
('all', '13800138000')
>>> forwarding("*401*9876543210"), forwarding("*334#")
(('all', '9876543210'), None)
"""

from __future__ import annotations

import re

__all__ = ["FORWARDING_KINDS", "forwarding"]

#: What each forwarding code sends to the number it names.
FORWARDING_KINDS = ("all", "conditional", "no-answer", "unreachable", "busy")

#: GSM/3GPP TS 22.030 call-forwarding procedures: ``**``/``*`` + service code + ``*`` + number,
#: maybe a further ``*`` field (basic service, no-reply time), ending in ``#``.
_GSM_KINDS = {"21": "all", "002": "all", "004": "conditional", "61": "no-answer", "62": "unreachable", "67": "busy"}
_GSM = re.compile(r"^(?:\*\*|\*)(21|002|004|61|62|67)\*(\+?\d{3,})(?:\*\d*)*#?$")
#: Carrier codes that forward calls with the number written after them: India's ``*401*`` (all
#: calls), and North American ``*72`` (all calls; ``*72`` then the number).
_CARRIER = (
    (re.compile(r"^\*401\*(\+?\d{3,})#?$"), "all"),
    (re.compile(r"^\*72(\+?\d{7,})#?$"), "all"),
)


def forwarding(code: str) -> tuple[str, str] | None:
    """(what it forwards, the number the calls would go to) when ``code`` (digits, ``*``, ``#``,
    maybe ``+``, no separators) is a call-forwarding code; None otherwise."""
    m = _GSM.match(code)
    if m is not None:
        return _GSM_KINDS[m.group(1)], m.group(2)
    for rx, kind in _CARRIER:
        m = rx.match(code)
        if m is not None:
            return kind, m.group(1)
    return None
