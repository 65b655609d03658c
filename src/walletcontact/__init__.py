"""walletcontact: official customer-service contacts of digital wallets, with sources, and verdicts
that tell official numbers from fake, look-alike and malformed ones.

>>> import walletcontact as wc
>>> wc.get_provider("支付宝").id
'alipay'
>>> wc.check_number("95188", provider="alipay", region="CN").verdict.value
'official'

Importing the package reads no file and imports only attrs and its own error classes: the model's
classes, cattrs, phonenumbers and the built-in data load on first use, once, thread-safely.
"""

from __future__ import annotations

# attrs is the foundation of every answer, and the yardstick of the import budget (import
# walletcontact ≤ import attrs + 10 ms): imported with the package, it leaves the first query only
# the model's classes and the data to load (≤ 30 ms). See docs/performance.md.
import attrs as _attrs

from ._version import __version__
from .errors import (
    AmbiguousProviderError,
    DataError,
    InvalidArgumentError,
    MalformedNumberError,
    NumberError,
    UnknownProviderError,
    UnknownTopicError,
    UnofficialNumberError,
    WalletContactError,
)

del _attrs

TYPE_CHECKING = False  # typing is not imported at run time: importing the package stays cheap
if TYPE_CHECKING:
    from typing import Any

    from .check import (
        NumberCheck,
        Reason,
        Risk,
        Verdict,
        check_caller,
        check_many,
        check_number,
        is_official_number,
        providers_for_number,
        validate_number,
    )
    from .load.documents import SCHEMA_VERSION
    from .load.layers import load_registry
    from .message import Finding, LinkCheck, SenderCheck, TextCheck, check_link, check_sender, check_text, check_texts
    from .model import (
        AppChannel,
        CallerPolicy,
        Channel,
        ChannelType,
        CommunityChannel,
        Confidence,
        Direction,
        EmailChannel,
        PhoneChannel,
        Procedure,
        Provider,
        ProviderKind,
        SmsSenderChannel,
        SocialChannel,
        Source,
        UssdChannel,
        WebsiteChannel,
    )
    from .registry import (
        Registry,
        channels,
        default_registry,
        find_provider,
        get_procedure,
        get_provider,
        procedures,
        providers,
        report_channels,
        report_online,
        search_providers,
        set_default_registry,
    )

_LAZY = {
    "AppChannel": "model",
    "CallerPolicy": "model",
    "Channel": "model",
    "ChannelType": "model",
    "CommunityChannel": "model",
    "Confidence": "model",
    "Direction": "model",
    "EmailChannel": "model",
    "PhoneChannel": "model",
    "Procedure": "model",
    "Provider": "model",
    "ProviderKind": "model",
    "SmsSenderChannel": "model",
    "SocialChannel": "model",
    "Source": "model",
    "UssdChannel": "model",
    "WebsiteChannel": "model",
    "Registry": "registry",
    "channels": "registry",
    "default_registry": "registry",
    "find_provider": "registry",
    "get_procedure": "registry",
    "get_provider": "registry",
    "procedures": "registry",
    "providers": "registry",
    "report_channels": "registry",
    "report_online": "registry",
    "search_providers": "registry",
    "set_default_registry": "registry",
    "NumberCheck": "check",
    "Reason": "check",
    "Risk": "check",
    "Verdict": "check",
    "check_caller": "check",
    "check_many": "check",
    "check_number": "check",
    "is_official_number": "check",
    "providers_for_number": "check",
    "validate_number": "check",
    "load_registry": "load.layers",
    "Finding": "message",
    "LinkCheck": "message",
    "SenderCheck": "message",
    "TextCheck": "message",
    "check_link": "message",
    "check_sender": "message",
    "check_text": "message",
    "check_texts": "message",
    "SCHEMA_VERSION": "load.documents",
}

#: The public names: the errors and the version (imported with the package), the lazy names above
#: and the two functions below (tests/test_layout.py checks this list against them).
__all__ = [
    "SCHEMA_VERSION",
    "AmbiguousProviderError",
    "AppChannel",
    "CallerPolicy",
    "Channel",
    "ChannelType",
    "CommunityChannel",
    "Confidence",
    "DataError",
    "Direction",
    "EmailChannel",
    "Finding",
    "InvalidArgumentError",
    "LinkCheck",
    "MalformedNumberError",
    "NumberCheck",
    "NumberError",
    "PhoneChannel",
    "Procedure",
    "Provider",
    "ProviderKind",
    "Reason",
    "Registry",
    "Risk",
    "SenderCheck",
    "SmsSenderChannel",
    "SocialChannel",
    "Source",
    "TextCheck",
    "UnknownProviderError",
    "UnknownTopicError",
    "UnofficialNumberError",
    "UssdChannel",
    "Verdict",
    "WalletContactError",
    "WebsiteChannel",
    "__version__",
    "channels",
    "check_caller",
    "check_link",
    "check_many",
    "check_number",
    "check_sender",
    "check_text",
    "check_texts",
    "default_registry",
    "export",
    "find_provider",
    "get_procedure",
    "get_provider",
    "is_official_number",
    "load_registry",
    "preload",
    "procedures",
    "providers",
    "providers_for_number",
    "report_channels",
    "report_online",
    "search_providers",
    "set_default_registry",
    "validate_number",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'walletcontact' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names only (what ``from walletcontact import *`` gives)."""
    return list(__all__)


def preload() -> Registry:
    """Load the built-in data and build the number index now (for servers), not on first use."""
    from .registry import default_registry

    reg = default_registry()
    reg.phone_index()
    return reg


def export(*, registry: Registry | None = None) -> dict[str, Any]:
    """All data as one document ``{"schema": 1, "providers": [...]}``, the shape custom files use."""
    from .load.documents import export_document
    from .registry import default_registry

    return export_document(registry if registry is not None else default_registry())
