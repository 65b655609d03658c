"""``phonenumbers.is_valid_number`` for a (country code, national significant number) pair, faster.

phonenumbers decides validity by trying up to ten number-type patterns one after another, and for
a country code shared by several regions (+1, +7, +44 …) it repeats that for each region until one
fits. Call logs check the same few regions over and over, so this module compiles, per region's
metadata and per number length, the type patterns that can apply into one alternation and keeps
it. The decisions are phonenumbers' own, step for step (see ``is_valid`` below);
tests/test_valid_fast.py compares the two over every region and random digit strings.

Only used through :func:`is_valid`, which falls back to phonenumbers itself when its internals
look different from what this module expects.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberType
from phonenumbers import phonenumberutil as _u

from ._once import Once

__all__ = ["is_valid", "region_code"]

#: The type descriptions ``_number_type_helper`` tries, in its order (mobile is handled apart).
_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
)

_NEVER = re.compile(r"(?!)")


class _Plan:
    """For one metadata: the general pattern, and per length the one alternation of type patterns."""

    __slots__ = ("by_length", "descs", "general", "general_lengths", "lock")

    def __init__(self, metadata: Any) -> None:
        general = metadata.general_desc
        self.general = _pattern(general)
        self.general_lengths = frozenset(general.possible_length) if general is not None else frozenset()
        descs = [getattr(metadata, name) for name in _TYPES]
        if not metadata.same_mobile_and_fixed_line_pattern:
            descs.append(metadata.mobile)
        self.descs = [d for d in descs if d is not None and d.national_number_pattern]
        self.by_length: dict[int, re.Pattern[str]] = {}
        self.lock = threading.Lock()

    def known(self, nsn: str) -> bool:
        """``_number_type_helper(nsn, metadata) != UNKNOWN``."""
        n = len(nsn)
        if self.general is None or (self.general_lengths and n not in self.general_lengths):
            return False
        if self.general.fullmatch(nsn) is None:
            return False
        rx = self.by_length.get(n)
        if rx is None:
            parts = [
                f"(?:{d.national_number_pattern})"
                for d in self.descs
                if not d.possible_length or n in d.possible_length
            ]
            rx = re.compile("|".join(parts)) if parts else _NEVER
            with self.lock:
                self.by_length[n] = rx
        return rx.fullmatch(nsn) is not None


def _pattern(desc: Any) -> re.Pattern[str] | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return re.compile(desc.national_number_pattern)


_plans: dict[int, _Plan] = {}  # id(metadata) → plan (metadata objects live as long as phonenumbers)
_keep: list[Any] = []  # the metadata objects, so their ids stay theirs
_plans_lock = threading.Lock()
_patterns: dict[str, re.Pattern[str]] = {}  # a metadata pattern → compiled


def compiled(pattern: str) -> re.Pattern[str]:
    """A phonenumbers metadata pattern, compiled once (what phonenumbers' own ``re_compile``
    cache does, without its function call on every use)."""
    rx = _patterns.get(pattern)
    if rx is None:
        rx = _patterns.setdefault(pattern, re.compile(pattern))
    return rx


def _plan(metadata: Any) -> _Plan:
    plan = _plans.get(id(metadata))
    if plan is None:
        plan = _Plan(metadata)
        with _plans_lock:
            if id(metadata) not in _plans:
                _keep.append(metadata)
                _plans[id(metadata)] = plan
            plan = _plans[id(metadata)]
    return plan


_metadata: dict[str, Any] = {}  # region → metadata (phonenumbers loads each once and keeps it)


def metadata_for(region: str) -> Any:
    """``PhoneMetadata.metadata_for_region(region, None)`` (a region code as phonenumbers spells it),
    kept in a dict after the first call."""
    metadata = _metadata.get(region)
    if metadata is None:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
        if metadata is not None:
            _metadata[region] = metadata
    return metadata


def _region_and_validity(cc: int, nsn: str) -> tuple[str | None, bool]:
    """``region_code_for_number`` and ``is_valid_number`` together (the second re-checks the
    region the first found; when the first found it by validating, that answer stands)."""
    regions = _u.COUNTRY_CODE_TO_REGION_CODE.get(cc)
    if regions is None:
        return None, False
    if len(regions) == 1:
        region: str = regions[0]
        return region, _valid_for(cc, nsn, region)
    for region in regions:
        metadata = metadata_for(region)
        if metadata is None:
            continue
        if metadata.leading_digits is not None:
            if compiled(metadata.leading_digits).match(nsn):
                return region, _valid_for(cc, nsn, region)
        elif _plan(metadata).known(nsn):
            # is_valid_number_for_region would use this same metadata (the region's own, whose
            # country code is cc), so the number is valid
            return region, True
    return None, False


_NO_PLAN = object()
_plan_for: dict[tuple[int, str], Any] = {}  # (cc, region) → the plan validity uses, or _NO_PLAN


def _valid_for(cc: int, nsn: str, region: str) -> bool:
    """``is_valid_number_for_region``."""
    plan = _plan_for.get((cc, region))
    if plan is None:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(cc, region.upper())
        if metadata is None or (
            region != phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY and cc != _u.country_code_for_valid_region(region)
        ):
            plan = _NO_PLAN
        else:
            plan = _plan(metadata)
        plan = _plan_for.setdefault((cc, region), plan)
    return plan is not _NO_PLAN and bool(plan.known(nsn))


def _region_of(cc: int, nsn: str) -> str | None:
    return _region_and_validity(cc, nsn)[0]


def _is_valid(cc: int, nsn: str) -> bool:
    return _region_and_validity(cc, nsn)[1]


_ok = True  # False once phonenumbers' internals turned out not to be what this module expects
#: Number types whose examples the self-check reads (the commonest in call logs).
_PROBE_TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE)


def probe_regions() -> list[str]:
    """Two regions whose metadata phonenumbers has already loaded (reading them costs nothing
    more), else the US."""
    loaded = getattr(phonenumbers.PhoneMetadata, "_region_metadata", None)
    regions = sorted(r for r in (loaded or {}) if r in phonenumbers.SUPPORTED_REGIONS)
    return regions[:2] or ["US"]


def _self_check() -> bool:
    """Whether this module agrees with the installed phonenumbers on a few numbers: the fixed-line,
    mobile and toll-free examples of regions already in use, and each with a digit added. A
    phonenumbers release that changed how validity is decided would most likely fail this (the
    tests compare the two exhaustively); phonenumbers' own functions are then used from then on.
    Costs about a millisecond, once."""
    try:
        for region in probe_regions():
            for kind in _PROBE_TYPES:
                example = phonenumbers.example_number_for_type(region, kind)
                if example is None:
                    continue
                nsn = phonenumbers.national_significant_number(example)
                for variant in (nsn, nsn + "1"):
                    n = phonenumbers.PhoneNumber(country_code=example.country_code, national_number=int(variant))
                    if variant.startswith("0"):
                        n.italian_leading_zero = True
                    real = phonenumbers.national_significant_number(n)
                    cc = n.country_code or 0
                    if _is_valid(cc, real) != phonenumbers.is_valid_number(n):
                        return False
                    if _region_of(cc, real) != phonenumbers.region_code_for_number(n):
                        return False
    except Exception:  # anything unexpected in phonenumbers' internals: do not use this module
        return False
    return True


#: Whether this module agrees with the installed phonenumbers (checked once, on first use).
agrees: Once[bool] = Once(_self_check)


def is_valid(number: phonenumbers.PhoneNumber, nsn: str) -> bool:
    """``phonenumbers.is_valid_number(number)``; ``nsn`` is its national significant number."""
    global _ok
    if _ok and agrees.get():
        try:
            return _is_valid(number.country_code or 0, nsn)
        except AttributeError:  # phonenumbers' internals changed: use its own function from now on
            _ok = False
    return bool(phonenumbers.is_valid_number(number))


def region_code(number: phonenumbers.PhoneNumber, nsn: str) -> str | None:
    """``phonenumbers.region_code_for_number(number)``; ``nsn`` is its national significant number."""
    global _ok
    if _ok and agrees.get():
        try:
            return _region_of(number.country_code or 0, nsn)
        except AttributeError:  # pragma: no cover - as in is_valid
            _ok = False
    found: str | None = phonenumbers.region_code_for_number(number)
    return found
