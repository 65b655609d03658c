"""The model's vocabularies: string enums, the trust order of channel types, the procedure topics.

Nothing here reads files; :mod:`walletcontact.model` re-exports every name.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

from .errors import InvalidArgumentError

__all__ = [
    "CONFIDENCE_RANK",
    "ENUMS",
    "OFFICIAL_KINDS",
    "REPORTED_KINDS",
    "TOPICS",
    "TYPE_RANK",
    "WEAK_KINDS",
    "AbroadStatus",
    "ChannelType",
    "Confidence",
    "Cost",
    "Direction",
    "PhoneSupportStatus",
    "ProviderKind",
    "SourceKind",
    "choice",
]


_E = TypeVar("_E", bound=Enum)


def choice(cls: type[_E], value: object, what: str) -> _E:
    """``cls(value)``, or :class:`InvalidArgumentError` naming the values ``what`` can take.

    >>> choice(Direction, "outbound", "direction")
    <Direction.OUTBOUND: 'outbound'>
    >>> choice(Direction, "sideways", "direction")
    Traceback (most recent call last):
    ...
    walletcontact.errors.InvalidArgumentError: direction must be one of inbound, outbound, both; not 'sideways'
    """
    try:
        return cls(value)
    except ValueError:
        known = ", ".join(str(m.value) for m in cls)
        raise InvalidArgumentError(f"{what} must be one of {known}; not {value!r}") from None


class _StrEnum(str, Enum):
    def __str__(self) -> str:
        return str(self.value)


class Confidence(_StrEnum):
    """How far a channel can be trusted: shown with every answer."""

    OFFICIAL = "official"  #: stated on the provider's own site or a government page
    REPORTED = "reported"  #: independent sources agree, no official page found


class SourceKind(_StrEnum):
    """What kind of page a source is: a fixed vocabulary that decides what a source can carry.

    ``provider``, ``provider-copy``, ``government`` and ``regulator`` can carry ``official``;
    ``press``, ``directory``, ``regulator`` and ``forum`` count towards ``reported`` (two of them,
    from different site families); ``paste``, ``content-farm`` and ``code`` are never evidence.
    The first vocabulary's values are still read: ``official`` as ``provider``, ``news`` as
    ``press``, ``third-party`` as ``directory``.

    >>> SourceKind("news"), SourceKind.OFFICIAL
    (<SourceKind.PRESS: 'press'>, <SourceKind.PROVIDER: 'provider'>)
    """

    PROVIDER = "provider"  #: a page on the provider's own domains
    PROVIDER_COPY = "provider-copy"  #: a faithful copy of such a page (``copy_of`` names the original)
    GOVERNMENT = "government"  #: a government page
    REGULATOR = "regulator"  #: a financial or telecom regulator's own page
    PRESS = "press"  #: a news article
    DIRECTORY = "directory"  #: a third-party directory or guide that is not a content farm
    FORUM = "forum"  #: a user forum or Q&A thread
    PASTE = "paste"  #: a paste site: never evidence
    CONTENT_FARM = "content-farm"  #: pages that copy each other for search traffic: never evidence
    CODE = "code"  #: a code snippet or rule list: never evidence
    # the first vocabulary's names (aliases, so ``SourceKind.OFFICIAL is SourceKind.PROVIDER``)
    OFFICIAL = "provider"
    NEWS = "press"
    THIRD_PARTY = "directory"

    @classmethod
    def _missing_(cls, value: object) -> SourceKind | None:
        return {"official": cls.PROVIDER, "news": cls.PRESS, "third-party": cls.DIRECTORY}.get(str(value))


#: Source kinds that carry ``official`` (with a host the policy accepts for the record).
OFFICIAL_KINDS = frozenset({SourceKind.PROVIDER, SourceKind.PROVIDER_COPY, SourceKind.GOVERNMENT, SourceKind.REGULATOR})
#: Source kinds that count towards ``reported``: two, from different site families.
REPORTED_KINDS = frozenset({SourceKind.PRESS, SourceKind.DIRECTORY, SourceKind.REGULATOR, SourceKind.FORUM})
#: Source kinds that are never evidence for a channel.
WEAK_KINDS = frozenset({SourceKind.PASTE, SourceKind.CONTENT_FARM, SourceKind.CODE})


class Direction(_StrEnum):
    """Which way a number is used."""

    INBOUND = "inbound"  #: customers call it
    OUTBOUND = "outbound"  #: the provider calls from it
    BOTH = "both"

    def allows(self, wanted: Direction) -> bool:
        """Whether a channel with this direction serves calls going ``wanted``."""
        return self is Direction.BOTH or wanted is Direction.BOTH or self is wanted


class ProviderKind(_StrEnum):
    WALLET = "wallet"
    AUTHORITY = "authority"  #: a government anti-fraud or fraud-report body


class PhoneSupportStatus(_StrEnum):
    PUBLISHED = "published"  #: at least one phone number is published
    NONE = "none"  #: the provider says it has no phone support
    VIA_BANK = "via-bank"  #: support comes from the user's bank
    UNLISTED = "unlisted"  #: the provider may have a line, but we ship no verified number for it


class AbroadStatus(_StrEnum):
    PUBLISHED = "published"  #: a phone channel with ``abroad: true`` is the line for callers abroad
    NONE = "none"  #: the provider says it has no line for callers abroad
    UNLISTED = "unlisted"  #: no number for callers abroad could be found; the note says where to go


class Cost(_StrEnum):
    TOLL_FREE = "toll-free"
    STANDARD = "standard"
    SHARED_COST = "shared-cost"
    PREMIUM = "premium"
    UNKNOWN = "unknown"


class ChannelType(_StrEnum):
    PHONE = "phone"
    WEBSITE = "website"
    APP = "app"
    SOCIAL = "social"
    COMMUNITY = "community"
    EMAIL = "email"
    USSD = "ussd"
    SMS_SENDER = "sms-sender"


ENUMS: tuple[type[Enum], ...] = (
    Confidence, SourceKind, Direction, ProviderKind, PhoneSupportStatus, Cost, ChannelType, AbroadStatus
)

#: Default trust order across channel types (lower is more trusted): the official website first,
#: then the app, the numbers those publish, the USSD menus, e-mail, official social accounts, user communities, and last the SMS sender IDs (which can be
#: spoofed, and are never a way to reach anyone).
TYPE_RANK: Mapping[ChannelType, int] = {
    ChannelType.WEBSITE: 0,
    ChannelType.APP: 1,
    ChannelType.PHONE: 2,
    ChannelType.USSD: 3,
    ChannelType.EMAIL: 4,
    ChannelType.SOCIAL: 5,
    ChannelType.COMMUNITY: 6,
    ChannelType.SMS_SENDER: 7,
}
CONFIDENCE_RANK: Mapping[Confidence, int] = {Confidence.OFFICIAL: 0, Confidence.REPORTED: 1}

#: The fixed procedure topics.
TOPICS: tuple[str, ...] = (
    "payment-failed",
    "password-reset",
    "unknown-transaction",
    "close-account",
    "transfer-failed",
    "before-calling",
    "call-timing",
)
