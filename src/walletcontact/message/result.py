"""What a message check answers: :class:`LinkCheck` for a link or e-mail address, :class:`Finding`
for each thing found in a text, :class:`TextCheck` for the whole text."""

from __future__ import annotations

from typing import Any

import attrs

from .. import messages
from ..catalog import online_target
from ..check.result import Judged, NumberCheck, Reason, Risk, Verdict, numbers_text, official_line, report_lines
from ..messages import pick, render
from ..model import Channel, PhoneChannel, Provider, SmsSenderChannel

__all__ = ["Finding", "LinkCheck", "SenderCheck", "TextCheck"]

_ORDER = {Risk.LOW: 0, Risk.UNKNOWN: 1, Risk.CAUTION: 2, Risk.HIGH: 3}


def highest(*levels: Risk) -> Risk:
    """The highest of ``levels`` (``unknown`` when none)."""
    return max(levels, key=_ORDER.__getitem__, default=Risk.UNKNOWN)


@attrs.frozen(kw_only=True)
class LinkCheck(Judged):
    """The verdict on a link or an e-mail address.

    ``verdict`` is ``official`` when the host is one of the provider's domains or a subdomain of
    one (compared as browsers read hosts, by the public suffix list), ``malformed`` when the text
    is no web address, ``unofficial`` otherwise. ``provider`` is whose domain it is (or who was
    asked about); ``lookalike_of`` the official domain it imitates.
    """

    link: str
    verdict: Verdict
    risk: Risk
    reasons: tuple[Reason, ...]
    host: str  #: as a browser shows it (Unicode), lower case
    domain: str | None  #: the registrable domain (``evil.cn`` for ``alipay.com.evil.cn``)
    provider: Provider | None = None
    lookalike_of: str | None = None
    email: bool = False

    def to_dict(self, locale: str | None = "en") -> dict[str, Any]:
        return {
            "link": self.link,
            "verdict": self.verdict.value,
            "risk": self.risk.value,
            "host": self.host,
            "domain": self.domain,
            "provider": self.provider.id if self.provider is not None else None,
            "lookalike_of": self.lookalike_of,
            "email": self.email,
            "reasons": self.reasons_json(locale),
        }


@attrs.frozen(kw_only=True)
class SenderCheck(Judged):
    """The verdict on the sender a message shows (an SMS sender ID such as ``MPESA``, a short code,
    a phone number).

    ``verdict`` is ``official`` when the data records the sender as one the provider's genuine
    messages come from in the region, ``unofficial`` when the provider's recorded senders there
    are others, ``malformed`` for an empty sender; ``provider`` is whose sender it is (or who was
    claimed). Sender IDs can be spoofed, so even an official one never proves a message genuine:
    the reasons always say so (``SENDER_SPOOFABLE``).
    """

    sender: str
    verdict: Verdict
    risk: Risk
    reasons: tuple[Reason, ...]
    provider: Provider | None = None
    channel: SmsSenderChannel | None = None
    #: the provider's recorded senders in the region (when the sender is not one of them)
    expected: tuple[SmsSenderChannel, ...] = ()

    def to_dict(self, locale: str | None = "en") -> dict[str, Any]:
        return {
            "sender": self.sender,
            "verdict": self.verdict.value,
            "risk": self.risk.value,
            "provider": self.provider.id if self.provider is not None else None,
            "confidence": self.channel.confidence.value if self.channel is not None else None,
            "expected": [c.sender for c in self.expected],
            "reasons": self.reasons_json(locale),
        }


@attrs.frozen(kw_only=True)
class Finding:
    """One thing found in a text: ``kind`` is ``provider``, ``number``, ``dial-code``, ``link`` or
    ``email``; ``span`` is (start, end) in the original string, ``text`` that substring."""

    kind: str
    span: tuple[int, int]
    text: str
    check: NumberCheck | LinkCheck | None = None
    provider: Provider | None = None  #: for ``provider`` findings: who is named
    strong: bool = False  #: a sender tag (【支付宝】, [PayPal], "From: M-PESA"): a claim to be it

    @property
    def risk(self) -> Risk:
        return self.check.risk if self.check is not None else Risk.UNKNOWN

    def to_dict(self, locale: str | None = "en") -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "span": list(self.span), "text": self.text}
        if self.provider is not None:
            out["provider"] = self.provider.id
            out["strong"] = self.strong
        if isinstance(self.check, LinkCheck):
            out["check"] = self.check.to_dict(locale)
        elif self.check is not None:
            out["check"] = self.check.to_dict()
        return out


