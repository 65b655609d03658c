"""How answers are written for a terminal: the words of the locale tables, channel lines, colour
(only on a terminal, and never with NO_COLOR), and every piece of data escaped."""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

from .errors import printable
from .model import (
    AppChannel,
    CommunityChannel,
    EmailChannel,
    PhoneChannel,
    SmsSenderChannel,
    SocialChannel,
    UssdChannel,
    WebsiteChannel,
)

__all__ = ["Style", "channel_line", "say", "word", "words"]


def words(key: str, locale: str) -> str:
    """A word of the command line's output, in ``locale`` (from :data:`walletcontact.messages.WORDS`)."""
    from .messages import WORDS, pick

    return pick(WORDS[key], locale)


class Style:
    def __init__(self, stream: TextIO) -> None:
        self.on = (
            hasattr(stream, "isatty") and stream.isatty() and "NO_COLOR" not in os.environ
        )

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.on else text


def say(lines: list[str]) -> None:
    """Write text lines; every piece of data in them escaped (see ``errors.printable``): a line
    break, an escape sequence or a direction control inside a name or a note shows as its escape."""
    sys.stdout.write("\n".join(printable(line) for line in lines) + "\n")


def word(key: str, locale: str) -> str:
    """A vocabulary word in ``locale``; a slug the tables do not know (custom data) as it is."""
    from .messages import WORDS, pick

    table = WORDS.get(key)
    return pick(table, locale) if table is not None else key.partition(":")[2]


def _hours(hours: Any, locale: str) -> str:
    """``mon-sun 09:00-22:00 (Asia/Shanghai)`` with the days in ``locale``."""
    text = hours.describe()
    return re.sub(r"\b(mon|tue|wed|thu|fri|sat|sun)\b", lambda m: word(f"day:{m.group(1)}", locale), text)


def channel_line(ch: Any, locale: str) -> str:
    """One channel, every word of it from the locale tables (the data's own text aside)."""
    conf = words(ch.confidence.value, locale)
    kind = word(f"channel:{ch.type.value}", locale)
    if isinstance(ch, PhoneChannel):
        bits = [f"{kind}  {ch.number} [{ch.region}] {words(ch.direction.value, locale)}"]
        if ch.purposes:
            bits.append(", ".join(word(f"purpose:{x}", locale) for x in ch.purposes))
        if ch.hours is not None:
            bits.append(f"{words('hours', locale)} {_hours(ch.hours, locale)}")
        if ch.busy:
            bits.append(f"{words('busy', locale)} " + ", ".join(f"{s.start}-{s.end}" for s in ch.busy))
        if ch.cost.value != "unknown":
            bits.append(word(f"cost:{ch.cost.value}", locale))
        text = " · ".join(bits)
    elif isinstance(ch, WebsiteChannel):
        text = f"{kind}  {ch.url}"
    elif isinstance(ch, AppChannel):
        text = f"{kind}  {ch.app}: {' > '.join(ch.path.get(locale))}"
    elif isinstance(ch, SocialChannel):
        text = f"{kind}  {ch.network} {ch.handle}" + (f" {ch.url}" if ch.url else "")
    elif isinstance(ch, CommunityChannel):
        text = f"{kind}  {ch.name} {ch.url}"
    elif isinstance(ch, EmailChannel):
        text = f"{kind}  {ch.address}"
    elif isinstance(ch, UssdChannel):
        text = f"{kind}  {ch.code} [{ch.region}] {ch.opens.get(locale)}"
        if ch.carriers:
            text += f" ({', '.join(ch.carriers)})"
    elif isinstance(ch, SmsSenderChannel):
        text = f"{kind}  {ch.sender} [{ch.region}]"
        if ch.purposes:
            text += " · " + ", ".join(word(f"purpose:{x}", locale) for x in ch.purposes)
    else:  # pragma: no cover
        text = repr(ch)
    label = f" — {ch.label.get(locale)}" if ch.label is not None else ""
    return f"  {text} ({conf}){label}"
