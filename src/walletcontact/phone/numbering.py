"""Reading a number in a region with phonenumbers (imported on first need: most checks of a published
number are answered from the packaged readings in :mod:`walletcontact.data.keys`)."""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, shortnumberinfo

from ._fast import is_valid, make_number, parse, read_plain, region_code
from .text import digits as ascii_digits
from .text import leading_plus, scan

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .reading import RawReading

__all__ = [
    "SUPPORTED_REGIONS",
    "VANITY_REGIONS",
    "example_spellings",
    "key_info",
    "read_raw",
    "record_key",
]

SUPPORTED_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)
#: country code -> its regions, as ``region_codes_for_country_code`` gives them
_REGIONS_OF = phonenumbers.COUNTRY_CODE_TO_REGION_CODE

#: Regions whose dial pads people commonly spell with letters (1-800-MY-APPLE).
VANITY_REGIONS = frozenset(phonenumbers.region_codes_for_country_code(1)) | {
    "AU", "NZ", "PH", "IL", "NL", "GB", "IE"
}



def region_for(number: phonenumbers.PhoneNumber, fallback: str, nsn: str | None = None) -> str:
    regions = phonenumbers.region_codes_for_country_code(number.country_code or 0)
    if fallback in regions or not regions:
        return fallback
    found = region_code(number, nsn if nsn is not None else phonenumbers.national_significant_number(number))
    return found or regions[0]


def read_raw(text: str, region: str, compacted: str | None = None) -> RawReading:
    """Read cleaned ``text`` with ``region`` as the default region (see ``reading.RawReading``);
    ``compacted`` is ``compact(text)`` when the caller has it."""
    try:
        if compacted is not None:
            # a plain digit string: most are valid numbers, answered without a PhoneNumber
            found = read_plain(compacted, region)
            if found is not None:
                cc, nsn, where, valid = found
                if valid:
                    regions = _REGIONS_OF.get(cc, ())
                    home = region if region in regions or not regions else where or regions[0]
                    return (home, f"+{cc}{nsn}", nsn, cc, False, True, False, None)
                number = make_number(cc, nsn)
            else:
                number = parse(text, region, compacted)
        else:
            number = parse(text, region, compacted)
    except NumberParseException as exc:
        code = {
            NumberParseException.INVALID_COUNTRY_CODE: "INVALID_COUNTRY_CODE",
            NumberParseException.TOO_SHORT_AFTER_IDD: "TOO_SHORT",
            NumberParseException.TOO_SHORT_NSN: "TOO_SHORT",
            NumberParseException.TOO_LONG: "TOO_LONG",
        }.get(exc.error_type, "NOT_A_NUMBER")
        return (region, None, ascii_digits(text), 0, False, False, False, code)
    number.extension = None
    cc = number.country_code or 0
    # phonenumbers.national_significant_number, without its function calls
    nsn = str(number.national_number)
    if number.italian_leading_zero:
        zeros = number.number_of_leading_zeros
        nsn = "0" * (1 if zeros is None else zeros) + nsn
    home = region_for(number, region, nsn)
    if is_valid(number, nsn):
        return (home, f"+{cc}{nsn}", nsn, cc, False, True, False, None)  # E.164 of a valid number
    try:
        lengths = _short_lengths(home)
        if lengths is None:  # no short-number metadata: phonenumbers says no to both questions
            emergency = False
        elif (not lengths[0] or len(nsn) in lengths[0]) and shortnumberinfo.is_valid_short_number_for_region(number, home):
            emergency = shortnumberinfo.is_emergency_number(nsn, home)
            return (home, f"{home}:{nsn}", nsn, cc, True, True, emergency, None)
        else:
            emergency = (lengths[1] is None or len(ascii_digits(text)) <= lengths[1]) and shortnumberinfo.is_emergency_number(
                text, home
            )
    except Exception:  # pragma: no cover - phonenumbers metadata gaps
        emergency = False
    if emergency:
        return (home, f"{home}:{nsn}", nsn, cc, True, True, True, None)
    possible = phonenumbers.is_possible_number_with_reason(number)
    code = {
        phonenumbers.ValidationResult.TOO_SHORT: "TOO_SHORT",
        phonenumbers.ValidationResult.TOO_LONG: "TOO_LONG",
        phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "INVALID_COUNTRY_CODE",
    }.get(possible, "INVALID_NUMBER")
    return (home, None, nsn, cc, False, False, False, code)


#: region → (the possible lengths of its short numbers, the longest of its emergency numbers), from
#: phonenumbers' short-number metadata; None: the region has none
_SHORT: dict[str, tuple[frozenset[int], int | None] | None] = {}