@attrs.frozen(kw_only=True)
class TextCheck:
    """The verdict on a whole text (an SMS, a chat message, a web page's text)."""

    text: str
    region: str | None
    risk: Risk
    providers: tuple[Provider, ...]  #: who the text speaks for, in first-mention order
    findings: tuple[Finding, ...]  #: in text order
    #: the first provider's numbers to call, the text's region's first (as a NumberCheck's)
    official_contacts: tuple[PhoneChannel, ...] = ()
    report_to: tuple[PhoneChannel, ...] = ()
    report_online: tuple[Channel, ...] = ()
    #: the check of the sender the message showed, when one was given
    sender: SenderCheck | None = None

    @property
    def contacts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind != "provider")

    def advice(self, locale: str | None = "en") -> str:
        """One short answer for the person: what the text is, the provider's real contacts, and
        the region's report line."""
        prov = self.providers[0] if self.providers else None
        name = prov.display_name(locale) if prov is not None else ""
        bad = [f.text for f in self.contacts if f.risk in (Risk.HIGH, Risk.CAUTION) and f.kind != "dial-code"]
        dial = any(f.kind == "dial-code" and f.risk is Risk.HIGH for f in self.findings)
        lines: list[str] = []
        if self.risk is Risk.HIGH:
            if dial:
                lines.append(pick(messages.ADVICE["text_dial"], locale))
            if prov is not None and bad:
                lines.append(render(pick(messages.ADVICE["text_high"], locale), provider=name, contacts=", ".join(bad)))
            elif not dial and bad:
                lines.append(render(pick(messages.ADVICE["text_high_any"], locale), contacts=", ".join(bad)))
        elif self.risk is Risk.CAUTION:
            lines.append(render(pick(messages.ADVICE["text_caution"], locale), contacts=", ".join(bad)))
        elif self.risk is Risk.LOW:
            owner = prov or next((f.check.provider for f in self.contacts if f.check is not None and f.check.provider), None)
            who = owner.display_name(locale) if owner is not None else ""
            lines.append(render(pick(messages.ADVICE["text_low"], locale), provider=who))
        else:
            lines.append(pick(messages.ADVICE["text_unknown"], locale))
        sc = self.sender
        if sc is not None and sc.provider is not None:
            who = sc.provider.display_name(locale)
            if sc.is_official:
                lines.append(render(pick(messages.ADVICE["text_sender_known"], locale), sender=sc.sender, provider=who))
            elif sc.expected:
                expected = ", ".join(c.sender for c in sc.expected)
                lines.append(render(pick(messages.ADVICE["text_sender_other"], locale), sender=sc.sender, provider=who,
                                    expected=expected))
        if prov is not None and self.risk is not Risk.LOW:
            lines.append(official_line(name, numbers_text(self.official_contacts, self.region), locale))
        if self.risk in (Risk.HIGH, Risk.CAUTION):
            lines += report_lines(self.report_to, self.report_online, locale)
        return "\n".join(lines)

    def to_dict(self, locale: str | None = "en") -> dict[str, Any]:
        return {
            "text": self.text,
            "region": self.region,
            "risk": self.risk.value,
            "providers": [p.id for p in self.providers],
            "findings": [f.to_dict(locale) for f in self.findings],
            "official_contacts": [c.number for c in self.official_contacts],
            "report_to": [c.number for c in self.report_to],
            "report_online": [online_target(c) for c in self.report_online],
            "sender": self.sender.to_dict(locale) if self.sender is not None else None,
            "advice": self.advice(locale),
        }
