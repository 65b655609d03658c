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
from typing import TYPE_CHECKING, Any

from ..model import Provider, ProviderKind
from .folding import Folded, fold_text

if TYPE_CHECKING:
    from ..catalog import Registry

__all__ = ["NameHit", "find_names"]

_LATIN = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
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


_END = ""  # the key of a trie node that ends a name
_SEPARATOR_CHARS = frozenset(" \t\n\r\u00a0-·.")


class _Matcher:
    """Every name folded (NFKC, case-folded) and without separators, in a trie walked from the
    places a name can start: the start of a Latin word, or a character that begins some name in
    another script (found by one regex, in C). Separators inside the text are skipped while
    walking, so "M Pesa", "M-Pesa" and "MPesa" are one name."""

    def __init__(self, registry: Registry) -> None:
        owners: dict[str, list[tuple[int, Provider]]] = {}
        exact: dict[str, set[str]] = {}  # common-word names: the written forms allowed
        for p in registry:
            if p.kind is not ProviderKind.WALLET:
                continue
            everyday = {e.name for e in p.everyday_names}
            for raw in p.all_names[1:]:  # not the id: a slug is not how people write a name
                name = fold_text(raw, casefold=False).text.strip()
                bare = _SEPARATORS.sub("", name).casefold()
                if len(bare) < 2 or name.casefold() in _GENERIC or not any(c.isalpha() for c in name):
                    continue  # too short, generic, or a number ("95516", "*99#"): numbers are found as numbers
                rank = 1 if raw in everyday else 0  # the provider's own names before everyday ones
                owners.setdefault(bare, []).append((rank, p))
                if _exact_case(name):
                    forms = exact.setdefault(bare, set())
                    forms.update({_SEPARATORS.sub("", name), _SEPARATORS.sub("", name).upper()})
        self.owners = owners
        self.exact = exact
        trie: dict[str, Any] = {}
        for bare in owners:
            node = trie
            for c in bare:
                node = node.setdefault(c, {})
            node[_END] = bare
        self.trie = trie
        other = sorted({b[0] for b in owners if not _LATIN.match(b[0])})
        starts = r"(?<![0-9a-z\u00c0-\u024f])[0-9a-z\u00c0-\u024f]"
        if other:
            starts += "|[" + "".join(re.escape(c) for c in other) + "]"
        self.starts = re.compile(starts)


@functools.lru_cache(maxsize=8)
def _matcher(registry: Registry) -> _Matcher:
    return _Matcher(registry)


def _choose(owners: list[tuple[int, Provider]], region: str | None) -> Provider:
    """The provider a name means: one serving the region (``M-Pesa`` in Tanzania is Vodacom's,
    ``支付寶`` in Hong Kong is AlipayHK), the one whose own name it is before one people also call
    so, then the first in data order (as ``find_provider`` resolves names)."""
    ranked = sorted(owners, key=lambda o: (region is None or region not in o[1].regions, o[0]))
    return ranked[0][1]


def _latin(c: str) -> bool:
    return bool(_LATIN.match(c))


def find_names(text: str, registry: Registry, region: str | None, folded: Folded | None = None) -> list[NameHit]:
    """Every provider name in ``text``, in text order, overlaps resolved to the longest
    (``folded``: ``fold_text(text, casefold=True)``, when the caller has it)."""
    m = _matcher(registry)
    folded = folded if folded is not None else fold_text(text, casefold=True)
    ft, trie = folded.text, m.trie
    n = len(ft)
    hits: list[tuple[int, int, Provider]] = []
    taken = 0
    for s in m.starts.finditer(ft):
        i = s.start()
        if i < taken or ft[i] not in trie:
            continue
        node, j, last, name = trie, i, -1, ""
        while j < n:
            c = ft[j]
            nxt = node.get(c)
            if nxt is None:
                if c in _SEPARATOR_CHARS and j > i:
                    j += 1
                    continue
                break
            node = nxt
            j += 1
            if _END in node:
                last, name = j, node[_END]
        while last > i:
            if _latin(name[-1]) and last < n and _latin(ft[last]):
                break  # ends inside a word (a shorter name ending here is not tried: rare)
            start, end = folded.span(i, last)
            forms = m.exact.get(name)
            if forms is not None and _SEPARATORS.sub("", fold_text(text[start:end], casefold=False).text) not in forms:
                break  # an ordinary word, not the brand as written
            hits.append((start, end, _choose(m.owners[name], region)))
            taken = last
            break
    tags = [(t.start(), t.end()) for t in _TAG.finditer(text)]
    return [NameHit((s, e), text[s:e], p, any(ts <= s and e <= te for ts, te in tags)) for s, e, p in hits]
