"""Look-alikes: how a number's digits imitate an official number's (one digit changed, added or
removed, two swapped, or padded), and the search for the official number imitated."""

from __future__ import annotations

from collections.abc import Set

from ..index import Entry, PhoneIndex
from ..model import Confidence, Provider

__all__ = ["find_lookalike", "lookalike_kind"]


def lookalike_kind(candidate: str, official: str) -> str | None:
    """How ``candidate`` digits imitate ``official`` digits, or None.

    >>> lookalike_kind("95189", "95188"), lookalike_kind("95818", "95188")
    ('digit-changed', 'digits-swapped')
    >>> lookalike_kind("951880", "95188"), lookalike_kind("9518", "95188")
    ('digit-added', 'digit-removed')
    >>> lookalike_kind("95188123", "95188"), lookalike_kind("0095188", "95188")
    ('extra-digits', 'extra-digits')
    >>> lookalike_kind("0095188123", "95188"), lookalike_kind("12345", "95188")
    (None, None)

    Extra digits count only the way scammers pad a number: two to four digits before or after an
    official number of four digits or more (one more digit is ``digit-added``).
    """
    a, b = candidate, official
    if a == b or not a or not b:
        return None
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return "digit-changed"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return "digits-swapped"
        return None
    if len(a) == len(b) + 1 and any(a[:i] + a[i + 1 :] == b for i in range(len(a))):
        return "digit-added"
    if len(a) + 1 == len(b) and any(b[:i] + b[i + 1 :] == a for i in range(len(b))):
        return "digit-removed"
    if len(b) >= 4 and 2 <= len(a) - len(b) <= MAX_PADDING and (a.startswith(b) or a.endswith(b)):
        return "extra-digits"
    return None


#: Most digits an "extra-digits" look-alike adds to an official number.
MAX_PADDING = 4

_KIND_ORDER = ("digit-changed", "digits-swapped", "digit-added", "digit-removed", "extra-digits")


def find_lookalike(
    idx: PhoneIndex,
    digits: str,
    country_code: int,
    region: str | None,
    prov: Provider | None,
    exclude: Set[str],
    *,
    padded: bool = True,
    families: tuple[str | None, ...] | None = None,
) -> tuple[Entry, str] | None:
    """The official number the national ``digits`` of a number of ``country_code`` / ``region`` most
    likely imitate: one edit away (found through the index's one-edit table, whatever the number of
    official numbers), else (when ``padded``: the number is not an ordinary valid one) an official
    number padded with a few digits. Only ``prov``'s numbers when given; ``families`` overrides the
    families compared (country codes such as ``+86``, regions for short numbers)."""
    if not digits:
        return None
    if families is None:
        families = (idx.cc_family.get(country_code), region) if country_code else (region,)
    n = len(digits)
    best: tuple[int, int, Entry, str] | None = None
    pad = padded and n >= 6
    # the near-table keys a number of n digits can share with an official number of n digits
    # (one changed, two swapped), of n - 1 (one added) and of n + 1 (one removed); the same for
    # every family, so made once (a check without a region asks dozens of families)
    same_keys: tuple[str, ...] | None = None
    shorter_keys: tuple[str, ...] | None = None
    for fam in families:
        if fam is None:
            continue
        by_len = idx.family_lengths.get(fam)
        if not by_len:
            continue
        same, shorter, longer = n in by_len, n - 1 in by_len, n + 1 in by_len
        if not (same or shorter or longer or pad):
            continue  # no official number of the family is one edit away, and none is padded
        near = idx.near.get(fam)
        if near is None:
            near = idx.near_of(fam)[1]
        found: set[int] = set()
        if same:
            if same_keys is None:
                h = n // 2
                same_keys = (f"<{n}:{digits[:h]}", f">{n}:{digits[h:]}", "~" + digits)
            for key in same_keys:
                hit = near.get(key)
                if hit is not None:
                    found.update(hit)
        if shorter:
            if shorter_keys is None:
                g = (n - 1) // 2
                shorter_keys = (f"<{n - 1}:{digits[:g]}", f">{n - 1}:{digits[n - (n - 1 - g) :]}")
            for key in shorter_keys:
                hit = near.get(key)
                if hit is not None:
                    found.update(hit)
        if longer:
            hit = near.get("-" + digits)
            if hit is not None:
                found.update(hit)
        if pad:  # an official number with a few digits before or after it
            rx = idx.contained(fam)
            if rx is not None and rx.search(digits) is not None:
                ordered = idx.ordered[fam]  # set before near (see PhoneIndex.near_of)
                found.update(
                    pos
                    for pos, e in enumerate(ordered)
                    if len(e.nsn) >= 4 and 2 <= n - len(e.nsn) <= MAX_PADDING and (digits.startswith(e.nsn) or digits.endswith(e.nsn))
                )
        if not found:
            continue
        ordered = idx.ordered[fam]
        for pos in sorted(found):
            e = ordered[pos]
            if e.key in exclude or (prov is not None and e.provider.id != prov.id):
                continue
            kind = lookalike_kind(digits, e.nsn)
            if kind is None:
                continue
            rank = (_KIND_ORDER.index(kind), int(e.channel.confidence is not Confidence.OFFICIAL))
            if best is None or rank < (best[0], best[1]):
                best = (rank[0], rank[1], e, kind)
    return None if best is None else (best[2], best[3])
