"""The exception hierarchy. Everything the library raises derives from :class:`WalletContactError`."""

from __future__ import annotations

TYPE_CHECKING = False  # see __init__: no typing import at run time

if TYPE_CHECKING:
    from .check import NumberCheck

__all__ = [
    "AmbiguousProviderError",
    "DataError",
    "InvalidArgumentError",
    "MalformedNumberError",
    "NumberError",
    "UnknownProviderError",
    "UnknownTopicError",
    "UnofficialNumberError",
    "WalletContactError",
    "printable",
]


#: Characters Python calls printable that still hide or join text (the combining grapheme joiner,
#: Hangul fillers): escaped like the controls.
_HIDDEN = frozenset("\u034f\u115f\u1160\u3164\uffa0")


def printable(text: str) -> str:
    """``text`` safe for a terminal or a log line: every control, line break, direction-control,
    invisible or other non-printable character written as its escape (``\\x1b``, ``\\n``,
    ``\\u202e``), the rest as it is (Chinese stays Chinese).

    >>> printable("ok\\x1b[2J\\nall good \\u202egnp.exe 支付宝")
    'ok\\\\x1b[2J\\\\nall good \\\\u202egnp.exe 支付宝'
    """
    if text.isprintable() and not _HIDDEN.intersection(text):
        return text
    return "".join(c if c.isprintable() and c not in _HIDDEN else _escape(c) for c in text)


def _escape(c: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c)
    if named is not None:
        return named
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class WalletContactError(Exception):
    """Base class of every error walletcontact raises."""


#: Most problems a DataError keeps (the count says how many were found).
MAX_PROBLEMS = 200


class DataError(WalletContactError, ValueError):
    """Provider data could not be loaded.

    ``problems`` lists every problem found, each as ``"<file>: <$.json.path>: <message>"``.
    Nothing is half-loaded: when this is raised, no registry was built.
    """

    def __init__(self, problems: list[str] | tuple[str, ...] | str) -> None:
        if isinstance(problems, str):
            problems = (problems,)
        found = len(problems)
        # problems quote data (file names, keys, values): never let it drive a terminal
        kept = tuple(printable(p) for p in problems[:MAX_PROBLEMS])
        if found > MAX_PROBLEMS:
            kept += (f"... and {found - MAX_PROBLEMS} more problems",)
        self.problems: tuple[str, ...] = kept
        head = f"{found} problem{'s' if found != 1 else ''} in provider data"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class UnknownProviderError(WalletContactError, LookupError):
    """No provider has that id, name or alias."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"unknown provider: {key!r}")

    def __str__(self) -> str:  # LookupError would repr() the args
        return f"unknown provider: {self.key!r}"


class AmbiguousProviderError(WalletContactError, LookupError):
    """A name fits several providers (Alipay in mainland China and in Hong Kong) and no region
    settles it; ``candidates`` lists them (ids), ``regions`` what each serves."""

    def __init__(self, key: str, candidates: list[tuple[str, tuple[str, ...]]]) -> None:
        self.key = key
        self.candidates = tuple(pid for pid, _ in candidates)
        self.regions = {pid: regions for pid, regions in candidates}
        listed = ", ".join(f"{pid} ({'/'.join(regions)})" for pid, regions in candidates)
        super().__init__(f"ambiguous provider {key!r}: {listed}; give the region to settle it")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownTopicError(WalletContactError, KeyError):
    """No procedure has that topic (see ``walletcontact.model.TOPICS``)."""

    def __init__(self, topic: str, known: tuple[str, ...]) -> None:
        self.topic = topic
        super().__init__(f"unknown topic {topic!r}; expected one of {', '.join(known)}")

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class InvalidArgumentError(WalletContactError, ValueError):
    """An argument is not one of the values it can take (a direction, a channel type)."""


class NumberError(WalletContactError, ValueError):
    """A number failed :func:`walletcontact.validate_number`; ``check`` holds the full verdict."""

    def __init__(self, check: NumberCheck) -> None:
        self.check = check
        reasons = "; ".join(r.message for r in check.reasons) or check.verdict.value
        shown = check.number if len(check.number) <= 60 else check.number[:57] + "..."
        if len(reasons) > 400:
            reasons = reasons[:397] + "..."
        super().__init__(f"{shown!r}: {reasons}")


class MalformedNumberError(NumberError):
    """The text is not a diallable number for the region (or the region is unknown)."""


class UnofficialNumberError(NumberError):
    """The number is well formed but is not an official number of the provider."""
