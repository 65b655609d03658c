"""The :class:`Registry` class: an immutable snapshot of providers with its name, region and
report indexes (re-exported by :mod:`walletcontact.registry`, where the default registry lives).

A registry never changes: extending one (:func:`walletcontact.load_registry`) builds a new one,
and :func:`walletcontact.set_default_registry` swaps the default in one step.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .errors import AmbiguousProviderError, DataError, UnknownProviderError
from .model import (
    Channel,
    Direction,
    EmailChannel,
    GenericProcedure,
    PhoneChannel,
    Provider,
    ProviderKind,
    WebsiteChannel,
)

if TYPE_CHECKING:
    from .index import PhoneIndex

__all__ = ["BUILTIN", "Registry", "fold", "online_target"]

#: The origin recorded for records that ship with the package.
BUILTIN = "builtin"


class _Loader:
    """What only the package's own loaders hold: the right to mark records as built in."""

    __slots__ = ()


#: Passed by ``load.builtin``, ``load.layers`` and unpickling as ``Registry(..., _by=LOADER)``.
LOADER = _Loader()


def fold(text: str) -> str:
    """Case-, width-, accent- and spacing-insensitive form used by the name index.

    >>> fold("  Mercado  Pago ") == fold("mercadopago") == fold("MERCADO-PAGO")
    True
    >>> fold("Ｐａｙｔｍ"), fold("Ualá")
    ('paytm', 'uala')

    A ``+`` is part of a brand (``Alipay+`` is not Alipay), read as "plus":

    >>> fold("Alipay+") == fold("Alipay Plus") != fold("Alipay")
    True
    """
    norm = unicodedata.normalize("NFKD", text.casefold()).replace("+", "plus")
    kept = [c for c in norm if not unicodedata.combining(c) and (c.isalnum())]
    return unicodedata.normalize("NFC", "".join(kept))


def _at_word_start(folded_query: str, name: str) -> bool:
    """Whether the folded query starts at the start of one of ``name``'s words."""
    words = [fold(w) for w in re.split(r"[\s\-_/.()·,]+", name)]
    return any("".join(words[i:]).startswith(folded_query) for i in range(len(words)))


