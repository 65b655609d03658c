"""Finding provider names in running text: every name, alias and everyday name of every wallet,
word-bounded in Latin scripts, as substrings in CJK and other scripts without spaces, in any width
and case, the longest name winning where names overlap.

Names that are also ordinary words (``DANA`` is "funds" in Indonesian; ``Wave``, ``Wise``,
``Boost``, ``Toss``) match only as the data writes them or in capitals, and words that name a
kind of thing rather than a provider (``UPI``, ``钱包`` "wallet") are not matched in text at all.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..model import Provider, ProviderKind
from .folding import fold_text

if TYPE_CHECKING:
    from ..catalog import Registry

__all__ = ["NameHit", "find_names"]

_LATIN = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
#: Boundaries of a Latin name: no Latin letter or digit right before or after it.
_BEFORE = r"(?<![0-9a-zA-Z\u00c0-\u024f])"
_AFTER = r"(?![0-9a-zA-Z\u00c0-\u024f])"
_SEPARATORS = re.compile(r"[\s\-·.]+")
#: Sender tags and "From:" lines: a name inside one is a claim to be that provider.
_TAG = re.compile(r"[【\[〔［「]([^】\]〕］」\n]{1,40})[】\]〕］」]|(?:^|\n)\s*(?:from|de|dari|发件人|來自|来自)\s*[:：]\s*([^\n,;]{1,40})", re.IGNORECASE)


class NameHit:
    __slots__ = ("provider", "span", "strong", "text")

    def __init__(self, span: tuple[int, int], text: str, provider: Provider, strong: bool) -> None:
        self.span = span
        self.text = text
        self.provider = provider
        self.strong = strong


#: brand names that are also ordinary words in the languages of their markets
_COMMON_WORDS = frozenset(
    {
        "dana", "wave", "wise", "line", "boost", "chime", "mach", "modo", "plin", "kuda", "momo", "maya",
        "ovo", "swish", "payme", "toss", "deuna", "yappy", "coins", "free money", "merpay", "au pay",
    }
)
#: words that name a kind of thing, not one provider: never matched as a provider in text
_GENERIC = frozenset(
    {"upi", "यूपीआई", "钱包", "錢包", "ウォレット", "wallet app", "wallet", "e-wallet", "coins", "pay", "payments", "au"}
)


def _exact_case(name: str) -> bool:
    """Names that are ordinary words: matched in the case the data writes them (or capitals) only."""
    return name.casefold() in _COMMON_WORDS


def _pattern(name: str) -> str:
    parts = [re.escape(p) for p in _SEPARATORS.split(name.strip()) if p]
    body = r"[\s\-·.]?".join(parts)
    before = _BEFORE if _LATIN.match(name.strip()[:1] or " ") else ""
    after = _AFTER if _LATIN.match(name.strip()[-1:] or " ") else ""
    return f"{before}{body}{after}"


class _Matcher:
    def __init__(self, registry: Registry) -> None:
        owners_i: dict[str, list[tuple[int, Provider]]] = {}
        owners_c: dict[str, list[tuple[int, Provider]]] = {}
        for p in registry:
            if p.kind is not ProviderKind.WALLET:
                continue
            everyday = {e.name for e in p.everyday_names}
            for raw in p.all_names[1:]:  # not the id: a slug is not how people write a name
                name = fold_text(raw, casefold=False).text.strip()
                if len(_SEPARATORS.sub("", name)) < 2 or name.casefold() in _GENERIC or not any(c.isalpha() for c in name):
                    continue  # too short, generic, or a number ("95516", "*99#"): numbers are found as numbers
                rank = 1 if raw in everyday else 0  # the provider's own names before everyday ones
                if _exact_case(name):
                    for form in {name, name.upper()}:
                        owners_c.setdefault(form, []).append((rank, p))
                else:
                    owners_i.setdefault(name.casefold(), []).append((rank, p))
        self.by_bare_i = self._bare(owners_i, casefold=True)
        self.by_bare_c = self._bare(owners_c, casefold=False)
        self.rx_i = self._compile(owners_i, re.IGNORECASE)  # the text is case-folded first
        self.rx_c = self._compile(owners_c, 0)

    @staticmethod
    def _bare(owners: dict[str, list[tuple[int, Provider]]], *, casefold: bool) -> dict[str, list[tuple[int, Provider]]]:
        """Owners by the name without separators ("Coins.ph", "Coins ph" and "coinsph" are one)."""
        out: dict[str, list[tuple[int, Provider]]] = {}
        for k, v in owners.items():
            key = _SEPARATORS.sub("", k)
            out.setdefault(key.casefold() if casefold else key, []).extend(v)
        return out

    @staticmethod
    def _compile(names: dict[str, list[tuple[int, Provider]]], flags: int) -> re.Pattern[str] | None:
        if not names:
            return None
        ordered = sorted(names, key=lambda n: (-len(n), n))
        return re.compile("|".join(_pattern(n) for n in ordered), flags)


@functools.lru_cache(maxsize=8)
def _matcher(registry: Registry) -> _Matcher:
    return _Matcher(registry)


def _choose(owners: list[tuple[int, Provider]], region: str | None) -> Provider:
    """The provider a name means: one serving the region (``M-Pesa`` in Tanzania is Vodacom's,
    ``支付寶`` in Hong Kong is AlipayHK), the one whose own name it is before one people also call
    so, then the first in data order (as ``find_provider`` resolves names)."""
    ranked = sorted(owners, key=lambda o: (region is None or region not in o[1].regions, o[0]))
    return ranked[0][1]


def find_names(text: str, registry: Registry, region: str | None) -> list[NameHit]:
    """Every provider name in ``text``, in text order, overlaps resolved to the longest."""
    m = _matcher(registry)
    hits: list[tuple[int, int, Provider]] = []
    for casefold, rx, table in ((True, m.rx_i, m.by_bare_i), (False, m.rx_c, m.by_bare_c)):
        if rx is None:
            continue
        folded = fold_text(text, casefold=casefold)
        for found in rx.finditer(folded.text):
            key = _SEPARATORS.sub("", found.group(0))
            owners = table.get(key.casefold() if casefold else key)
            if owners is None:
                continue
            start, end = folded.span(found.start(), found.end())
            hits.append((start, end, _choose(owners, region)))
    # overlaps: the longest wins, then the earliest
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    kept: list[tuple[int, int, Provider]] = []
    for h in hits:
        if all(h[1] <= k[0] or h[0] >= k[1] for k in kept):
            kept.append(h)
    kept.sort()
    tags = [(t.start(), t.end()) for t in _TAG.finditer(text)]
    return [
        NameHit((s, e), text[s:e], p, any(ts <= s and e <= te for ts, te in tags))
        for s, e, p in kept
    ]
