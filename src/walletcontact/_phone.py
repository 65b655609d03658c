"""phonenumbers-based reading (imported only when the packaged cache cannot answer)."""

from __future__ import annotations

from typing import Any

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType, shortnumberinfo

from ._once import Once
from ._reading import RawReading, _digits, compact, leading_plus, scan
from ._valid import compiled, is_valid, metadata_for, probe_regions, region_code

__all__ = [
    "SUPPORTED_REGIONS",
    "VANITY_REGIONS",
    "example_spellings",
    "key_info",
    "read_raw",
    "record_key",
]

SUPPORTED_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)

#: Regions whose dial pads people commonly spell with letters (1-800-MY-APPLE).
VANITY_REGIONS = frozenset(phonenumbers.region_codes_for_country_code(1)) | {
    "AU", "NZ", "PH", "IL", "NL", "GB", "IE"
}

#: Number types under which a numbering plan files "area code + service number" (CN: 0571-95188 is
#: a fixed line, 025-96110 shared cost).
_FIXED = (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.SHARED_COST)


def region_for(number: phonenumbers.PhoneNumber, fallback: str, nsn: str | None = None) -> str:
    regions = phonenumbers.region_codes_for_country_code(number.country_code or 0)
    if fallback in regions or not regions:
        return fallback
    found = region_code(number, nsn if nsn is not None else phonenumbers.national_significant_number(number))
    return found or regions[0]




class HandOver(Exception):
    """The fast route leaves this string to ``phonenumbers.parse`` (which gives its own answer or
    error): a case it does not follow step by step."""


def _fast_parse(digits: str, region: str) -> phonenumbers.PhoneNumber:
    """``phonenumbers.parse`` for a plain string of digits (maybe with a leading +).

    It runs the same steps as ``parse`` after its text clean-up (country code, national prefix,
    length, leading zeros), using phonenumbers' own helpers; the clean-up is what a plain digit
    string does not need. tests/test_phone_fast.py checks it against ``parse`` over every region.
    """
    u = phonenumbers.phonenumberutil
    numobj = phonenumbers.PhoneNumber()
    metadata = metadata_for(region)
    if metadata is None:
        raise HandOver(region)
    country_code, national = _extract_country_code(u, digits, metadata, numobj)
    if country_code != 0:
        number_region = u.region_code_for_country_code(country_code)
        if number_region != region:
            metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, number_region)
    else:
        national += digits  # a plain digit string normalises to itself
        numobj.country_code = metadata.country_code
    if len(national) < u._MIN_LENGTH_FOR_NSN:
        raise HandOver("too short")
    if metadata is not None and _may_have_national_prefix(national, metadata):
        _, potential, _ = u._maybe_strip_national_prefix_carrier_code(national, metadata)
        if potential != national and u._test_number_length(potential, metadata) not in (
            phonenumbers.ValidationResult.TOO_SHORT,
            phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
            phonenumbers.ValidationResult.INVALID_LENGTH,
        ):
            national = potential
    if len(national) > u._MAX_LENGTH_FOR_NSN:  # where parse gives up on a long number too
        raise NumberParseException(NumberParseException.TOO_LONG, "The string supplied is too long to be a phone number.")
    u._set_italian_leading_zeros_for_phone_number(national, numobj)
    numobj.national_number = int(national)
    return numobj


def _may_have_national_prefix(national: str, metadata: Any) -> bool:
    """Whether ``_maybe_strip_national_prefix_carrier_code`` can strip anything: it returns the
    number unchanged when the region has no national-prefix pattern or the pattern does not match
    at the start."""
    pattern = metadata.national_prefix_for_parsing
    return bool(pattern) and compiled(pattern).match(national) is not None


