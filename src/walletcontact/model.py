"""The data model: frozen attrs classes, tuples rather than lists, enums that are strings.

Nothing here reads files or imports phonenumbers or cattrs; that keeps ``import walletcontact`` cheap.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar, Union, cast, get_args

import attrs

if TYPE_CHECKING:
    import datetime as _dt
else:
    try:  # ``date`` from the C module alone: on CPython 3.11, importing datetime.py first runs its
        import _datetime as _dt  # pure-Python classes (about 1 ms) only to replace them with these
    except ImportError:  # pragma: no cover - an implementation without it
        import datetime as _dt

from .kinds import (
    CONFIDENCE_RANK,
    OFFICIAL_KINDS,
    REPORTED_KINDS,
    TOPICS,
    TYPE_RANK,
    WEAK_KINDS,
    AbroadStatus,
    ChannelType,
    Confidence,
    Cost,
    Direction,
    PhoneSupportStatus,
    ProviderKind,
    SourceKind,
)
from .urls import url_host

__all__ = [
    "OFFICIAL_KINDS",
    "REPORTED_KINDS",
    "TOPICS",
    "WEAK_KINDS",
    "AbroadStatus",
    "AbroadSupport",
    "AppChannel",
    "CallerPolicy",
    "Channel",
    "ChannelType",
    "CommunityChannel",
    "Confidence",
    "Cost",
    "Direction",
    "Disagreement",
    "EmailChannel",
    "GenericProcedure",
    "Hours",
    "LocalizedList",
    "LocalizedText",
    "PhoneChannel",
    "PhoneSupport",
    "PhoneSupportStatus",
    "Procedure",
    "Provider",
    "ProviderKind",
    "ProviderProcedure",
    "RecordedNumber",
    "SmsSenderChannel",
    "SocialChannel",
    "Source",
    "SourceKind",
    "Span",
    "UssdChannel",
    "WebsiteChannel",
    "locale_chain",
]


_FALLBACKS: Mapping[str, tuple[str, ...]] = {
    "zh-hk": ("zh-Hant",),
    "zh-tw": ("zh-Hant",),
    "zh-mo": ("zh-Hant",),
    "zh-hant": ("zh-Hant",),
    "zh-cn": ("zh-Hans",),
    "zh-sg": ("zh-Hans",),
    "zh-hans": ("zh-Hans",),
    "zh": ("zh-Hans",),
}


def locale_chain(locale: str | None) -> tuple[str, ...]:
    """The locales to try, most specific first, ending in ``en``.

    >>> locale_chain("zh-HK")
    ('zh-HK', 'zh-Hant', 'zh-Hans', 'en')
    >>> locale_chain("en_GB.UTF-8")
    ('en-GB', 'en')
    >>> locale_chain("pt-BR")
    ('pt-BR', 'pt', 'en')
    """
    if not locale:
        return ("en",)
    tag = locale.split(".", 1)[0].split("@", 1)[0].replace("_", "-").strip()
    if not tag or tag.upper() in ("C", "POSIX"):
        return ("en",)
    chain: list[str] = [tag]
    low = tag.lower()
    script_tag = _FALLBACKS.get(low)
    if script_tag is None and low.startswith("zh-hant"):
        script_tag = ("zh-Hant",)
    if script_tag is None and low.startswith("zh-hans"):
        script_tag = ("zh-Hans",)
    if script_tag is not None:
        chain.extend(script_tag)
        if script_tag[0] == "zh-Hant":
            chain.append("zh-Hans")
    else:
        parts = tag.split("-")
        for i in range(len(parts) - 1, 0, -1):
            chain.append("-".join(parts[:i]))
    chain.append("en")
    seen: dict[str, None] = {}
    for item in chain:
        seen.setdefault(item, None)
    return tuple(seen)


def _pick(values: tuple[tuple[str, object], ...], locale: str | None) -> object:
    lowered = {k.lower(): v for k, v in values}
    for candidate in locale_chain(locale):
        hit = lowered.get(candidate.lower())
        if hit is not None:
            return hit
    return values[0][1]


_EQ_FIELDS: dict[type, tuple[str, ...]] = {}  # class → its compared fields (a race writes the same tuple)


class _Repr:
    """The model's ``__repr__``, ``__eq__`` and ``__hash__``, written once.

    They behave as attrs' own (the repr reads ``Source(url='…', kind=<SourceKind.PROVIDER:
    'provider'>, …)``; equal when the class and every field are equal), but attrs would generate
    and compile them for each class when the model is imported; shared methods make loading the
    data about 5 ms quicker. The model has no cycles, so no recursion guard.
    """

    __slots__ = ()

    def _values(self) -> tuple[object, ...]:
        """The values that equality and hashing compare (the fields attrs would: ``eq=True``)."""
        cls = type(self)
        names = _EQ_FIELDS.get(cls)
        if names is None:
            names = _EQ_FIELDS.setdefault(cls, tuple(a.name for a in attrs.fields(cast("type[attrs.AttrsInstance]", cls)) if a.eq))
        return tuple(getattr(self, n) for n in names)

    def __repr__(self) -> str:
        shown = attrs.fields(cast("type[attrs.AttrsInstance]", type(self)))
        fields = ", ".join(f"{a.name}={getattr(self, a.name)!r}" for a in shown if a.repr)
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Repr) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        return hash((self.__class__, *self._values()))


@attrs.frozen(repr=False, eq=False)
class LocalizedText(_Repr):
    """Text in several locales. ``get(locale)`` falls back zh-HK → zh-Hant → zh-Hans → en.

    >>> t = LocalizedText.of({"en": "Help", "zh-Hans": "帮助"})
    >>> t.get("zh-TW"), t.get("fr"), str(t)
    ('帮助', 'Help', 'Help')
    """

    values: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, mapping: Mapping[str, str]) -> LocalizedText:
        return cls(tuple(mapping.items()))

    def get(self, locale: str | None = "en") -> str:
        result = _pick(self.values, locale)
        assert isinstance(result, str)
        return result

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.values)

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)

    def __str__(self) -> str:
        return self.get("en")


@attrs.frozen(repr=False, eq=False)
class LocalizedList(_Repr):
    """A list of strings per locale (steps, app menu paths), with the same fallback as text."""

    values: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def of(cls, mapping: Mapping[str, list[str] | tuple[str, ...]]) -> LocalizedList:
        return cls(tuple((k, tuple(v)) for k, v in mapping.items()))

    def get(self, locale: str | None = "en") -> tuple[str, ...]:
        result = _pick(self.values, locale)
        assert isinstance(result, tuple)
        return result

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.values)

    def as_dict(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self.values}


@attrs.frozen(repr=False, eq=False)
class Source(_Repr):
    """Where a fact was seen."""

    url: str
    kind: SourceKind
    seen: _dt.date
    note: str | None = None
    #: for a ``provider-copy``: the original page's URL on the provider's domain
    copy_of: str | None = None

    @property
    def host(self) -> str:
        """The host a browser goes to; ``""`` for a URL that data may not carry (see
        :mod:`walletcontact.urls`)."""
        return url_host(self.url)


@attrs.frozen(repr=False, eq=False)
class Span(_Repr):
    """Days of the week and a time range, in the owning :class:`Hours`' time zone."""

    days: tuple[str, ...]
    start: str
    end: str


