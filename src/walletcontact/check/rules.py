"""The rules: one small function per reason code, in the order answers list them.

Each rule looks at the :class:`~.evidence.Evidence` and gives its reason, or nothing. The clean-up
notes come first, then the reason the text could not be read (if any), then the official match and
what qualifies it, then why a number is not official, and last the reminder that caller ID can be
spoofed. The words of every code are in :mod:`walletcontact.messages`, under the same code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..model import Confidence, PhoneSupportStatus, Provider, ProviderKind
from .evidence import Evidence
from .result import Reason, reason

__all__ = ["RULES", "reasons"]

Rule = Callable[[Evidence], "Reason | tuple[Reason, ...] | None"]


@functools.lru_cache(maxsize=1024)
def _names(p: Provider) -> dict[str, str]:
    """The provider's name for the messages, in every locale that has its own."""
    out = {"provider": p.name}
    for loc in ("zh-Hans", "zh-Hant"):
        out[f"provider@{loc}"] = p.display_name(loc)
    return out


@functools.lru_cache(maxsize=1024)
def _other_names(p: Provider) -> dict[str, str]:
    return {k.replace("provider", "other"): v for k, v in _names(p).items()}


# ---------------------------------------------------------------- what the clean-up did


def bidi_control(ev: Evidence) -> Reason | None:
    return reason("BIDI_CONTROL", digits=ev.digits) if ev.scan is not None and ev.scan.bidi else None


def invisible_characters(ev: Evidence) -> Reason | None:
    return reason("INVISIBLE_CHARACTERS", digits=ev.digits) if ev.scan is not None and ev.scan.invisible else None


def control_characters(ev: Evidence) -> Reason | None:
    return reason("CONTROL_CHARACTERS") if ev.scan is not None and ev.scan.control else None


def digit_scripts(ev: Evidence) -> Reason | None:
    """MIXED_SCRIPTS when digits of several scripts were read, UNICODE_DIGITS for one other script."""
    scripts = ev.scan.scripts if ev.scan is not None else ()
    if len(scripts) > 1:
        return reason("MIXED_SCRIPTS", scripts=", ".join(scripts))
    if scripts and scripts != ("ASCII",):
        return reason("UNICODE_DIGITS", scripts=", ".join(scripts))
    return None


def extension_dropped(ev: Evidence) -> Reason | None:
    ext = ev.scan.extension if ev.scan is not None else None
    return reason("EXTENSION_DROPPED", extension=ext or "#") if ext is not None else None


def not_read(ev: Evidence) -> Reason | None:
    """Why the text is no number at all (UNKNOWN_REGION, EMPTY, TOO_LONG, REGION_NEEDED, ...)."""
    return ev.stop


def vanity_letters(ev: Evidence) -> Reason | None:
    return reason("VANITY_LETTERS") if ev.vanity else None


# ---------------------------------------------------------------- an official number


def official(ev: Evidence) -> Reason | None:
    b = ev.best
    if b is None:
        return None
    ch = b.channel
    return reason(
        "OFFICIAL",
        number=ch.number,
        direction=ch.direction.value,
        confidence=ch.confidence.value,
        **_names(b.provider),
    )


def area_code_service(ev: Evidence) -> Reason | None:
    if ev.best is None or not ev.via_alt:
        return None
    return reason("AREA_CODE_SERVICE", service=ev.best.key.split(":", 1)[-1])


def reported_only(ev: Evidence) -> Reason | None:
    if ev.best is None or ev.best.channel.confidence is not Confidence.REPORTED:
        return None
    return reason("REPORTED_ONLY", **_names(ev.best.provider))


def ambiguous(ev: Evidence) -> tuple[Reason, ...] | None:
    """The same number is also an official number of other providers (not declared as shared)."""
    b = ev.best
    if b is None or len(ev.good) < 2:
        return None
    others = {
        e.provider.id: e.provider
        for e in ev.good[1:]
        if e.provider.id != b.provider.id and e.provider.id not in b.channel.shared_with
    }
    return tuple(reason("AMBIGUOUS", **_other_names(o)) for o in others.values())


# ---------------------------------------------------------------- why a number is not official


def wrong_direction(ev: Evidence) -> Reason | None:
    if ev.best is not None or not ev.wanted:
        return None
    e = ev.wanted[0]
    return reason(
        "WRONG_DIRECTION", number=ev.scan_text, channel_direction=e.channel.direction.value, **_names(e.provider)
    )


def other_provider(ev: Evidence) -> Reason | None:
    """OTHER_PROVIDER (or AUTHORITY_NUMBER): the number is another provider's, not the one asked about."""
    if ev.best is not None or not ev.others or ev.provider is None:
        return None
    o = ev.others[0].provider
    code = "AUTHORITY_NUMBER" if o.kind is ProviderKind.AUTHORITY else "OTHER_PROVIDER"
    return reason(code, number=ev.scan_text, **_names(ev.provider), **_other_names(o))


