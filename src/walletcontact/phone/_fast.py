"""``phonenumbers.is_valid_number`` for a (country code, national significant number) pair, faster.

phonenumbers decides validity by trying up to ten number-type patterns one after another, and for
a country code shared by several regions (+1, +7, +44 …) it repeats that for each region until one
fits. Call logs check the same few regions over and over, so this module compiles, per region's
metadata and per number length, the type patterns that can apply into one alternation and keeps
it. The decisions are phonenumbers' own, step for step (see ``is_valid`` below);
tests/test_reading_validity.py compares the two over every region and random digit strings.

Only used through :func:`is_valid`, which falls back to phonenumbers itself when its internals
look different from what this module expects.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType
from phonenumbers import phonenumberutil as _u

from .._once import Once
from .text import compact

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


# ---------------------------------------------------------------- parse, for plain digit strings


class HandOver(Exception):
    """The fast route leaves this string to ``phonenumbers.parse`` (which gives its own answer or
    error): a case it does not follow step by step."""


def _fast_parse(digits: str, region: str) -> phonenumbers.PhoneNumber:
    """``phonenumbers.parse`` for a plain string of digits (maybe with a leading +).

    It runs the same steps as ``parse`` after its text clean-up (country code, national prefix,
    length, leading zeros), using phonenumbers' own helpers; the clean-up is what a plain digit
    string does not need. tests/test_reading_parse.py checks it against ``parse`` over every region.
    """
    cc, national = _fast_parts(digits, region)
    return make_number(cc, national)


def make_number(cc: int, national: str) -> phonenumbers.PhoneNumber:
    """The ``PhoneNumber`` that ``parse`` makes of country code ``cc`` and ``national``."""
    numobj = phonenumbers.PhoneNumber(country_code=cc)
    phonenumbers.phonenumberutil._set_italian_leading_zeros_for_phone_number(national, numobj)
    numobj.national_number = int(national)
    return numobj


def _fast_parts(digits: str, region: str) -> tuple[int, str]:
    """What :func:`_fast_parse` reads, before it is made a ``PhoneNumber``: the country code and
    the national significant number (``parse`` keeps its leading zeros as the Italian leading zero,
    so the string is the number's ``national_significant_number``)."""
    u = phonenumbers.phonenumberutil
    known = _regions.get(region)
    if known is None:
        known = _region_facts(region)
    metadata, idd, default_cc, prefix = known
    if digits[0] == "+" or digits.startswith(default_cc) or (idd is not None and idd.match(digits)):
        country_code, national = _extract_country_code(u, digits, metadata)
    else:  # what _extract_country_code finds without a + , an international prefix or the country code
        country_code = 0
    if country_code != 0:
        other = _cc_facts.get(country_code)
        if other is None:
            number_region = u.region_code_for_country_code(country_code)
            other_metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, number_region)
            other = (number_region, other_metadata, None if other_metadata is None else _national_prefix(other_metadata))
            other = _cc_facts.setdefault(country_code, other)
        if other[0] != region:
            _, metadata, prefix = other
    else:
        national = digits  # a plain digit string normalises to itself
        country_code = metadata.country_code
    if len(national) < u._MIN_LENGTH_FOR_NSN:
        raise HandOver("too short")
    if prefix is not None and prefix.match(national) is not None:
        _, potential, _ = u._maybe_strip_national_prefix_carrier_code(national, metadata)
        if potential != national and u._test_number_length(potential, metadata) not in (
            phonenumbers.ValidationResult.TOO_SHORT,
            phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
            phonenumbers.ValidationResult.INVALID_LENGTH,
        ):
            national = potential
    if len(national) > u._MAX_LENGTH_FOR_NSN:  # where parse gives up on a long number too
        raise NumberParseException(NumberParseException.TOO_LONG, "The string supplied is too long to be a phone number.")
    return country_code, national


#: country code → (its main region, that region's metadata, its national-prefix pattern or None)
_cc_facts: dict[int, tuple[str, Any, re.Pattern[str] | None]] = {}

#: region → (metadata, its international prefix compiled or None, its country code as a string,
#: its national-prefix pattern compiled or None): what every reading in the region looks up
_regions: dict[str, tuple[Any, re.Pattern[str] | None, str, re.Pattern[str] | None]] = {}


def _region_facts(region: str) -> tuple[Any, re.Pattern[str] | None, str, re.Pattern[str] | None]:
    metadata = metadata_for(region)
    if metadata is None:
        raise HandOver(region)
    idd = compiled(metadata.international_prefix) if metadata.international_prefix is not None else None
    facts = (metadata, idd, str(metadata.country_code), _national_prefix(metadata))
    return _regions.setdefault(region, facts)


def _national_prefix(metadata: Any) -> re.Pattern[str] | None:
    """The pattern ``_maybe_strip_national_prefix_carrier_code`` strips with, compiled; None when
    it strips nothing (no pattern)."""
    pattern = metadata.national_prefix_for_parsing
    return compiled(pattern) if pattern else None


#: the first three digits after + or an international prefix → (country code, digits it takes)
_cc_heads: dict[str, tuple[int, int]] = {}