def _short_lengths(region: str) -> tuple[frozenset[int], int | None] | None:
    """What lets a reading skip phonenumbers' short-number questions when their answer is no:
    ``is_valid_short_number_for_region`` first requires the national number's length to be one of
    the region's short-number lengths, and ``is_emergency_number`` matches all the digits of the
    text against emergency patterns no longer than the emergency lengths (an empty set / None:
    no limit known, so always ask). Most digit runs that are not valid numbers (amounts, codes,
    random digits in a log) are longer than any short number: about 6 µs saved each."""
    try:
        return _SHORT[region]
    except KeyError:
        pass
    md = phonenumbers.PhoneMetadata.short_metadata_for_region(region, None)
    found: tuple[frozenset[int], int | None] | None = None
    if md is not None:
        general = frozenset(md.general_desc.possible_length or ()) if md.general_desc is not None else frozenset()
        emergency = md.emergency
        if emergency is None:
            longest: int | None = -1  # no emergency numbers at all: never one
        else:
            longest = max(emergency.possible_length) if emergency.possible_length else None
        found = (general, longest)
    if len(_SHORT) < 1024:
        _SHORT[region] = found
    return found


#: (region, area code) → whether it is one (asked of phonenumbers once)
_AREA_CODES: dict[tuple[str, str], bool] = {}
#: local numbers tried after a candidate area code: a real one makes some of them fixed lines
_FILLERS = ("2222222", "22222222", "6666666", "66666666", "8888888", "88888888")


def is_area_code(region: str, country_code: int, digits: str) -> bool:
    """Whether ``digits`` is a geographical area code of ``region`` by phonenumbers' metadata: some
    local number after it makes a valid fixed line whose area code is exactly ``digits``."""
    found = _AREA_CODES.get((region, digits))
    if found is None:
        found = False
        for filler in _FILLERS:
            try:
                n = phonenumbers.parse(f"+{country_code}{digits}{filler}", None)
            except NumberParseException:  # pragma: no cover - digits only
                continue
            if (
                phonenumbers.region_code_for_number(n) == region
                and phonenumbers.number_type(n) in _GEOGRAPHIC
                and phonenumbers.length_of_geographical_area_code(n) == len(digits)
            ):
                found = True
                break
        if len(_AREA_CODES) < 4096:
            _AREA_CODES[(region, digits)] = found
    return found


_GEOGRAPHIC = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def trunk_prefix(region: str) -> str:
    """The region's national (trunk) prefix, dialled before an area code (CN: ``0``)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    return str(metadata.national_prefix or "") if metadata is not None else ""


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
    """(key, nsn, family) of a published number, or None when it is not a number for ``region``.

    A number published as a dial code (Japan's police line ``#9110``) is keyed in that very form
    (``JP:#9110``): dialled without its ``#`` it is another number."""
    s = scan(number)
    if s.bidi or s.control:
        return None
    if s.dial is not None:
        found = ascii_digits(s.dial)
        return (f"{region}:{s.dial}", found, region) if found and not s.dial.startswith("+") else None
    key: str | None = None
    if carrier_short_code:
        found = ascii_digits(s.text)
        if not leading_plus(s.text) and found and len(found) <= 8:
            key = f"{region}:{found}"
    if key is None:
        raw = read_raw(s.text, region)
        key = raw[1] if raw[5] else None
    if key is None:
        return None
    return key, _nsn(key), _family(key)


def record_key(number: str, region: str) -> tuple[str, str] | None:
    """(key, national digits) of a recorded fake or unverified number. Fakes are often not valid
    numbers at all: those are keyed by their digits (``~cc:nsn``)."""
    info = key_info(number, region)
    if info is not None:
        return info[0], info[1]
    raw = read_raw(scan(number).text, region)
    if raw[3] and raw[2]:
        return f"~{raw[3]}:{raw[2]}", raw[2]
    return None


def example_spellings(number: str, region: str) -> tuple[str, ...]:
    """Other ways people write a published number (for the cache and tests)."""
    try:
        n = phonenumbers.parse(number, region)
    except NumberParseException:
        return ()
    out = {number}
    if phonenumbers.is_valid_number(n):
        formats = [phonenumbers.PhoneNumberFormat.E164, phonenumbers.PhoneNumberFormat.INTERNATIONAL]
        if phonenumbers.region_code_for_number(n) == region:
            # the national form is how it is written only inside its own country (never for
            # +800 international freephone numbers, which belong to no country)
            formats.append(phonenumbers.PhoneNumberFormat.NATIONAL)
        for fmt in formats:
            out.add(phonenumbers.format_number(n, fmt))
    else:
        out.add(phonenumbers.national_significant_number(n))
    return tuple(sorted(out))