class Registry:
    """An immutable snapshot of providers with indexes built once.

    Construct one with :func:`walletcontact.load_registry` or :meth:`from_providers`; the built-in
    one comes from :func:`default_registry`.
    """

    __slots__ = (
        "_by_id",
        "_by_name",
        "_by_region",
        "_index",
        "_index_lock",
        "_online",
        "_origins",
        "_procedures",
        "_providers",
        "_reports",
    )

    def __init__(
        self,
        providers: Iterable[Provider],
        *,
        origins: Mapping[str, str] | None = None,
        procedures: Iterable[GenericProcedure] = (),
        _by: object = None,
    ) -> None:
        if origins and _by is not LOADER and any(v == BUILTIN for v in origins.values()):
            # an answer naming "builtin" as a number's origin vouches for it as shipped data
            raise DataError(["<registry>: origin 'builtin' is given by the package's loader only"])
        provs = tuple(providers)
        by_id: dict[str, Provider] = {}
        dupes = []
        for p in provs:
            if p.id in by_id:
                dupes.append(f"<registry>: duplicate provider id {p.id!r}")
            by_id[p.id] = p
        if dupes:
            raise DataError(dupes)
        self._providers = provs
        self._by_id = by_id
        self._origins = dict(origins or {})
        self._procedures = {g.topic: g for g in procedures}
        by_name: dict[str, list[Provider]] = {}
        by_region: dict[str, list[Provider]] = {}
        for p in provs:
            keys = {fold(n) for n in p.all_names}
            for k in keys:
                if k:
                    by_name.setdefault(k, []).append(p)
            for r in p.regions:
                by_region.setdefault(r, []).append(p)
        self._by_name = {k: tuple(v) for k, v in by_name.items()}
        self._by_region = {k: tuple(v) for k, v in by_region.items()}
        reports: dict[str, list[PhoneChannel]] = {}
        for p in provs:
            if p.kind is ProviderKind.AUTHORITY:
                for c in p.phones:
                    if c.direction.allows(Direction.INBOUND):
                        for r in p.regions:
                            reports.setdefault(r, []).append(c)
        # scam and fraud-report lines first, then the authorities' other lines (consumer helplines,
        # regulators' complaint lines), most trusted first within each
        self._reports = {r: tuple(sorted(v, key=_report_order)) for r, v in reports.items()}
        online: dict[str, list[Channel]] = {}
        for p in provs:
            if p.kind is ProviderKind.AUTHORITY:
                for ch in p.channels:
                    if isinstance(ch, (WebsiteChannel, EmailChannel)):
                        for r in p.regions:
                            online.setdefault(r, []).append(ch)
        self._online = {r: tuple(sorted(v, key=_online_order)) for r, v in online.items()}
        self._index: PhoneIndex | None = None
        self._index_lock = threading.Lock()

    @classmethod
    def from_providers(
        cls, providers: Iterable[Provider], *, origin: str = "<python>"
    ) -> Registry:
        provs = tuple(providers)
        return cls(provs, origins={p.id: origin for p in provs})

    #: what the packaged snapshot stores: every slot but the number index and its lock
    _STATE = ("_providers", "_by_id", "_by_name", "_by_region", "_origins", "_procedures", "_reports", "_online")

    def _state(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._STATE)

    @classmethod
    def _from_state(cls, state: tuple[Any, ...]) -> Registry:
        """A registry from :meth:`_state`, indexes not rebuilt."""
        self = cls.__new__(cls)
        for name, value in zip(cls._STATE, state, strict=True):  # ValueError on the wrong shape
            setattr(self, name, value)
        self._index = None
        self._index_lock = threading.Lock()
        return self

    # pickling: rebuild the indexes on the other side
    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._providers, self._origins, tuple(self._procedures.values())))

    def __repr__(self) -> str:
        return f"<Registry: {len(self._providers)} providers>"

    def __len__(self) -> int:
        return len(self._providers)

    def __iter__(self) -> Iterator[Provider]:
        return iter(self._providers)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self._by_id or fold(key) in self._by_name)

    @property
    def providers(self) -> tuple[Provider, ...]:
        return self._providers

    @property
    def generic_procedures(self) -> Mapping[str, GenericProcedure]:
        """Topic → the generic procedure; a read-only view (the registry is immutable)."""
        return MappingProxyType(self._procedures)

    def origin(self, provider_id: str, channel_index: int | None = None) -> str:
        """Where a record came from: ``"builtin"``, a file path, a plugin or ``"<python>"``.

        With ``channel_index``, where that channel came from (an extension may add channels to a
        provider from another layer)."""
        if channel_index is not None:
            added = self._origins.get(f"{provider_id}#{channel_index}")
            if added is not None:
                return added
        return self._origins.get(provider_id, "<python>")

    def find(self, key: str, region: str | None = None) -> Provider | None:
        """By id, any locale's name, an alias or an everyday name (``微信``, ``Safaricom``);
        case-, width- and accent-insensitive. A name several providers answer to is settled by
        ``region`` (the providers serving it), else :class:`AmbiguousProviderError` is raised:
        no provider is picked silently."""
        if not isinstance(key, str):
            return None
        hit = self._by_id.get(key)
        if hit is not None:
            return hit
        found = self._by_name.get(fold(key))
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        code = region.strip().upper() if isinstance(region, str) else None
        if code:
            serving = [p for p in found if code in p.regions]
            if len(serving) == 1:
                return serving[0]
            if serving:
                found = tuple(serving)
        raise AmbiguousProviderError(key, [(p.id, p.regions) for p in found])

    def get(self, key: str | Provider, region: str | None = None) -> Provider:
        """:meth:`find`, raising :class:`UnknownProviderError` when nothing matches."""
        if isinstance(key, Provider):
            return key
        hit = self.find(key, region)
        if hit is None:
            raise UnknownProviderError(key)
        return hit

    def in_region(self, region: str) -> tuple[Provider, ...]:
        return self._by_region.get(region.strip().upper(), ())

    def search(self, query: str) -> list[Provider]:
        """Providers ranked by how well ``query`` matches id, names, aliases and everyday names."""
        return [p for p, _ in self.search_scored(query)]

    def search_scored(self, query: str) -> list[tuple[Provider, int]]:
        """(provider, score) ranked by how well ``query`` matches: 100 an exact name, 80 the start
        of one, 60 inside one from the start of a word, 40 a name inside the query, 30 one edit away
        (a misspelling), 20 inside a word of a name (``paypl`` inside "Alipay Plus")."""
        q = fold(query) if isinstance(query, str) else ""
        if not q:
            return []
        scored: list[tuple[int, int, Provider]] = []
        for order, p in enumerate(self._providers):
            best = 0
            for name in p.all_names:
                f = fold(name)
                if not f:
                    continue
                if f == q:
                    score = 100
                elif f.startswith(q):
                    score = 80
                elif q in f:
                    score = 60 if _at_word_start(q, name) else 20
                elif len(q) >= 3 and f in q:
                    score = 40
                elif len(q) >= 4 and _close(q, f):
                    score = 30
                else:
                    score = 0
                best = max(best, score)
            if best:
                scored.append((-best, order, p))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [(p, -neg) for neg, _, p in scored]

    def phone_index(self) -> PhoneIndex:
        """The number index (built on first use, once, thread-safely)."""
        idx = self._index
        if idx is None:
            with self._index_lock:
                if self._index is None:
                    from .index import PhoneIndex

                    self._index = PhoneIndex(self)
                idx = self._index
        return idx

    def reports(self, region: str | None) -> tuple[PhoneChannel, ...]:
        """The region's authorities' fraud-report lines (see :func:`report_channels`)."""
        if not isinstance(region, str):
            return ()
        found = self._reports.get(region)  # a region code as readings give it: no clean-up needed
        return found if found is not None else self._reports.get(region.strip().upper(), ())

    def report_pair(self, code: str) -> tuple[tuple[PhoneChannel, ...], tuple[Channel, ...]]:
        """``(reports(code), reports_online(code))`` for a region code as readings give it (every
        answer with a reading lists both)."""
        return self._reports.get(code, ()), self._online.get(code, ())

    def reports_online(self, region: str | None) -> tuple[Channel, ...]:
        """The region's authorities' websites and e-mail addresses (see :func:`report_online`)."""
        if not isinstance(region, str):
            return ()
        found = self._online.get(region)
        return found if found is not None else self._online.get(region.strip().upper(), ())


#: the purposes that make an authority's line a scam-report line
REPORT_PURPOSES = frozenset({"fraud-report", "anti-fraud-warning"})


def _report_order(ch: PhoneChannel) -> tuple[bool, tuple[int, int]]:
    return (not REPORT_PURPOSES.intersection(ch.purposes), ch.trust_rank)


def online_target(ch: Channel) -> str:
    """What a person types or clicks to use a report channel: a website's URL, an e-mail address."""
    if isinstance(ch, EmailChannel):
        return ch.address
    return str(getattr(ch, "url", "") or "")


def _online_order(ch: Channel) -> tuple[int, tuple[int, int]]:
    """Report pages first, then e-mail addresses, then the authorities' other pages."""
    if isinstance(ch, WebsiteChannel) and "report" in ch.purposes:
        group = 0
    elif isinstance(ch, EmailChannel):
        group = 1
    else:
        group = 2
    return group, ch.trust_rank


def _rebuild(
    providers: tuple[Provider, ...], origins: dict[str, str], procs: tuple[GenericProcedure, ...]
) -> Registry:
    return Registry(providers, origins=origins, procedures=procs, _by=LOADER)


def _close(a: str, b: str) -> bool:
    """Edit distance ≤ 1 (for forgiving search)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) <= 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