def _extract_country_code(u: Any, digits: str, metadata: Any) -> tuple[int, str]:
    """``_maybe_extract_country_code`` for a digit string, without its Unicode normalisation."""
    if digits.startswith("+"):
        full, from_default = digits[1:], False
    else:
        idd = metadata.international_prefix if metadata.international_prefix is not None else "NonMatch"
        m = compiled(idd).match(digits)
        full, from_default = digits, True
        if m:
            rest = digits[m.end() :]
            if not rest or rest[0] != "0":  # an IDD followed by 0 is not an IDD
                full, from_default = rest, False
    if not from_default:
        if len(full) <= u._MIN_LENGTH_FOR_NSN:
            raise HandOver("too short after the international prefix")
        # u._extract_country_code(full) reads the country code from the first three digits at most:
        # its answer (the code, and how many digits it took) is remembered by them
        head = full[:3]
        known = _cc_heads.get(head)
        if known is None:
            cc, rest_of_number = u._extract_country_code(full)
            known = (cc, len(full) - len(rest_of_number))
            if len(_cc_heads) < 2048:
                _cc_heads[head] = known
        cc, size = known
        if cc == 0:
            raise HandOver("country code not recognised")
        return cc, full[size:]
    default_cc = str(metadata.country_code)
    if full.startswith(default_cc):
        general = metadata.general_desc
        _, potential, _ = u._maybe_strip_national_prefix_carrier_code(full[len(default_cc) :], metadata)
        if (
            not u._match_national_number(full, general, False) and u._match_national_number(potential, general, False)
        ) or u._test_number_length(full, metadata) == phonenumbers.ValidationResult.TOO_LONG:
            return metadata.country_code, potential
    return 0, ""


_fast_ok = True
#: Longest digit string the fast route reads (phonenumbers reads at most 250 characters).
_FAST_MAX_DIGITS = 64


def _parse_outcome(fn: Any, text: str, region: str) -> object:
    try:
        n = fn(text, region)
    except NumberParseException as exc:
        return exc.error_type
    return (n.country_code, n.national_number, n.italian_leading_zero, n.number_of_leading_zeros)


def _fast_self_check(region: str) -> bool:
    """Whether the fast route still reads as ``phonenumbers.parse`` does, on a few spellings of
    ``region``'s example numbers (national, with the national prefix, +cc, IDD + cc, too long).
    A phonenumbers release that changed its parse steps would most likely fail this; ``parse``
    itself is then used from then on. tests/test_reading_parse.py compares the two exhaustively."""
    try:
        cc = str(phonenumbers.country_code_for_region(region))
        for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            nsn = phonenumbers.national_significant_number(example)
            for text in (nsn, "0" + nsn, "+" + cc + nsn, "00" + cc + nsn, "011" + cc + nsn, nsn * 4):
                try:
                    ours = _parse_outcome(_fast_parse, text, region)
                except HandOver:
                    continue  # left to parse itself, as parse() does
                if ours != _parse_outcome(phonenumbers.parse, text, region):
                    return False
    except Exception:  # anything unexpected in phonenumbers' internals: do not use the fast route
        return False
    return True


#: Whether the fast route agrees with the installed phonenumbers, checked once on first use with
#: a region already in use (``_valid.probe_regions``).
fast_agrees: Once[bool] = Once(lambda: all(_fast_self_check(r) for r in probe_regions()))


#: country code of a single region → (that region, the plan its validity uses, or _NO_PLAN)
_single: dict[int, tuple[str, Any]] = {}


def read_plain(digits: str, region: str) -> tuple[int, str, str | None, bool] | None:
    """``parts`` and ``valid_and_region`` in one call, for the reading of every plain digit
    string: (country code, national significant number, ``region_code_for_number``,
    ``is_valid_number``); None when this module leaves the string to phonenumbers. Raises the
    ``NumberParseException`` that ``parse`` raises at the same step."""
    global _fast_ok, _ok
    if not (_fast_ok and _ok and fast_agrees.get() and agrees.get()) or not 3 <= len(digits.lstrip("+")) <= _FAST_MAX_DIGITS:
        return None
    try:
        cc, nsn = _fast_parts(digits, region)
    except NumberParseException:
        raise
    except HandOver:
        return None
    except AttributeError:  # helpers renamed in another phonenumbers: use parse from now on
        _fast_ok = False
        return None
    except Exception:  # a surprise: let parse decide
        return None
    try:
        single = _single.get(cc)
        if single is not None:  # a country code of one region: _region_and_validity's commonest case
            return cc, nsn, single[0], single[1] is not _NO_PLAN and single[1].known(nsn)
        regions = _u.COUNTRY_CODE_TO_REGION_CODE.get(cc)
        if regions is not None and len(regions) == 1:
            _valid_for(cc, nsn, regions[0])  # makes the plan
            _single[cc] = (regions[0], _plan_for[(cc, regions[0])])
            return cc, nsn, regions[0], _valid_for(cc, nsn, regions[0])
        where, valid = _region_and_validity(cc, nsn)
    except AttributeError:  # pragma: no cover - as in is_valid
        _ok = False
        return None
    return cc, nsn, where, valid


def parse(text: str, region: str, digits: str | None = None) -> phonenumbers.PhoneNumber:
    """``phonenumbers.parse``, through the fast route for plain digit strings when it can
    (``digits``: ``compact(text)`` when the caller has it already)."""
    global _fast_ok
    if _fast_ok and fast_agrees.get():
        if digits is None:
            digits = compact(text)
        if digits is not None and 3 <= len(digits.lstrip("+")) <= _FAST_MAX_DIGITS:
            try:
                return _fast_parse(digits, region)
            except NumberParseException:  # the same error parse gives at that step
                raise
            except HandOver:  # a case parse itself decides
                pass
            except AttributeError:  # helpers renamed in another phonenumbers: use parse from now on
                _fast_ok = False
            except Exception:  # a surprise: let parse decide, with its own error (tests allow none)
                pass
    return phonenumbers.parse(text, region)
