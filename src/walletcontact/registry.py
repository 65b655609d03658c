"""Immutable registries of providers, the lazily loaded built-in one, and the query functions.

A :class:`Registry` is a snapshot: its tuple of providers and its indexes never change. Extending one
(:func:`walletcontact.load_registry`) builds a new registry; :func:`set_default_registry` swaps the
default in one step.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .errors import DataError, UnknownProviderError, UnknownTopicError
from .model import (
    TOPICS,
    AppChannel,
    Channel,
    ChannelType,
    Direction,
    EmailChannel,
    GenericProcedure,
    PhoneChannel,
    Procedure,
    Provider,
    ProviderKind,
    WebsiteChannel,
    choice,
    locale_chain,
)

if TYPE_CHECKING:
    from ._index import PhoneIndex

__all__ = [
    "BUILTIN",
    "Registry",
    "channels",
    "default_registry",
    "find_provider",
    "get_procedure",
    "get_provider",
    "procedures",
    "providers",
    "report_channels",
    "report_online",
    "search_providers",
    "set_default_registry",
]

T = TypeVar("T")

#: The origin recorded for records that ship with the package.
BUILTIN = "builtin"


def fold(text: str) -> str:
    """Case-, width-, accent- and spacing-insensitive form used by the name index.

    >>> fold("  Mercado  Pago ") == fold("mercadopago") == fold("MERCADO-PAGO")
    True
    >>> fold("Ｐａｙｔｍ"), fold("Ualá")
    ('paytm', 'uala')
    """
    norm = unicodedata.normalize("NFKD", text.casefold())
    kept = [c for c in norm if not unicodedata.combining(c) and (c.isalnum())]
    return unicodedata.normalize("NFC", "".join(kept))


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
    ) -> None:
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
            keys = {fold(p.id)} | {fold(n) for _, n in p.names.values} | {fold(a) for a in p.aliases}
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
        self._reports = {r: tuple(sorted(v, key=lambda c: c.trust_rank)) for r, v in reports.items()}
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
    def _from_state(cls, state: tuple[Any, ...], index: PhoneIndex | None = None) -> Registry:
        """A registry from :meth:`_state` (and maybe a ready number index), indexes not rebuilt."""
        self = cls.__new__(cls)
        for name, value in zip(cls._STATE, state, strict=True):  # ValueError on the wrong shape
            setattr(self, name, value)
        self._index = index
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
        return isinstance(key, str) and self.find(key) is not None

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

    def find(self, key: str) -> Provider | None:
        """By id, any locale's name or an alias; case-, width- and accent-insensitive."""
        if not isinstance(key, str):
            return None
        hit = self._by_id.get(key)
        if hit is not None:
            return hit
        found = self._by_name.get(fold(key))
        return found[0] if found else None

    def get(self, key: str | Provider) -> Provider:
        if isinstance(key, Provider):
            return key
        hit = self.find(key)
        if hit is None:
            raise UnknownProviderError(key)
        return hit

    def in_region(self, region: str) -> tuple[Provider, ...]:
        return self._by_region.get(region.strip().upper(), ())

    def search(self, query: str) -> list[Provider]:
        """Providers ranked by how well ``query`` matches id, names and aliases."""
        q = fold(query) if isinstance(query, str) else ""
        if not q:
            return []
        scored: list[tuple[int, int, Provider]] = []
        for order, p in enumerate(self._providers):
            best = 0
            for name in (p.id, *(n for _, n in p.names.values), *p.aliases):
                f = fold(name)
                if not f:
                    continue
                if f == q:
                    score = 100
                elif f.startswith(q):
                    score = 80
                elif q in f:
                    score = 60
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
        return [p for _, _, p in scored]

    def phone_index(self) -> PhoneIndex:
        """The number index (built on first use, once, thread-safely)."""
        idx = self._index
        if idx is None:
            with self._index_lock:
                if self._index is None:
                    from ._index import PhoneIndex

                    self._index = PhoneIndex(self)
                idx = self._index
        return idx

    def reports(self, region: str | None) -> tuple[PhoneChannel, ...]:
        if not isinstance(region, str):
            return ()
        return self._reports.get(region.strip().upper(), ())

    def reports_online(self, region: str | None) -> tuple[Channel, ...]:
        """The region's authorities' websites and e-mail addresses (see :func:`report_online`)."""
        if not isinstance(region, str):
            return ()
        return self._online.get(region.strip().upper(), ())

    def _online_upper(self, region: str) -> tuple[Channel, ...]:
        return self._online.get(region, ())

    def _reports_upper(self, region: str) -> tuple[PhoneChannel, ...]:
        """:meth:`reports` for a region code already in upper case without spaces."""
        return self._reports.get(region, ())


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
    return Registry(providers, origins=origins, procedures=procs)


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


