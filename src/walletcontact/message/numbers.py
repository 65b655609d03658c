"""Finding phone numbers and dial codes in running text, in any language.

Candidates are runs of digits with the separators people write (spaces, hyphens, dots, brackets,
a leading ``+``), full-width forms included; a run that holds several numbers is split where the
pieces read as numbers. A candidate is a number when it reads as a valid number of the region,
or when the data knows it (an official, recorded-fake or weakly sourced service number such as
95188 or 1930). Verification codes, amounts, dates, times, order, tracking, card and account
numbers are not numbers: they are told by their shape and by the words just before or after them.
A code with ``*`` or ``#`` (``*334#``, ``**21*13800138000#``) is a dial code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

from .folding import Folded, fold_text

__all__ = ["Candidate", "find_numbers"]

#: a run of digits and the separators of written numbers (never starting or ending in a separator)
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63"
_RUN = re.compile(
    r"(?<![0-9A-Za-z+*#/.,\-_@])"
    r"(?:\(\s?\+\s?\d{1,4}\s?\)\s?|\+\s?|\()?"  # (+47) / + / (
    r"\d(?:\d|[OoIl|](?=\d)|[ \u00a0\-./" + _HYPHENS + r"](?=\d)|\)\s?(?=\d)|\s\((?=\d))*\d"
    r"(?![0-9A-Za-z*#@]|:\d|%)"
)
#: a dial code: ``*`` or ``#`` first, digits, ``*`` and ``#``; at least two digits
_DIAL = re.compile(r"(?<![0-9A-Za-z*#])(?:\*\*|\*|##|#)\d[\d*#]*(?:\+\d[\d*#]*)?#?(?![0-9A-Za-z])")
_DIGITS = re.compile(r"\d")

#: words just before a digit run that make it something other than a phone number: codes,
#: orders, tracking, references, cards and accounts, amounts (in the languages of the corpus)
_NOT_BEFORE = re.compile(
    r"(?<![a-zà-ÿ])(?:验证码|驗證碼|校验码|校驗碼|动态码|動態碼|认证码|認證碼|确认码|確認碼|口令|提取码|取件码|取件碼|"
    r"订单号?|訂單號?|单号|單號|编号|編號|流水号|流水號|交易号|交易號|交易单号|运单|運單|快递|快遞|"
    r"尾号|尾號|卡号|卡號|账号|帳號|賬號|账户|帳戶|户口|戶口|金额|金額|余额|餘額|"
    r"otp|code|kode|código|codigo|c[oó]d\.?|pin|passcode|password|token|ref(?:erence)?\.?|"
    r"order(?:\s*(?:no|number|#|id))?|pedido|orden|pesanan|tracking|rastreio|resi|awb|invoice|fatura|factura|"
    r"operaci[oó]n|opera[cç][aã]o|transacci[oó]n|transa[cç][aã]o|transaksi|pnr|ticket|till|paybill|booking|reserva|"
    r"txn|trx|transaction(?:\s*id)?|id|no\.|nr\.|#|a/c|acct|account|conta|cuenta|rekening|card|cart[aã]o|tarjeta|kartu|"
    r"ending(?:\s+in)?|terminada\s+en|final|akhiran|"
    r"rs\.?|inr|₹|ksh\.?|kes|tsh|ugx|ghs|ngn|₦|usd|us\$|\$|€|£|¥|￥|rmb|cny|hk\$|nt\$|r\$|rp\.?|₱|php|৳|tk\.?|"
    r"pkr|npr|s/\.?|mxn|cop|clp|ars|brl|idr|myr|rm|thb|฿|vnd|₫|₩|krw|円|jpy|cfa|fcfa|xof|xaf|etb|birr|sar|egp|"
    r"amount|montant|monto|valor|jumlah|nominal|total|saldo|balance|kiasi|salio|bs\.?|bob|pyg|gs\.|"
    r"kodi|namba\s+ya\s+siri|सत्यापन|कोड|ओटीपी|राशि|ऑर्डर)"
    r"(?:\s*(?:is|es|é|est|era|adalah|ialah|là|ni|wa|है|です|は))?[\s:：#＃.№-]*$",
    re.IGNORECASE,
)
#: a code word a few words before the digits ("código de seguridad es 605 112")
_CODE_BEFORE = re.compile(
    r"(?<![a-zà-ÿ])(?:code|c[oó]digo|kode|kodi|otp|pin|验证码|驗證碼|認証コード|確認コード|인증번호|mã)"
    r"(?:\s+(?:de|of|is|es|é|est|anda|kamu|yako|your|tu|su|seu|sua|seguridad|segurança|seguranca|"
    r"verificaci[oó]n|verifica[cç][aã]o|verification|security|keamanan|sekali|pakai|one-time|login|acceso|acesso))"
    r"{0,3}[\s:：]*$",
    re.IGNORECASE,
)
#: words or signs just after a digit run that make it an amount, a date, a time or a measure
_NOT_AFTER = re.compile(
    r"^\s*(?:元|块|塊|圆|圓|円|원|萬|万|亿|億|年|月|日|号|號|時|时|点|點|分钟|分鐘|秒|天|小时|小時|個|个|次|条|笔|筆|"
    r"%|％|/-|€|\$|£|¥|₹|rs\b|rupees?|pesos?|reais|real\b|soles|rupiah|ringgit|baht|dong\b|đ(?![a-zà-ỹ])|ksh|kes|shillings?|cedis?|naira|"
    r"usd|eur|gbp|hkd|cny|rmb|jpy|krw|inr|php|idr|myr|thb|vnd|brl|mxn|cop|pen|ars|clp|fcfa|cfa|birr|"
    r"am\b|pm\b|hrs?\b|horas?|jam\b|minutes?|mins?\b|giờ|kg|km|gb|mb)",
    re.IGNORECASE,
)
#: words just before a digit run that offer it as a number to call or text
CALL_CONTEXT = re.compile(
    r"(?:call|phone|tel|mobile|hotline|helpline|whatsapp|contact|text|sms|dial|reach|ring|"
    r"致电|致電|拨打|撥打|拨|撥|回拨|回撥|回电|回電|电话|電話|热线|熱線|专线|專線|客服|联系|聯絡|聯繫|"
    r"llam[ea]|llamar|marc[ae]|tel[eé]fono|contacto|ligue|ligar|telefone|whats|"
    r"number|n[uú]mero|numero|nomor|hubungi|telepon|menelepon|nelpon|telp|kontak|cs\b|gọi|số|โทร|कॉल|फ़ोन|फोन|नंबर|piga|simu|namba|"
    r"電話番号|電話|연락|전화)"
    r"[^\n]{0,16}$",
    re.IGNORECASE,
)
#: words just after a digit run that offer it as a number to call (Hindi, Japanese, Korean)
CALL_AFTER = re.compile(r"^\s*(?:पर\s*(?:कॉल|फ़ोन|फोन)|に(?:お)?電話|まで(?:お)?電話|(?:으)?로\s*(?:전화|연락))")
_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{1,2}[/.]\d{1,2}$")


class Candidate:
    """A number or dial code found in the text: its span in the original string and its text."""

    __slots__ = ("dial", "span", "text")

    def __init__(self, span: tuple[int, int], text: str, dial: bool) -> None:
        self.span = span
        self.text = text
        self.dial = dial


def _call(is_number: Callable[[str, Callable[[], bool]], bool], called: Callable[[], bool], piece: str) -> bool:
    return is_number(piece, called)


def _never() -> bool:
    return False


def _called(ft: str, start: int, end: int) -> bool:
    return bool(_CALL_CONTEXT_FOLDED.search(ft[max(0, start - 28) : start]) or CALL_AFTER.match(ft[end : end + 16]))


_SPACES = re.compile(r"\s+")


def _pieces(run: str) -> Iterator[tuple[int, int]]:
    """Split points of a run: the offsets after which a space separates two groups."""
    for m in _SPACES.finditer(run):
        yield m.start(), m.end()


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, read from Python's own parse of it
    (lookarounds skipped); None when that cannot be told (a class by category, an optional start,
    an unfamiliar parse). Only literals, ranges of literals, groups and alternations are followed."""
    import importlib

    try:
        parser: Any = importlib.import_module("re._parser")  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        parser = importlib.import_module("sre_parse")

    def first(items: list[Any]) -> set[str] | None:
        for op, av in items:
            name = str(op)
            if name in ("ASSERT", "ASSERT_NOT", "AT"):
                continue  # takes no character
            if name == "LITERAL":
                return {chr(av)}
            if name == "IN":
                found: set[str] = set()
                for item_op, item_av in av:
                    if str(item_op) == "LITERAL":
                        found.add(chr(item_av))
                    elif str(item_op) == "RANGE" and item_av[1] - item_av[0] < 4096:
                        found.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
                    else:
                        return None
                return found
            if name == "SUBPATTERN":
                return first(list(av[-1]))
            if name == "BRANCH":
                union: set[str] = set()
                for alternative in av[1]:
                    found_alt = first(list(alternative))
                    if found_alt is None:
                        return None
                    union |= found_alt
                return union
            return None
        return None

    try:
        found = first(list(parser.parse(pattern)))
    except Exception:  # pragma: no cover - an unfamiliar parse: no shortcut
        return None
    return frozenset(found) if found else None