def known_fake(ev: Evidence) -> Reason | None:
    fake = ev.fake
    return reason("KNOWN_FAKE", number=ev.scan_text, **_names(fake.provider)) if fake is not None else None


def unverified(ev: Evidence) -> Reason | None:
    if ev.fakes or not ev.unverified:
        return None
    return reason("UNVERIFIED", number=ev.scan_text, **_names(ev.unverified[0].provider))


def emergency(ev: Evidence) -> Reason | None:
    r = ev.reading
    if r is None or not r.emergency or ev.best is not None:
        return None
    return reason("EMERGENCY", number=ev.scan_text, region=r.region)


def invalid(ev: Evidence) -> Reason | None:
    """The reading's own problem (TOO_SHORT, TOO_LONG, INVALID_COUNTRY_CODE, INVALID_NUMBER...)."""
    r = ev.reading
    if r is None or r.valid or r.emergency or ev.best is not None:
        return None
    return Reason(r.error or "INVALID_NUMBER", (("region", r.region), ("digits", ev.digits)))


def not_listed(ev: Evidence) -> Reason | None:
    """NOT_LISTED (NOT_LISTED_ANY with no provider): a real number that nobody publishes."""
    r = ev.reading
    if r is None or not r.valid or r.emergency or ev.best is not None:
        return None
    if ev.wanted or ev.others or ev.fakes or ev.unverified:
        return None
    if ev.provider is not None:
        return reason("NOT_LISTED", number=ev.scan_text, **_names(ev.provider))
    return Reason("NOT_LISTED_ANY", (("number", ev.scan_text),))


def lookalike(ev: Evidence) -> Reason | None:
    found = ev.lookalike
    if found is None:
        return None
    e, how = found
    return reason("LOOKALIKE", number=ev.scan_text, official=e.channel.number, how=how, **_other_names(e.provider))


#: What an answer adds about a provider's phone support when the number is not official.
_SUPPORT_CODES = {
    PhoneSupportStatus.NONE: "NO_PHONE_SUPPORT",
    PhoneSupportStatus.VIA_BANK: "VIA_BANK",
    PhoneSupportStatus.UNLISTED: "NO_VERIFIED_NUMBER",
}


def phone_support(ev: Evidence) -> Reason | None:
    """NO_PHONE_SUPPORT, VIA_BANK or NO_VERIFIED_NUMBER: what the provider says about phone support."""
    prov = ev.provider
    if prov is None or ev.reading is None or ev.best is not None:
        return None
    code = _SUPPORT_CODES.get(prov.phone_support.status)
    return reason(code, **_names(prov)) if code is not None else None


# ---------------------------------------------------------------- a call received


def spoofable(ev: Evidence) -> Reason | None:
    return reason("SPOOFABLE") if ev.caller else None


#: Every rule, in the order answers list their reasons, in groups: a group is asked only when
#: the evidence has what its rules look at (most answers need two or three groups).
NOTES: tuple[Rule, ...] = (
    bidi_control,
    invisible_characters,
    control_characters,
    digit_scripts,
    extension_dropped,
    vanity_letters,  # never with a stop: letters that were read made a reading
)
STOP: tuple[Rule, ...] = (not_read,)
OFFICIAL: tuple[Rule, ...] = (official, area_code_service, reported_only, ambiguous)
MATCHED: tuple[Rule, ...] = (wrong_direction, other_provider)
RECORDED: tuple[Rule, ...] = (known_fake, unverified)
READING: tuple[Rule, ...] = (emergency, invalid, not_listed, lookalike, phone_support)
CALLER: tuple[Rule, ...] = (spoofable,)
RULES: tuple[Rule, ...] = NOTES + STOP + OFFICIAL + MATCHED + RECORDED + READING + CALLER


def _rules(ev: Evidence) -> tuple[Rule, ...]:
    """The rules to ask, in order: the groups whose subject the evidence has."""
    if ev.stop is not None:
        found = STOP
    elif ev.best is not None:
        found = OFFICIAL
    elif ev.wanted or ev.others or ev.fakes or ev.unverified:
        found = (MATCHED if ev.wanted or ev.others else ()) + (RECORDED if ev.fakes or ev.unverified else ()) + READING
    else:
        found = READING
    s = ev.scan
    if ev.vanity or (
        s is not None
        and (s.bidi or s.invisible or s.control or s.extension is not None or s.scripts not in _PLAIN)
    ):
        found = NOTES + found
    return found + CALLER if ev.caller else found


_PLAIN = ((), ("ASCII",))


def reasons(ev: Evidence) -> tuple[Reason, ...]:
    """The reasons of every rule that applies, in order."""
    out: list[Reason] = []
    for rule in _rules(ev):
        found = rule(ev)
        if found is not None:
            if type(found) is Reason:
                out.append(found)
            else:
                out.extend(found)  # type: ignore[arg-type]
    return tuple(out)