# ---------------------------------------------------------------- the default registry

_default: Registry | None = None  # what queries use when given no registry
_builtin: Registry | None = None  # the built-in data, once read
_default_lock = threading.Lock()
_loads = 0  # how many times the built-in data was read (tests check it is once)


def default_registry() -> Registry:
    """The registry queries use when none is given: the built-in data, loaded once on first use,
    unless :func:`set_default_registry` chose another."""
    reg = _default
    if reg is None:
        builtin = _builtin_registry()
        with _default_lock:
            if _default is None:
                _set(builtin)
            reg = _default
    assert reg is not None
    return reg


def _builtin_registry() -> Registry:
    """The built-in data, loaded once (thread-safely) on first use, whatever the default is."""
    global _builtin
    reg = _builtin
    if reg is None:
        with _default_lock:
            if _builtin is None:
                _builtin = _load_builtin()
            reg = _builtin
    return reg


def _set(reg: Registry) -> None:
    global _default
    _default = reg


def _load_builtin() -> Registry:
    global _loads
    from ._snapshot import load_packaged

    _loads += 1
    reg = load_packaged()  # a wheel's ready-made registry, when it has a usable one
    if reg is None:
        from ._builtin import load_builtin

        reg = load_builtin()
    return reg


def set_default_registry(registry: Registry) -> Registry:
    """Make ``registry`` the default for every query; returns the previous default (the built-in
    registry when none was set), so ``set_default_registry(previous)`` restores it.

    The swap is one reference assignment: a query running meanwhile sees the old or the new
    registry, never a mixture.
    """
    if not isinstance(registry, Registry):
        raise TypeError("set_default_registry() needs a Registry")
    default_registry()  # so there is a previous default: the built-in data when none was set
    with _default_lock:
        previous = _default
        _set(registry)
    assert previous is not None
    return previous


def _reg(registry: Registry | None) -> Registry:
    return registry if registry is not None else default_registry()


# ---------------------------------------------------------------- queries


def providers(*, region: str | None = None, registry: Registry | None = None) -> tuple[Provider, ...]:
    """All providers (wallets and authorities), or those serving ``region``.

    >>> [p.id for p in providers(region="HK") if p.kind == "wallet"][:3]
    ['alipay-hk', ...]
    """
    reg = _reg(registry)
    if region is None:
        return reg.providers
    return reg.in_region(region)


def get_provider(key: str, *, registry: Registry | None = None) -> Provider:
    """A provider by id, any locale's name or an alias (case-insensitive).

    >>> get_provider("支付宝").id
    'alipay'

    Raises:
        UnknownProviderError: no provider matches (a ``LookupError``).
    """
    return _reg(registry).get(key)


@overload
def find_provider(key: str, default: None = None, *, registry: Registry | None = None) -> Provider | None: ...
@overload
def find_provider(key: str, default: T, *, registry: Registry | None = None) -> Provider | T: ...
def find_provider(key: str, default: object = None, *, registry: Registry | None = None) -> object:
    """Like :func:`get_provider` but returns ``default`` instead of raising."""
    hit = _reg(registry).find(key)
    return default if hit is None else hit


def search_providers(query: str, *, registry: Registry | None = None) -> list[Provider]:
    """Providers ranked by match: exact, prefix, substring, then one typo; forgiving of case,
    spacing, width and accents.

    >>> [p.id for p in search_providers("pay pal")][:1]
    ['paypal']
    """
    return _reg(registry).search(query)