@attrs.frozen(repr=False, eq=False)
class Hours(_Repr):
    time_zone: str
    spans: tuple[Span, ...]
    notes: LocalizedText | None = None

    @property
    def always_open(self) -> bool:
        days: set[str] = set()
        for s in self.spans:
            if s.start == "00:00" and s.end == "24:00":
                days.update(s.days)
        return len(days) == 7

    def describe(self) -> str:
        """A compact human summary such as ``'mon-sun 09:00-22:00 (Asia/Shanghai)'``."""
        if self.always_open:
            return f"24/7 ({self.time_zone})"
        parts = [f"{_days(s.days)} {s.start}-{s.end}" for s in self.spans]
        return f"{', '.join(parts)} ({self.time_zone})"


_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _days(days: tuple[str, ...]) -> str:
    idx = sorted(_WEEK.index(d) for d in days if d in _WEEK)
    if idx and idx == list(range(idx[0], idx[-1] + 1)) and len(idx) > 2:
        return f"{_WEEK[idx[0]]}-{_WEEK[idx[-1]]}"
    return ",".join(_WEEK[i] for i in idx)


@attrs.frozen(kw_only=True, repr=False, eq=False)
class _ChannelBase(_Repr):
    confidence: Confidence
    sources: tuple[Source, ...]
    verified_on: _dt.date
    label: LocalizedText | None = None
    notes: LocalizedText | None = None

    TYPE: ClassVar[ChannelType]

    @property
    def type(self) -> ChannelType:
        return self.TYPE

    @property
    def trust_rank(self) -> tuple[int, int]:
        """Sort key: lower is more trusted (type order first, then confidence)."""
        return (TYPE_RANK[self.TYPE], CONFIDENCE_RANK[self.confidence])


