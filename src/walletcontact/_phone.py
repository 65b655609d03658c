"""Reading phone numbers: Unicode clean-up with findings, then phonenumbers with an explicit region.

Private module: imported on first number check, never by ``import walletcontact``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import attrs
import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType, shortnumberinfo

#: Longest input read at all; anything longer is "too long" without further work.
MAX_INPUT_CHARS = 128

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset("\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")
#: Separators people and web pages put in numbers; deleted by the fast path too.
ASCII_SEPARATORS = " -().\t/"

#: Regions whose dial pads people commonly spell with letters (1-800-MY-APPLE).
VANITY_REGIONS = frozenset(
    phonenumbers.region_codes_for_country_code(1)
) | {"AU", "NZ", "PH", "IL", "NL", "GB", "IE"}

_EXT_MARKERS = (";ext=", ",", ";", " ext", "ext.", "ext", " x", "x", "#", "转", "轉", "分机", "分機")

SUPPORTED_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)


@attrs.frozen
class Scan:
    """What the clean-up found in the raw text."""

    text: str  # cleaned: ASCII digits, invisible and bidi characters removed
    bidi: bool
    invisible: bool
    scripts: tuple[str, ...]  # digit scripts seen, e.g. ("ASCII", "FULLWIDTH")
    letters: bool
    extension: str | None
    international: bool  # written with + or an international prefix
    control: bool


def _digit_script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if not name:
        return "OTHER"
    if name.startswith("DIGIT "):
        return "ASCII"
    return name.split(" DIGIT ", 1)[0] if " DIGIT " in name else name.split()[0]


def scan(raw: str) -> Scan:
    """Clean ``raw`` and record what was removed or converted."""
    text = raw.strip()
    low = text.lower()
    if low.startswith("tel:"):
        text = text[4:]
        if ";phone-context=" in text.lower():
            head, _, ctx = text.partition(";phone-context=")
            if ctx.startswith("+") and not head.lstrip().startswith("+"):
                text = ctx.split(";", 1)[0] + head
            else:
                text = head
    bidi = invisible = letters = control = False
    scripts: dict[str, None] = {}
    out: list[str] = []
    for ch in text:
        if ch in BIDI_CONTROLS:
            bidi = True
            continue
        if ch in INVISIBLE:
            invisible = True
            continue
        if "0" <= ch <= "9":
            scripts.setdefault("ASCII", None)
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat == "Nd":
            scripts.setdefault(_digit_script(ch), None)
            out.append(str(unicodedata.decimal(ch)))
        elif cat in ("Zs",) or ch in "\u3000":
            out.append(" ")
        elif cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            control = True
        else:
            folded = unicodedata.normalize("NFKC", ch)
            if folded.isascii() and folded.isalpha():
                letters = True
            out.append(folded if folded.isascii() else ch)
    cleaned = "".join(out).strip()
    extension = None
    low = cleaned.lower()
    for marker in _EXT_MARKERS:
        pos = low.find(marker, 1)
        if pos > 0:
            head, tail = cleaned[:pos], cleaned[pos + len(marker) :]
            tail_digits = "".join(c for c in tail if c.isdigit())
            head_digits = sum(c.isdigit() for c in head)
            if tail_digits and head_digits >= 3 and tail.strip().lstrip(". =").isdigit():
                cleaned, extension = head.strip(), tail_digits
                break
    if extension is None and cleaned.endswith("#") and cleaned[:-1].strip():
        cleaned = cleaned[:-1].strip()
        extension = ""
    letters = any(c.isascii() and c.isalpha() for c in cleaned)
    international = cleaned.startswith("+") or _digits(cleaned).startswith("00")
    return Scan(
        text=cleaned,
        bidi=bidi,
        invisible=invisible,
        scripts=tuple(scripts),
        letters=letters,
        extension=extension,
        international=international,
        control=control,
    )


def _digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


@attrs.frozen
class Reading:
    """A number read in one region."""

    region: str  # the region the number belongs to
    key: str | None  # index key: E.164 for full numbers, "CC:digits" for short numbers
    nsn: str  # national significant number (digits), for look-alike comparison
    country_code: int
    short: bool
    valid: bool
    emergency: bool
    error: str | None  # a Reason code when the text is not a number for this region
    alt_key: str | None = None  # "CC:digits" when a service number follows an area code


def region_for(number: phonenumbers.PhoneNumber, fallback: str) -> str:
    regions = phonenumbers.region_codes_for_country_code(number.country_code or 0)
    if fallback in regions or not regions:
        return fallback
    valid = phonenumbers.region_code_for_number(number)
    return valid or regions[0]


def read(text: str, region: str, known_short_keys: Iterable[str] = ()) -> Reading:
    """Read cleaned ``text`` with ``region`` as the default region."""
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as exc:
        code = {
            NumberParseException.INVALID_COUNTRY_CODE: "INVALID_COUNTRY_CODE",
            NumberParseException.TOO_SHORT_AFTER_IDD: "TOO_SHORT",
            NumberParseException.TOO_SHORT_NSN: "TOO_SHORT",
            NumberParseException.TOO_LONG: "TOO_LONG",
        }.get(exc.error_type, "NOT_A_NUMBER")
        digits = _digits(text)
        return Reading(region, None, digits, 0, False, False, False, code)
    number.extension = None
    cc = number.country_code or 0
    nsn = phonenumbers.national_significant_number(number)
    home = region_for(number, region)
    if phonenumbers.is_valid_number(number):
        key = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        alt = _service_after_area_code(number, home, nsn, known_short_keys)
        return Reading(home, key, nsn, cc, False, True, False, None, alt)
    emergency = False
    try:
        if shortnumberinfo.is_valid_short_number_for_region(number, home):
            emergency = shortnumberinfo.is_emergency_number(nsn, home)
            key = f"{home}:{nsn}"
            return Reading(home, key, nsn, cc, True, True, emergency, None)
        emergency = shortnumberinfo.is_emergency_number(text, home)
    except Exception:  # pragma: no cover - phonenumbers metadata gaps
        emergency = False
    if emergency:
        return Reading(home, f"{home}:{nsn}", nsn, cc, True, True, True, None)
    # A carrier short code phonenumbers does not know is still a key our data may declare.
    carrier_key = f"{home}:{nsn}"
    if carrier_key in known_short_keys:
        return Reading(home, carrier_key, nsn, cc, True, True, False, None)
    possible = phonenumbers.is_possible_number_with_reason(number)
    code = {
        phonenumbers.ValidationResult.TOO_SHORT: "TOO_SHORT",
        phonenumbers.ValidationResult.TOO_LONG: "TOO_LONG",
        phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "INVALID_COUNTRY_CODE",
    }.get(possible, "INVALID_NUMBER")
    return Reading(home, None, nsn, cc, False, False, False, code)


def _service_after_area_code(
    number: phonenumbers.PhoneNumber, home: str, nsn: str, known_short_keys: Iterable[str]
) -> str | None:
    """``0571-95188`` → ``CN:95188`` when that service number is one the data knows."""
    if phonenumbers.number_type(number) not in (
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        return None
    for cut in (2, 3, 4):
        rest = nsn[cut:]
        if len(rest) >= 3:
            key = f"{home}:{rest}"
            if key in known_short_keys:
                return key
    return None


def key_for(number: str, region: str, *, carrier_short_code: bool = False) -> str | None:
    """The index key of a published number, or None when it is not a number for ``region``."""
    s = scan(number)
    if s.bidi or s.control:
        return None
    if carrier_short_code:
        digits = _digits(s.text)
        if not s.text.startswith("+") and digits and len(digits) <= 8:
            return f"{region}:{digits}"
    r = read(s.text, region)
    return r.key if r.valid else None


def example_spellings(number: str, region: str) -> tuple[str, ...]:
    """Other ways people write a published number (for the fast path and tests)."""
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


def is_mobile_like(key: str) -> bool:
    """Whether an E.164 key is a mobile number (for the personal-number warning)."""
    if not key.startswith("+"):
        return False
    try:
        n = phonenumbers.parse(key, None)
    except NumberParseException:
        return False
    return phonenumbers.number_type(n) in (PhoneNumberType.MOBILE,)