def on_folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (compiled with IGNORECASE) for searching casefolded text: without IGNORECASE
    (folded text has no capitals to ignore, and the pattern is written in folded letters: a test
    checks it), and led by a lookahead for the characters a match can start with, so that a
    search skips in C the places where none can start instead of trying every alternative there
    (a word list of a few hundred alternatives searched over 22 characters: 10 µs → 2 µs)."""
    starts = first_characters(pattern.pattern)
    if starts is None:
        return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    lead = "(?=[" + "".join(re.escape(c) for c in sorted(starts)) + "])"
    return re.compile(lead + pattern.pattern, pattern.flags & ~re.IGNORECASE)


_ANY_NOT_BEFORE = re.compile(f"(?:{_NOT_BEFORE.pattern})|(?:{_CODE_BEFORE.pattern})", re.IGNORECASE)
#: the same searches, for the casefolded text find_numbers works on
_ANY_NOT_BEFORE_FOLDED = on_folded(_ANY_NOT_BEFORE)
_CALL_CONTEXT_FOLDED = on_folded(CALL_CONTEXT)


def _excluded(folded: str, start: int, end: int) -> bool:
    if _ANY_NOT_BEFORE_FOLDED.search(folded[max(0, start - 22) : start]):
        return True
    after = folded[end : end + 12]
    if _NOT_AFTER.match(after):
        return True
    # masked numbers (138****8000) and digit groups glued to a mask
    return folded[end : end + 1] == "*" or folded[max(0, start - 1) : start] == "*"


def find_numbers(
    text: str, is_number: Callable[[str, Callable[[], bool]], bool], folded: Folded | None = None
) -> list[Candidate]:
    """The numbers and dial codes in ``text``, in text order. ``is_number(candidate, called)`` says
    whether a digit run reads as a number (valid in the region, or known to the data; ``called()``:
    whether the words around it offer it as a number to call, asked only when needed); ``folded``
    is ``fold_text(text, casefold=True)``, when the caller has it."""
    folded = folded if folded is not None else fold_text(text, casefold=True)
    ft = folded.text
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in _DIAL.finditer(ft):
        code = m.group(0)
        if len(_DIGITS.findall(code)) >= 2 and not _excluded(ft, m.start(), m.end()) and (
            "*" in code or code.endswith("#") or is_number(code, _never)  # "#9110": only a known one
        ):
            s, e = folded.span(m.start(), m.end())
            found.append(Candidate((s, e), text[s:e], True))
            taken.append((m.start(), m.end()))
    for m in _RUN.finditer(ft):
        if any(m.start() < te and ts < m.end() for ts, te in taken):
            continue
        if _excluded(ft, m.start(), m.end()):
            continue  # a reference, an amount...: the whole run is not a number
        called = functools.partial(_called, ft, m.start(), m.end())
        for start, end in _split(ft, m.start(), m.end(), functools.partial(_call, is_number, called)):
            s, e = folded.span(start, end)
            found.append(Candidate((s, e), text[s:e], False))
    found.sort(key=lambda c: c.span)
    return found


def _split(ft: str, start: int, end: int, is_number: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """The numbers inside the run ``ft[start:end]``: the longest prefix (ending at a space) that
    is a number, then the same on the rest; nothing once no prefix is a number."""
    while start < end:
        run = ft[start:end]
        cuts = [len(run)] + [a for a, _ in reversed(list(_pieces(run)))]
        for cut in cuts:
            piece = run[:cut].rstrip()
            if _usable(ft, start, start + len(piece), piece) and is_number(piece):
                yield start, start + len(piece)
                rest = run[cut:]
                skipped = len(rest) - len(rest.lstrip())
                start += cut + skipped
                break
        else:
            return  # no prefix is a number: neither is a piece of it (a reference, a sum)


_DECIMAL_NEXT = re.compile(r"[.,]\d")
_NON_DIGITS = re.compile(r"\D+")
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{1,2}")
_VERSION = re.compile(r"\d+\.\d+\.\d+(\.\d+)?")


def _usable(ft: str, start: int, end: int, piece: str) -> bool:
    digits = len(_DIGITS.findall(piece))
    if digits < 3 or digits > 17:
        return False
    if piece.endswith(")") or piece.startswith(")"):
        return False
    if _DECIMAL_NEXT.match(ft, end, end + 2) and len(_NON_DIGITS.split(piece)[-1]) <= 3:
        return False  # the start of an amount (1,288.00; 4.800.000)
    if _DATE.match(piece) or _AMOUNT.fullmatch(piece):
        return False
    if _VERSION.fullmatch(piece) and digits < 9:
        return False  # versions, IP-like groups
    return not _excluded(ft, start, end)