@attrs.frozen(kw_only=True, repr=False, eq=False)
class PhoneChannel(_ChannelBase):
    """A phone number as the provider publishes it."""

    TYPE: ClassVar[ChannelType] = ChannelType.PHONE

    number: str
    region: str
    direction: Direction
    purposes: tuple[str, ...] = ()
    hours: Hours | None = None
    busy: tuple[Span, ...] = ()
    languages: tuple[str, ...] = ()
    cost: Cost = Cost.UNKNOWN
    carrier_short_code: bool = False
    shared_with: tuple[str, ...] = ()
    #: calls from this short number show the caller's local area code before it (China's 96110
    #: calls show 025-96110): only then is "area code + number" on a caller ID this channel
    calls_show_area_code: bool = False
    #: the number the provider gives for callers outside ``region`` (written with its country code)
    abroad: bool = False


@attrs.frozen(kw_only=True, repr=False, eq=False)
class WebsiteChannel(_ChannelBase):
    TYPE: ClassVar[ChannelType] = ChannelType.WEBSITE

    url: str
    purposes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class AppChannel(_ChannelBase):
    """Where support is inside the provider's app."""

    TYPE: ClassVar[ChannelType] = ChannelType.APP

    app: str
    path: LocalizedList
    platforms: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class SocialChannel(_ChannelBase):
    TYPE: ClassVar[ChannelType] = ChannelType.SOCIAL

    network: str
    handle: str
    url: str | None = None


@attrs.frozen(kw_only=True, repr=False, eq=False)
class CommunityChannel(_ChannelBase):
    """A user forum: useful for experience, never for numbers."""

    TYPE: ClassVar[ChannelType] = ChannelType.COMMUNITY

    name: str
    url: str


@attrs.frozen(kw_only=True, repr=False, eq=False)
class EmailChannel(_ChannelBase):
    TYPE: ClassVar[ChannelType] = ChannelType.EMAIL

    address: str


@attrs.frozen(kw_only=True, repr=False, eq=False)
class UssdChannel(_ChannelBase):
    """A USSD menu the provider runs (``*334#``): dialled by the customer to use the wallet. It is
    not a number to call, and a code that carries someone else's number or an amount is not it."""

    TYPE: ClassVar[ChannelType] = ChannelType.USSD

    code: str
    region: str
    opens: LocalizedText
    carriers: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False, eq=False)
class SmsSenderChannel(_ChannelBase):
    """The sender ID (``MPESA``, ``AlipayHK``, ``95188``) the provider's own text messages come
    from. Sender IDs can be spoofed: a message from it is not proof that the provider sent it."""

    TYPE: ClassVar[ChannelType] = ChannelType.SMS_SENDER

    sender: str
    region: str
    carriers: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()


Channel = Union[  # noqa: UP007 - a runtime alias cattrs dispatches on
    PhoneChannel,
    WebsiteChannel,
    AppChannel,
    SocialChannel,
    CommunityChannel,
    EmailChannel,
    UssdChannel,
    SmsSenderChannel,
]
#: the channel classes, in the order of the union above (one list to extend)
CHANNEL_CLASSES: tuple[type[_ChannelBase], ...] = get_args(Channel)


@attrs.frozen(repr=False, eq=False)
class AbroadSupport(_Repr):
    """What a provider whose home line is short or national-only offers callers abroad."""

    status: AbroadStatus
    note: LocalizedText | None = None
    sources: tuple[Source, ...] = ()


@attrs.frozen(repr=False, eq=False)
class PhoneSupport(_Repr):
    status: PhoneSupportStatus
    sources: tuple[Source, ...] = ()
    note: LocalizedText | None = None
    abroad: AbroadSupport | None = None


