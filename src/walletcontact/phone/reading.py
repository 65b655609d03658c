"""Reading cleaned text as a number of one region: a :class:`Reading`.

The published numbers of the built-in data are read from :mod:`walletcontact.data.keys`, a
committed table that ``scripts/gen_keys.py`` regenerates: their index keys, and the readings of
their usual spellings. Those are facts about the data (``95188`` in CN is the short number
``CN:95188``), the same under every phonenumbers release the package supports; the tests check
them against the installed phonenumbers, so a release that changes its mind about a shipped
number is seen as the data event it is. Everything else is read with phonenumbers
(:mod:`walletcontact.phone.numbering`), imported on first need.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from typing import Any, NamedTuple

from ..data import keys as _known
from .text import compact

__all__ = [
    "RawReading",
    "Reading",
    "finish",
    "is_region",
    "key_for",
    "key_info",
    "read",
    "read_raw",
    "record_key",
    "service_after_area_code",
    "vanity_regions",
]


class Reading(NamedTuple):
    """A number read in one region."""

    region: str  # the region the number belongs to
    key: str | None  # index key: E.164 for full numbers, "CC:digits" for short numbers
    nsn: str  # national significant number (digits), for look-alike comparison
    country_code: int
    short: bool
    valid: bool
    emergency: bool
    error: str | None  # a Reason code when the text is not a number for this region


#: (region the number belongs to, key, nsn, country code, short, valid, emergency, error): a
#: :class:`Reading` before the registry's short codes are known
RawReading = tuple[str, "str | None", str, int, bool, bool, bool, "str | None"]

#: Regions the packaged readings cover: phonenumbers supports each of them in every release.
_KNOWN_REGIONS = frozenset(k.partition("|")[0] for k in _known.SPELLINGS)

_numbering_mod: Any = None


def _numbering() -> Any:
    """The phonenumbers-based module, imported on first need (it imports phonenumbers)."""
    global _numbering_mod
    if _numbering_mod is None:
        from . import numbering

        _numbering_mod = numbering
    return _numbering_mod


def is_region(code: str) -> bool:
    """Whether ``code`` (upper case) is a region phonenumbers knows."""
    return code in _KNOWN_REGIONS or code in _numbering().SUPPORTED_REGIONS


def supported_regions() -> frozenset[str]:
    """Every region phonenumbers knows."""
    regions: frozenset[str] = _numbering().SUPPORTED_REGIONS
    return regions


def vanity_regions() -> frozenset[str]:
    """Regions whose dial pads people spell with letters (1-800-MY-APPLE)."""
    regions: frozenset[str] = _numbering().VANITY_REGIONS
    return regions


def read_raw(text: str, region: str, compacted: str | bool | None = False) -> RawReading:
    """The registry-independent reading of cleaned ``text`` in ``region`` (``compacted``: its
    :func:`~walletcontact.phone.text.compact` form, when the caller has it)."""
    k = compact(text) if compacted is False or compacted is True else compacted
    if k is not None:
        hit = _SPELLINGS.get(region + "|" + k)
        if hit is not None:
            return hit
    numbering = _numbering_mod if _numbering_mod is not None else _numbering()
    result: RawReading = numbering.read_raw(text, region, k)
    return result


_SPELLINGS = _known.SPELLINGS


#: Regions whose numbering plan lets a service number be dialled after an area code (data:
#: ``data/numbering.json``, with its sources).
AREA_CODE_SERVICE: frozenset[str] = _known.AREA_CODE_SERVICE


def finish(raw: RawReading, short_keys: Container[str]) -> Reading:
    """Complete a reading with what the registry knows: a carrier short code phonenumbers does not
    know is read as that short number (the area-code rule is :func:`service_after_area_code`)."""
    if raw[5] or raw[7] is None or not raw[3] or raw[7] == "NOT_A_NUMBER":
        return _as_reading(Reading, raw)  # nothing to complete (most readings): a C call
    home, nsn, cc = raw[0], raw[2], raw[3]
    if f"{home}:{nsn}" in short_keys:  # a carrier short code phonenumbers does not know
        return Reading(home, f"{home}:{nsn}", nsn, cc, True, True, False, None)
    return _as_reading(Reading, raw)


#: region → its trunk prefix (AREA_CODE_SERVICE regions only: a handful)
_trunk: dict[str, str] = {}


def service_after_area_code(
    r: Reading, digits: str, short_keys: Container[str], short_lengths: Mapping[str, Container[int]] | None = None
) -> str | None:
    """The key of the service number ``r`` dials after an area code (``0571-95188`` → ``CN:95188``),
    or None. Only in a region whose numbering plan has it (:data:`AREA_CODE_SERVICE`, from
    ``data/numbering.json`` with its sources), only after a real area code of the region (one that
    phonenumbers' metadata gives fixed lines of that region), and only when exactly the service
    number follows it: ``010 6295 0800`` is a Beijing line, not 950800 after an area code. The
    text (its ``digits``) must be the national form, trunk prefix first (``0571 95188``): without
    it, ``571 95188`` is a local number, and ``86 571 95188`` carries a country code."""
    if not r.valid or r.short or r.key is None or r.region not in AREA_CODE_SERVICE:
        return None
    trunk = _trunk.get(r.region)
    if trunk is None:
        trunk = _trunk.setdefault(r.region, _numbering().trunk_prefix(r.region))
    if digits != trunk + r.nsn:
        return None
    lengths = short_lengths.get(r.region, ()) if short_lengths is not None else None
    nsn = r.nsn
    for cut in (2, 3, 4):
        rest = nsn[cut:]
        if len(rest) < 3 or (lengths is not None and len(rest) not in lengths):
            continue
        key = f"{r.region}:{rest}"
        if key in short_keys and _numbering().is_area_code(r.region, r.country_code, nsn[:cut]):
            return key
    return None


def read(text: str, region: str, short_keys: Container[str] = (), compacted: str | bool | None = False) -> Reading:
    """Read cleaned ``text`` with ``region`` as the default region (``compacted``: its
    :func:`~walletcontact.phone.text.compact` form, when the caller has it)."""
    return finish(read_raw(text, region, compacted), short_keys)


_as_reading = tuple.__new__


def key_info(number: str, region: str, *, carrier_short_code: bool = False) -> tuple[str, str, str] | None:
    """(key, nsn, look-alike family) of a published number, or None when it is not a number."""
    known = f"{region}|{int(carrier_short_code)}|{number}"
    if known in _known.PUBLISHED:
        return _known.PUBLISHED[known]
    info: tuple[str, str, str] | None = _numbering().key_info(number, region, carrier_short_code=carrier_short_code)
    return info


def key_for(number: str, region: str, *, carrier_short_code: bool = False) -> str | None:
    """The index key of a published number, or None when it is not a number for ``region``."""
    info = key_info(number, region, carrier_short_code=carrier_short_code)
    return info[0] if info else None


def record_key(number: str, region: str) -> tuple[str, str] | None:
    """(key, national digits) of a recorded fake or unverified number: its index key, else
    ``~cc:nsn``; None when it has no digits to key."""
    known = f"{region}|{number}"
    if known in _known.RECORDS:
        return _known.RECORDS[known]
    found: tuple[str, str] | None = _numbering().record_key(number, region)
    return found
