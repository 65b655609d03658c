"""Text clean-up before a number is read: no phonenumbers here.

``scan`` cleans the text (Unicode digits, invisible and direction-control characters, extensions)
and records what it found; :mod:`walletcontact.phone.reading` then reads the cleaned text in a region.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

#: Longest input read at all; anything longer is "too long" without further work.
MAX_INPUT_CHARS = 128

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset("\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")
#: Separators people and web pages put in numbers; deleted by the fast path too.
SEPARATORS = " -()./"
#: ... and the tab, which scan() removes from any text before reading it.
ASCII_SEPARATORS = SEPARATORS + "\t"

_EXT_MARKERS = (";ext=", ",", ";", " ext", "ext.", "ext", " x", "x", "#", "转", "轉", "分机", "分機")


class Scan(NamedTuple):
    """What the clean-up found in the raw text."""

    text: str  # cleaned: ASCII digits, invisible and bidi characters removed
    bidi: bool
    invisible: bool
    scripts: tuple[str, ...]  # digit scripts seen, e.g. ("ASCII", "FULLWIDTH")
    letters: bool
    extension: str | None
    international: bool  # written with + or an international prefix
    control: bool
    #: the digits of the cleaned text, and its separator-free form when it is a plain number
    #: (digits, maybe a leading +; see :func:`compact`)
    digits: str = ""
    compact: str | None = None
    #: the text as a dial code (digits, ``*``, ``#``, maybe a leading ``+``) when it is one: it has
    #: a star, or a hash that is not an extension marker (``**21*95188#``, ``#9110``, ``*334#``)
    dial: str | None = None
    #: digit-like characters read as digits (circled, superscript, subscript, parenthesised ...)
    digit_like: str = ""
    #: letters standing alone among digits that were read as the digits they imitate (``O`` for 0,
    #: ``l``, ``I`` and ``|`` for 1), as they were written
    imitations: str = ""
    #: other characters removed or converted (not the separators docs/checking-numbers.md lists)
    other: str = ""
    #: nothing to say about the text: plain ASCII digits and separators, nothing removed
    quiet: bool = True
    #: it has words of a script without keypad letters (``客服电话 95188``): a phrase, not a number
    words: bool = False


def _digit_script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if not name:
        return "OTHER"
    if name.startswith("DIGIT "):
        return "ASCII"
    return name.split(" DIGIT ", 1)[0] if " DIGIT " in name else name.split()[0]


#: Digits and the separators that need no cleaning (the plain ASCII spelling of a number).
PLAIN_CHARS = frozenset("0123456789+" + SEPARATORS)
_FIRST_PLUS_OR_DIGIT = re.compile(r"[+0-9]")


def leading_plus(text: str) -> bool:
    """Whether the number is written with a leading + (``+86 …``, ``(+86) …``): the first plus sign
    or digit is a plus, as phonenumbers reads it (it skips what comes before either)."""
    m = _FIRST_PLUS_OR_DIGIT.search(text)
    return m is not None and m.group() == "+"


def scan(raw: str) -> Scan:
    """Clean ``raw`` and record what was removed or converted."""
    text = raw.strip()
    if text.isascii():
        if text and PLAIN_CHARS.issuperset(text):  # the commonest case, in a few string operations
            k = text.translate(_COMPACT)
            if k and k.find("+", 1) < 0:  # digits with at most a leading plus: a plain number
                # only separators can come before the first plus sign or digit of a plain text
                digits = k[1:] if k[0] == "+" else k
                intl = k[0] == "+" or digits.startswith("00")
                # Scan(text, ..., digits, k) with every field given: a C call, not NamedTuple's __new__
                return _new_scan(Scan, (text, False, False, _ASCII if digits else (), False, None, intl, False, digits, k, None, "", "", "", True, False))
            digits = k.replace("+", "")
            intl = text.lstrip(SEPARATORS)[:1] == "+" or digits.startswith("00")
            return Scan(text, False, False, _ASCII if digits else (), False, None, intl, False, digits, None)
        if text[:4].lower() != "tel:":
            return _scan_ascii(text)
    return _scan_any(text)


_ASCII = ("ASCII",)
_new_scan = tuple.__new__


#: ``text.translate(ONLY_DIGITS)`` keeps the ASCII digits of ASCII text.
ONLY_DIGITS = str.maketrans("", "", "".join(chr(i) for i in range(128) if not "0" <= chr(i) <= "9"))
_ASCII_CONTROLS = str.maketrans("", "", "".join(chr(i) for i in (*range(32), 127)))


def _scan_ascii(text: str) -> Scan:
    """``_scan_any`` for stripped ASCII text (no ``tel:``), in a few string operations: ASCII has
    no direction controls, invisible characters or other scripts' digits, and NFKC leaves it as
    it is. tests/test_reading_cleanup.py checks the two agree."""
    if text and PLAIN_CHARS.issuperset(text):
        # plain digits and separators: nothing to convert, remove or report
        digits = text.translate(ONLY_DIGITS)
        intl = leading_plus(text) or digits.startswith("00")
        return Scan(text, False, False, ("ASCII",) if digits else (), False, None, intl, False, digits, compact(text))
    if text.isalpha():
        # a word ("unknown", "Private"): letters before any digit are words, and a letter alone
        # imitates a digit only next to one; what _finish would find, without its passes
        return Scan(text, False, False, (), True, None, False, False, "", None, None, "", "", "", True, True)
    control = not text.isprintable()
    kept = text.translate(_ASCII_CONTROLS) if control else text
    return _finish(kept.strip(), False, False, ("ASCII",) if kept.translate(ONLY_DIGITS) else (), control, "", "")


def _scan_any(text: str) -> Scan:
    low = text.lower()
    if low.startswith("tel:"):
        text = text[4:]
        if ";phone-context=" in text.lower():
            head, _, ctx = text.partition(";phone-context=")
            if ctx.startswith("+") and not head.lstrip().startswith("+"):
                text = ctx.split(";", 1)[0] + head
            else:
                text = head
    bidi = invisible = control = False
    scripts: dict[str, None] = {}
    out: list[str] = []
    digit_like: list[str] = []
    other: list[str] = []
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
            if folded.isascii():
                core = folded.strip("().")
                if core.isdigit():  # circled, superscript, subscript, parenthesised digits, "1." ...
                    digit_like.append(ch)
                    scripts.setdefault("ASCII", None)
                    folded = core
                elif folded != ch and not (folded in _QUIET or folded.isalpha() or folded in "=,;"):
                    other.append(ch)  # converted to ASCII that is not a separator
            out.append(folded if folded.isascii() else ch)
    return _finish("".join(out).strip(), bidi, invisible, tuple(scripts), control, "".join(digit_like), "".join(other))


#: Characters that stand for a digit when alone among digits: they are how fake numbers are
#: written to slip past filters (O800 for 0800, l-800 for 1-800).
IMITATORS = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}
_IMITATOR_SET = frozenset(IMITATORS)
#: What scan passes over without a word besides digits and letters: the separators, the plus sign,
#: and the star and hash of dial codes (reported as such).
_QUIET = frozenset(SEPARATORS + "\t+*#")
#: ``ascii_text.translate(_NOT_OTHER)`` keeps its other characters (not digits, letters or quiet ones)
_NOT_OTHER = str.maketrans(
    "", "", "".join(c for c in map(chr, range(128)) if c in _QUIET or c.isdigit() or c.isalpha())
)


def _imitations(text: str) -> tuple[str, str]:
    """``text`` with each imitating letter replaced by its digit, and the letters replaced."""
    if _IMITATOR_SET.isdisjoint(text):
        return text, ""
    out = list(text)
    found = []
    n = len(text)
    for i, c in enumerate(text):
        if c not in IMITATORS:
            continue
        j = i - 1
        while j >= 0 and text[j] in SEPARATORS:
            j -= 1
        k = i + 1
        while k < n and text[k] in SEPARATORS:
            k += 1
        before = text[j] if j >= 0 and text[j] not in SEPARATORS else ""
        after = text[k] if k < n else ""
        # alone: no letter next to it (1-800-FLOWERS keeps its O), and a digit on one side at least
        if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
            continue
        if before in IMITATORS or after in IMITATORS:  # "OO": a run of letters, not one that imitates
            continue
        if before.isdigit() or after.isdigit():
            out[i] = IMITATORS[c]
            found.append(c)
    return "".join(out), "".join(found)


def _finish(
    cleaned: str, bidi: bool, invisible: bool, scripts: tuple[str, ...], control: bool, digit_like: str, other: str
) -> Scan:
    """The scan of a cleaned text (both routes end here, so they agree)."""
    had_star = "*" in cleaned
    cleaned, extension = _strip_extensions(cleaned)
    cleaned, imitations = _imitations(cleaned)
    words = False
    ascii_text = cleaned.isascii()
    if ascii_text:
        other += cleaned.translate(_NOT_OTHER)
        letters = cleaned.lower() != cleaned.upper()
        found = cleaned.translate(ONLY_DIGITS)
    else:
        other += "".join(c for c in cleaned if c not in _QUIET and not c.isdigit() and not (c.isascii() and c.isalpha()))
        letters = any(c.isascii() and c.isalpha() for c in cleaned)
        # letters of other scripts (ideographs, Cyrillic ...): words around a number, not a number
        words = any(unicodedata.category(c).startswith("L") for c in other)
        found = "".join(c for c in cleaned if c.isdigit())
    if letters and not words:
        # keypad letters come after the first digits (1-800-FLOWERS); letters before any digit are
        # a word in front of a number ("PayPal 1-800 ..."), which phonenumbers would skip unsaid
        first = cleaned.find(found[0]) if found else len(cleaned)
        head = cleaned[:first]
        words = head.lower() != head.upper() if head.isascii() else any(c.isalpha() for c in head)
    dial = None
    if had_star or "#" in cleaned:
        dial = "".join(c for c in cleaned if c.isdigit() or c in "*#+") + ("#" if extension == "" else "")
        extension = None  # a final "#" ends the code: it is no menu choice
    return Scan(
        text=cleaned,
        bidi=bidi,
        invisible=invisible,
        scripts=scripts,
        letters=letters,
        extension=extension,
        international=leading_plus(cleaned) or found.startswith("00"),
        control=control,
        digits=found,
        compact=compact(cleaned),
        dial=dial,
        digit_like=digit_like,
        imitations=imitations,
        other=other,
        quiet=not (
            bidi
            or invisible
            or control
            or extension is not None
            or scripts not in ((), ("ASCII",))
            or digit_like
            or other
            or imitations
        ),
        words=words,
    )


#: ASCII upper case to lower case, nothing else: the extension markers are ASCII or Chinese
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _strip_extensions(cleaned: str) -> tuple[str, str | None]:
    """Remove trailing extensions or menu choices ("ext. 12", ",2", "转2", a final "#") until none
    is left, so that cleaning twice gives what cleaning once gives."""
    extension: str | None = None
    while True:
        low = cleaned.translate(_ASCII_LOWER)  # same length as cleaned, unlike str.lower() ("İ")
        # a marker needs digits on both sides, three or more before it
        digit_count = len(cleaned.translate(ONLY_DIGITS)) if cleaned.isascii() else sum(c.isdigit() for c in cleaned)
        markers = _EXT_MARKERS if digit_count >= 4 else ()
        for marker in markers:
            pos = low.find(marker, 1)
            if pos > 0:
                head, tail = cleaned[:pos], cleaned[pos + len(marker) :]
                tail_digits = "".join(c for c in tail if c.isdigit())
                head_digits = sum(c.isdigit() for c in head)
                if tail_digits and head_digits >= 3 and tail.strip().lstrip(". =").isdigit():
                    cleaned, extension = head.strip(), tail_digits + (extension or "")
                    break
        else:
            if cleaned.endswith("#") and cleaned[:-1].strip():
                cleaned, extension = cleaned[:-1].strip(), extension or ""
                continue
            return cleaned, extension


def digits(text: str) -> str:
    """The ASCII digits of ``text``."""
    if text.isascii():
        return text.translate(ONLY_DIGITS)
    return "".join(c for c in text if "0" <= c <= "9")


_ASCII_NUMBER = frozenset("0123456789+")
_COMPACT = str.maketrans("", "", ASCII_SEPARATORS)


def compact(text: str) -> str | None:
    """The separator-free form of a plain ASCII number (digits, maybe a leading +), else None."""
    out = text.translate(_COMPACT)
    if not out or not _ASCII_NUMBER.issuperset(out) or out.find("+", 1) >= 0:
        return None
    return out