@attrs.frozen(repr=False, eq=False)
class CallerPolicy(_Repr):
    """Something the provider says it never (or always) does when it phones people."""

    code: str
    text: LocalizedText
    confidence: Confidence
    sources: tuple[Source, ...]


@attrs.frozen(kw_only=True, repr=False, eq=False)
class RecordedNumber(_Repr):
    """A number recorded as fake/misattributed, or seen only on weak sources (never validates)."""

    number: str
    region: str
    note: LocalizedText
    sources: tuple[Source, ...]
    verified_on: _dt.date
    display: bool = False


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ProviderProcedure(_Repr):
    """A provider's own steps for a topic; layered over the generic procedure."""

    topic: str
    steps: LocalizedList
    sources: tuple[Source, ...]
    verified_on: _dt.date
    app_path: LocalizedList | None = None
    escalate: LocalizedText | None = None
    limits: LocalizedText | None = None


@attrs.frozen(kw_only=True, repr=False, eq=False)
class GenericProcedure(_Repr):
    topic: str
    title: LocalizedText
    steps: LocalizedList
    escalate: LocalizedText
    sources: tuple[Source, ...] = ()
    verified_on: _dt.date | None = None


@attrs.frozen(repr=False, eq=False)
class Disagreement(_Repr):
    subject: str
    note: LocalizedText
    sources: tuple[Source, ...] = ()


@attrs.frozen(repr=False, eq=False)
class EverydayName(_Repr):
    """A name people use for a provider (the app's or the company's, a short form, a
    transliteration), in the locale they use it in: ``微信`` (zh-Hans) for WeChat Pay."""

    name: str
    locale: str


@attrs.frozen(kw_only=True, cache_hash=True, repr=False)
class Provider(_Repr):
    """A wallet provider or a government anti-fraud authority."""

    id: str
    names: LocalizedText
    operator: str
    regions: tuple[str, ...]
    phone_support: PhoneSupport
    sources: tuple[Source, ...]
    verified_on: _dt.date
    kind: ProviderKind = ProviderKind.WALLET
    aliases: tuple[str, ...] = ()
    everyday_names: tuple[EverydayName, ...] = ()
    domains: tuple[str, ...] = ()
    channels: tuple[Channel, ...] = ()
    caller_policies: tuple[CallerPolicy, ...] = ()
    known_fakes: tuple[RecordedNumber, ...] = ()
    unverified: tuple[RecordedNumber, ...] = ()
    procedures: tuple[ProviderProcedure, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def name(self) -> str:
        """The English name."""
        return self.names.get("en")

    def display_name(self, locale: str | None = "en") -> str:
        return self.names.get(locale)

    @property
    def all_names(self) -> tuple[str, ...]:
        """The id, every locale's name, the aliases and the everyday names (what lookups match)."""
        return (self.id, *(n for _, n in self.names.values), *self.aliases, *(e.name for e in self.everyday_names))

    @property
    def phones(self) -> tuple[PhoneChannel, ...]:
        return tuple(c for c in self.channels if isinstance(c, PhoneChannel))

    def channels_by_trust(self) -> tuple[Channel, ...]:
        """Channels, most trusted first (stable within a rank)."""
        return tuple(sorted(self.channels, key=lambda c: c.trust_rank))

    def is_official_domain(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def __iter__(self) -> Iterator[Channel]:
        return iter(self.channels)


@attrs.frozen(kw_only=True, repr=False, eq=False)
class Procedure(_Repr):
    """A procedure resolved for one locale: the provider's own steps first, then the generic ones."""

    topic: str
    locale: str
    title: str
    steps: tuple[str, ...]
    escalate: str
    provider: Provider | None = None
    app_path: tuple[str, ...] = ()
    limits: str | None = None
    escalate_to: tuple[Channel, ...] = ()
    report_to: tuple[PhoneChannel, ...] = ()
    sources: tuple[Source, ...] = ()
    #: the authorities' report websites and e-mail addresses for the provider's regions
    report_online: tuple[Channel, ...] = ()

    def __str__(self) -> str:
        lines = [self.title]
        lines += [f"{i}. {s}" for i, s in enumerate(self.steps, 1)]
        if self.limits:
            lines.append(self.limits)
        lines.append(self.escalate)
        return "\n".join(lines)
