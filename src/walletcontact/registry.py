"""The default registry and the query functions: what ``walletcontact.providers()``,
``get_provider()``, ``channels()``, ``get_procedure()`` and the rest answer from.

The :class:`Registry` class itself lives in :mod:`walletcontact.catalog` (and is re-exported here);
this module holds the one default registry: the built-in data, loaded once on first use, unless
:func:`set_default_registry` chose another.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Literal, TypeVar, overload

from .catalog import BUILTIN, Registry, fold, online_target
from .errors import UnknownTopicError
from .kinds import choice

if TYPE_CHECKING:
    import datetime as dt
from .model import (
    TOPICS,
    AppChannel,
    Channel,
    ChannelType,
    Direction,
    PhoneChannel,
    Procedure,
    Provider,
    WebsiteChannel,
    locale_chain,
)

__all__ = [
    "BUILTIN",
    "Registry",
    "channels",
    "default_registry",
    "find_provider",
    "fold",
    "get_procedure",
    "get_provider",
    "online_target",
    "procedures",
    "providers",
    "report_channels",
    "report_online",
    "search_providers",
    "set_default_registry",
]

T = TypeVar("T")

# ---------------------------------------------------------------- the default registry

_default: Registry | None = None  # what queries use when given no registry
_default_lock = threading.Lock()


def default_registry() -> Registry:
    """The registry queries use when none is given: the built-in data, loaded once on first use,
    unless :func:`set_default_registry` chose another."""
    reg = _default
    if reg is None:
        from .load.packaged import builtin_registry

        builtin = builtin_registry()
        with _default_lock:
            if _default is None:
                _set(builtin)
            reg = _default
    if reg is None:  # pragma: no cover - _set above made it
        raise RuntimeError("no default registry")
    return reg


def _set(reg: Registry) -> None:
    global _default
    _default = reg


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
    if previous is None:  # pragma: no cover - default_registry() above made one
        raise RuntimeError("no default registry")
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


def get_provider(key: str, *, region: str | None = None, registry: Registry | None = None) -> Provider:
    """A provider by id, any locale's name, an alias or a name people use for it (``微信`` and
    ``WeChat`` for WeChat Pay, ``Safaricom`` for M-PESA); case-, width- and accent-insensitive.
    A name that fits several providers is settled by ``region``.

    >>> get_provider("支付宝").id
    'alipay'

    Raises:
        UnknownProviderError: no provider matches (a ``LookupError``).
        AmbiguousProviderError: several match and ``region`` does not settle it (a ``LookupError``
            listing the candidates).
    """
    return _reg(registry).get(key, region)


@overload
def find_provider(
    key: str, default: None = None, *, region: str | None = None, registry: Registry | None = None
) -> Provider | None: ...
@overload
def find_provider(key: str, default: T, *, region: str | None = None, registry: Registry | None = None) -> Provider | T: ...
def find_provider(key: str, default: object = None, *, region: str | None = None, registry: Registry | None = None) -> object:
    """Like :func:`get_provider` but returns ``default`` when nothing matches (an ambiguous name
    still raises :class:`AmbiguousProviderError`)."""
    hit = _reg(registry).find(key, region)
    return default if hit is None else hit


@overload
def search_providers(query: str, *, scores: Literal[False] = False, registry: Registry | None = None) -> list[Provider]: ...
@overload
def search_providers(
    query: str, *, scores: Literal[True], registry: Registry | None = None
) -> list[tuple[Provider, int]]: ...
def search_providers(query: str, *, scores: bool = False, registry: Registry | None = None) -> object:
    """Providers ranked by match: exact, prefix, substring, then one typo (a misspelling such as
    ``Paytem``); forgiving of case, spacing, width and accents. With ``scores=True``, each with its
    score (100 exact, 80 prefix, 60 inside a name from a word start, 40 a name inside the query,
    30 one edit away, 20 inside a word of a name).

    >>> [p.id for p in search_providers("pay pal")][:1]
    ['paypal']
    >>> [(p.id, score) for p, score in search_providers("Paytem", scores=True)][:1]
    [('paytm', 30)]
    """
    found = _reg(registry).search_scored(query)
    return found if scores else [p for p, _ in found]


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
    """Government lines for ``region`` that people call: anti-fraud and fraud-report lines first,
    then the authorities' other lines (consumer helplines, regulators' complaint lines).

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


def stale_records(months: int, today: dt.date | None = None) -> list[dict[str, str]]:
    """Records (providers, channels, fakes) verified longer ago than ``months``."""
    import datetime as dt  # here: the first load needs only the C module's date (see model.py)

    today = today or dt.date.today()
    cutoff = today - dt.timedelta(days=int(months * 30.44))
    out: list[dict[str, str]] = []
    for p in default_registry():
        items: list[tuple[str, dt.date]] = [(f"{p.id}", p.verified_on)]
        items += [(f"{p.id}.channels[{i}]", c.verified_on) for i, c in enumerate(p.channels)]
        items += [(f"{p.id}.known_fakes[{i}]", f.verified_on) for i, f in enumerate(p.known_fakes)]
        out += [{"record": k, "verified_on": d.isoformat()} for k, d in items if d < cutoff]
    return out