def channels(
    provider: str | Provider,
    *,
    type: str | ChannelType | None = None,
    region: str | None = None,
    direction: str | Direction | None = None,
    registry: Registry | None = None,
) -> tuple[Channel, ...]:
    """A provider's channels, most trusted first.

    ``type`` filters by channel type, ``region`` keeps phone numbers dialled in that region (other
    types are kept), ``direction`` keeps phone numbers used that way (``both`` matches either).

    >>> [c.number for c in channels("wechat-pay", type="phone")]
    ['95017', '+86 571 95017']

    Raises:
        UnknownProviderError: the provider is unknown.
        InvalidArgumentError: ``type`` or ``direction`` is not a known value (a ``ValueError``).
    """
    p = _reg(registry).get(provider)
    want_type = choice(ChannelType, type, "type") if type is not None else None
    want_dir = choice(Direction, direction, "direction") if direction is not None else None
    want_region = region.strip().upper() if isinstance(region, str) else None
    out = []
    for ch in p.channels_by_trust():
        if want_type is not None and ch.TYPE is not want_type:
            continue
        if isinstance(ch, PhoneChannel):
            if want_region is not None and ch.region != want_region:
                continue
            if want_dir is not None and not ch.direction.allows(want_dir):
                continue
        elif want_dir is not None and want_type is ChannelType.PHONE:
            continue
        out.append(ch)
    return tuple(out)


def report_channels(region: str, *, registry: Registry | None = None) -> tuple[PhoneChannel, ...]:
    """Government anti-fraud and fraud-report lines for ``region`` (people call these).

    >>> [c.number for c in report_channels("CN")][:1]
    ['96110']
    """
    return _reg(registry).reports(region)


def report_online(region: str, *, registry: Registry | None = None) -> tuple[Channel, ...]:
    """Where to report a scam in ``region`` without a phone call: the government authorities'
    websites and e-mail addresses, report pages first. Some regions have these and no report line.

    >>> [c.url for c in report_online("BF")]
    ['https://alerte.bclcc.gov.bf']
    >>> report_online("HK")[0].url
    'https://www.adcc.gov.hk/'
    """
    return _reg(registry).reports_online(region)


def get_procedure(
    topic: str,
    *,
    provider: str | Provider | None = None,
    locale: str = "en",
    registry: Registry | None = None,
) -> Procedure:
    """What to do about ``topic``, in ``locale``: the provider's own steps first, then the generic ones.

    Topics: ``payment-failed``, ``password-reset``, ``unknown-transaction``, ``close-account``,
    ``transfer-failed``, ``before-calling``, ``call-timing``.

    >>> proc = get_procedure("payment-failed", locale="zh-Hans")
    >>> len(proc.steps) >= 3
    True

    Raises:
        UnknownTopicError: unknown topic (a ``KeyError``).
        UnknownProviderError: unknown provider.
    """
    reg = _reg(registry)
    generic = reg.generic_procedures.get(topic)
    if generic is None:
        raise UnknownTopicError(topic, TOPICS)
    prov = reg.get(provider) if provider is not None else None
    chain = locale_chain(locale)
    resolved = chain[0]
    steps: list[str] = []
    app_path: tuple[str, ...] = ()
    limits: str | None = None
    escalate = generic.escalate.get(locale)
    sources = list(generic.sources)
    if prov is not None:
        for own in prov.procedures:
            if own.topic != topic:
                continue
            steps.extend(own.steps.get(locale))
            if own.app_path is not None and not app_path:
                app_path = own.app_path.get(locale)
            if own.limits is not None:
                limits = own.limits.get(locale)
            if own.escalate is not None:
                escalate = own.escalate.get(locale)
            sources = list(own.sources) + sources
    steps.extend(s for s in generic.steps.get(locale) if s not in steps)
    escalate_to: tuple[Channel, ...] = ()
    report_to: tuple[PhoneChannel, ...] = ()
    online: dict[int, Channel] = {}
    if prov is not None:
        escalate_to = tuple(
            c
            for c in prov.channels_by_trust()
            if isinstance(c, (WebsiteChannel, AppChannel))
            or (isinstance(c, PhoneChannel) and c.direction.allows(Direction.INBOUND))
        )
        for r in prov.regions:
            report_to += reg.reports(r)
            online.update((id(c), c) for c in reg.reports_online(r))
    return Procedure(
        topic=topic,
        locale=resolved,
        title=generic.title.get(locale),
        steps=tuple(steps),
        escalate=escalate,
        provider=prov,
        app_path=app_path,
        limits=limits,
        escalate_to=escalate_to,
        report_to=report_to,
        report_online=tuple(online.values()),
        sources=tuple(sources),
    )


def procedures(
    *,
    provider: str | Provider | None = None,
    locale: str = "en",
    registry: Registry | None = None,
) -> tuple[Procedure, ...]:
    """Every topic's procedure for ``provider`` (or the generic ones), in ``locale``."""
    reg = _reg(registry)
    return tuple(
        get_procedure(t, provider=provider, locale=locale, registry=reg)
        for t in TOPICS
        if t in reg.generic_procedures
    )