def _extract_country_code(
    u: Any, digits: str, metadata: Any, numobj: phonenumbers.PhoneNumber
) -> tuple[int, str]:
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
        cc, rest_of_number = u._extract_country_code(full)
        if cc == 0:
            raise HandOver("country code not recognised")
        numobj.country_code = cc
        return cc, rest_of_number
    default_cc = str(metadata.country_code)
    if full.startswith(default_cc):
        general = metadata.general_desc
        _, potential, _ = u._maybe_strip_national_prefix_carrier_code(full[len(default_cc) :], metadata)
        if (
            not u._match_national_number(full, general, False) and u._match_national_number(potential, general, False)
        ) or u._test_number_length(full, metadata) == phonenumbers.ValidationResult.TOO_LONG:
            numobj.country_code = metadata.country_code
            return metadata.country_code, potential
    numobj.country_code = 0
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
    itself is then used from then on. tests/test_phone_fast.py compares the two exhaustively."""
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


def read_raw(text: str, region: str, digits: str | None = None) -> RawReading:
    """Read cleaned ``text`` with ``region`` as the default region (see ``_reading.RawReading``);
    ``digits`` is ``compact(text)`` when the caller has it."""
    try:
        number = parse(text, region, digits)
    except NumberParseException as exc:
        code = {
            NumberParseException.INVALID_COUNTRY_CODE: "INVALID_COUNTRY_CODE",
            NumberParseException.TOO_SHORT_AFTER_IDD: "TOO_SHORT",
            NumberParseException.TOO_SHORT_NSN: "TOO_SHORT",
            NumberParseException.TOO_LONG: "TOO_LONG",
        }.get(exc.error_type, "NOT_A_NUMBER")
        return (region, None, _digits(text), 0, False, False, False, code, False)
    number.extension = None
    cc = number.country_code or 0
    nsn = phonenumbers.national_significant_number(number)
    home = region_for(number, region, nsn)
    if is_valid(number, nsn):
        return (home, f"+{cc}{nsn}", nsn, cc, False, True, False, None, None)  # E.164 of a valid number
    try:
        if shortnumberinfo.is_valid_short_number_for_region(number, home):
            emergency = shortnumberinfo.is_emergency_number(nsn, home)
            return (home, f"{home}:{nsn}", nsn, cc, True, True, emergency, None, False)
        emergency = shortnumberinfo.is_emergency_number(text, home)
    except Exception:  # pragma: no cover - phonenumbers metadata gaps
        emergency = False
    if emergency:
        return (home, f"{home}:{nsn}", nsn, cc, True, True, True, None, False)
    possible = phonenumbers.is_possible_number_with_reason(number)
    code = {
        phonenumbers.ValidationResult.TOO_SHORT: "TOO_SHORT",
        phonenumbers.ValidationResult.TOO_LONG: "TOO_LONG",
        phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "INVALID_COUNTRY_CODE",
    }.get(possible, "INVALID_NUMBER")
    return (home, None, nsn, cc, False, False, False, code, False)


def is_fixed_line(key: str) -> bool:
    """Whether an E.164 key is of a type that can be "area code + service number"."""
    return phonenumbers.number_type(phonenumbers.parse(key, None)) in _FIXED


def _family(key: str) -> str:
    """Numbers compared for look-alikes: same country code (full) or same region (short)."""
    if key.startswith("+"):
        return f"+{phonenumbers.parse(key, None).country_code}"
    return key.split(":", 1)[0]


def _nsn(key: str) -> str:
    if key.startswith("+"):
        return phonenumbers.national_significant_number(phonenumbers.parse(key, None))
    return key.split(":", 1)[1]


def key_info(number: str, region: str, *, carrier_short_code: bool = False) -> tuple[str, str, str] | None:
    """(key, nsn, family) of a published number, or None when it is not a number for ``region``."""
    s = scan(number)
    if s.bidi or s.control:
        return None
    key: str | None = None
    if carrier_short_code:
        digits = _digits(s.text)
        if not leading_plus(s.text) and digits and len(digits) <= 8:
            key = f"{region}:{digits}"
    if key is None:
        raw = read_raw(s.text, region)
        key = raw[1] if raw[5] else None
    if key is None:
        return None
    return key, _nsn(key), _family(key)


def record_key(number: str, region: str) -> str | None:
    """Fakes are often not valid numbers at all; key them by their digits when they are not."""
    info = key_info(number, region)
    if info is not None:
        return info[0]
    raw = read_raw(scan(number).text, region)
    if raw[3] and raw[2]:
        return f"~{raw[3]}:{raw[2]}"
    return None


def example_spellings(number: str, region: str) -> tuple[str, ...]:
    """Other ways people write a published number (for the cache and tests)."""
    try:
        n = phonenumbers.parse(number, region)
    except NumberParseException:
        return ()
    out = {number}
    if phonenumbers.is_valid_number(n):
        for fmt in (
            phonenumbers.PhoneNumberFormat.E164,
            phonenumbers.PhoneNumberFormat.INTERNATIONAL,
            phonenumbers.PhoneNumberFormat.NATIONAL,
        ):
            out.add(phonenumbers.format_number(n, fmt))
    else:
        out.add(phonenumbers.national_significant_number(n))
    return tuple(sorted(out))
