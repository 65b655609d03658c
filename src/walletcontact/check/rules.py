"""The rules: one small function per reason code, in the order answers list them.

Each rule looks at the :class:`~.evidence.Evidence` and gives its reason, or nothing. The clean-up
notes come first, then the reason the text could not be read (if any), then the official match and
what qualifies it, then why a number is not official, and last the reminder that caller ID can be
spoofed. The words of every code are in :mod:`walletcontact.messages`, under the same code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..model import Confidence, Direction, PhoneSupportStatus, ProviderKind
from .evidence import Evidence
from .result import Reason, name_params, reason

__all__ = ["RULES", "reasons"]

Rule = Callable[[Evidence], "Reason | tuple[Reason, ...] | None"]


@functools.lru_cache(maxsize=1024)
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


def digit_like_characters(ev: Evidence) -> Reason | None:
    found = ev.scan.digit_like if ev.scan is not None else ""
    return reason("DIGIT_LIKE_CHARACTERS", characters=found) if found else None


def other_characters(ev: Evidence) -> Reason | None:
    found = ev.scan.other if ev.scan is not None else ""
    if not found:
        return None
    shown = " ".join(dict.fromkeys(repr(c)[1:-1] if not c.isprintable() else c for c in found))
    return reason("OTHER_CHARACTERS", characters=shown)


def letters_as_digits(ev: Evidence) -> Reason | None:
    found = ev.scan.imitations if ev.scan is not None else ""
    return reason("LETTERS_AS_DIGITS", letters=" ".join(dict.fromkeys(found))) if found else None


def not_read(ev: Evidence) -> Reason | None:
    """Why the text is no number at all (UNKNOWN_REGION, EMPTY, TOO_LONG, REGION_NEEDED, ...)."""
    return ev.stop


def vanity_letters(ev: Evidence) -> Reason | None:
    return reason("VANITY_LETTERS") if ev.vanity else None


# ---------------------------------------------------------------- a dial code


def provider_menu(ev: Evidence) -> Reason | None:
    """PROVIDER_MENU (or OTHER_PROVIDER_MENU): the code is a provider's own USSD menu, as its data
    records it: safe to dial yourself, never a number to call."""
    if ev.menu is None or ev.forwarding is not None:
        return None
    prov, ch = ev.menu
    if ev.provider is not None and ev.provider.id != prov.id:
        return reason("OTHER_PROVIDER_MENU", code=ev.dial or ch.code, **name_params(ev.provider), **name_params(prov, "other"))
    return reason("PROVIDER_MENU", code=ev.dial or ch.code, region=ch.region, **name_params(prov))


def dial_code(ev: Evidence) -> Reason | None:
    """DIAL_CODE: a code with ``*`` or ``#`` that forwards nothing and is no provider's menu
    (forwarding codes: see below)."""
    if ev.dial is None or ev.forwarding is not None or ev.menu is not None:
        return None
    return reason("DIAL_CODE", code=ev.dial)


def call_forwarding(ev: Evidence) -> Reason | None:
    """CALL_FORWARDING: the code forwards calls, to the number it names."""
    if ev.dial is None or ev.forwarding is None:
        return None
    what, target = ev.forwarding
    return reason("CALL_FORWARDING", code=ev.dial, what=what, target=target)


# ---------------------------------------------------------------- no region given


def ambiguous_regions(ev: Evidence) -> Reason | None:
    """AMBIGUOUS (about regions): without a region the digits are a number in several regions."""
    return reason("AMBIGUOUS", regions=", ".join(ev.ambiguous)) if ev.ambiguous else None


def region_needed(ev: Evidence) -> Reason | None:
    return reason("REGION_NEEDED", number=ev.scan_text) if ev.region_needed else None


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
        **name_params(b.provider),
    )


def area_code_service(ev: Evidence) -> Reason | None:
    if ev.best is None or not ev.via_alt:
        return None
    return reason("AREA_CODE_SERVICE", service=ev.best.key.split(":", 1)[-1])


def reported_only(ev: Evidence) -> Reason | None:
    if ev.best is None or ev.best.channel.confidence is not Confidence.REPORTED:
        return None
    return reason("REPORTED_ONLY", **name_params(ev.best.provider))


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
    return tuple(reason("AMBIGUOUS", **name_params(o, "other")) for o in others.values())


# ---------------------------------------------------------------- why a number is not official


def short_number_abroad(ev: Evidence) -> Reason | None:
    """SHORT_NUMBER_ABROAD: a short number written with a country code or an international prefix."""
    e = ev.abroad
    if e is None or ev.reading is None:
        return None
    return reason("SHORT_NUMBER_ABROAD", number=ev.scan_text, region=ev.reading.region, **name_params(e.provider))


def wrong_direction(ev: Evidence) -> Reason | None:
    if ev.best is not None or not ev.wanted or ev.good:
        return None
    e = ev.wanted[0]
    return reason(
        "WRONG_DIRECTION", number=ev.scan_text, channel_direction=e.channel.direction.value, **name_params(e.provider)
    )


def other_provider(ev: Evidence) -> Reason | None:
    """OTHER_PROVIDER (or AUTHORITY_NUMBER): the number is another provider's, not the one asked about."""
    if ev.best is not None or not ev.others or ev.provider is None:
        return None
    o = ev.others[0].provider
    code = "AUTHORITY_NUMBER" if o.kind is ProviderKind.AUTHORITY else "OTHER_PROVIDER"
    return reason(code, number=ev.scan_text, **name_params(ev.provider), **name_params(o, "other"))


def known_fake(ev: Evidence) -> Reason | None:
    fake = ev.fake
    return reason("KNOWN_FAKE", number=ev.scan_text, **name_params(fake.provider)) if fake is not None else None


def unverified(ev: Evidence) -> Reason | None:
    if ev.fakes or not ev.unverified:
        return None
    return reason("UNVERIFIED", number=ev.scan_text, **name_params(ev.unverified[0].provider))


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
    if ev.lookalike is not None and ev.lookalike[1] == "letters-for-digits":
        return None  # it is a published number, written with letters for digits
    if ev.elsewhere is not None:
        return None  # other_region says what it is
    if ev.provider is not None:
        return reason("NOT_LISTED", number=ev.scan_text, **name_params(ev.provider))
    return reason("NOT_LISTED_ANY", number=ev.scan_text)


def other_region(ev: Evidence) -> Reason | None:
    """OTHER_REGION: the provider's number in another of its regions, not diallable from here."""
    e = ev.elsewhere
    if e is None or ev.reading is None:
        return None
    return reason(
        "OTHER_REGION", number=ev.scan_text, elsewhere=e.channel.region, region=ev.reading.region, **name_params(e.provider)
    )


def lookalike(ev: Evidence) -> Reason | None:
    found = ev.lookalike
    if found is None:
        return None
    e, how = found
    return reason("LOOKALIKE", number=ev.scan_text, official=e.channel.number, how=how, **name_params(e.provider, "other"))


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
    return reason(code, **name_params(prov)) if code is not None else None


# ---------------------------------------------------------------- a call received


def spoofable(ev: Evidence) -> Reason | None:
    """SPOOFABLE: a call received, or an official answer about calls from the number (caller ID
    can be faked, so no number proves who is calling)."""
    if ev.caller or (ev.best is not None and ev.want is not Direction.INBOUND):
        return reason("SPOOFABLE")
    return None


#: Every rule, in the order answers list their reasons, in groups: a group is asked only when
#: the evidence has what its rules look at (most answers need two or three groups).
NOTES: tuple[Rule, ...] = (
    bidi_control,
    invisible_characters,
    control_characters,
    digit_scripts,
    digit_like_characters,
    other_characters,
    letters_as_digits,
    extension_dropped,
    vanity_letters,  # never with a stop: letters that were read made a reading
)
STOP: tuple[Rule, ...] = (not_read,)
DIAL: tuple[Rule, ...] = (provider_menu, dial_code, call_forwarding)
REGIONLESS: tuple[Rule, ...] = (ambiguous_regions, region_needed)
OFFICIAL: tuple[Rule, ...] = (official, area_code_service, reported_only, ambiguous)
ABROAD: tuple[Rule, ...] = (short_number_abroad,)
MATCHED: tuple[Rule, ...] = (wrong_direction, other_provider)
RECORDED: tuple[Rule, ...] = (known_fake, unverified)
READING: tuple[Rule, ...] = (emergency, invalid, other_region, not_listed, lookalike, phone_support)
CALLER: tuple[Rule, ...] = (spoofable,)
RULES: tuple[Rule, ...] = NOTES + STOP + DIAL + REGIONLESS + OFFICIAL + ABROAD + MATCHED + RECORDED + READING + CALLER


def _reading_rules(ev: Evidence) -> tuple[Rule, ...]:
    """The READING rules whose subject the evidence has, in order: each of them gives nothing
    without it (emergency: an emergency reading; invalid: a reading neither valid nor emergency;
    other_region: the provider's number elsewhere; not_listed: a valid reading; lookalike: an
    imitated number; phone_support: a provider asked about). Most answers ask one rule, not six."""
    r = ev.reading
    if r is None:
        return READING
    return _READING_BY_SHAPE[
        (r.emergency << 4)
        | (r.valid << 3)
        | ((ev.elsewhere is not None) << 2)
        | ((ev.lookalike is not None) << 1)
        | (ev.provider is not None)
    ]


def _reading_shape_rules(shape: int) -> tuple[Rule, ...]:
    emergency_, valid, elsewhere, look, provider = (bool(shape & bit) for bit in (16, 8, 4, 2, 1))
    wanted: dict[Rule, bool] = {
        emergency: emergency_,
        invalid: not valid and not emergency_,
        other_region: elsewhere,
        not_listed: valid and not emergency_,
        lookalike: look,
        phone_support: provider,
    }
    return tuple(rule for rule in READING if wanted[rule])


#: the reading's rules by the shape of the evidence (see _reading_rules), all 32 shapes
_READING_BY_SHAPE: tuple[tuple[Rule, ...], ...] = tuple(_reading_shape_rules(shape) for shape in range(32))


def _rules(ev: Evidence) -> tuple[Rule, ...]:
    """The rules to ask, in order: the groups whose subject the evidence has."""
    if ev.stop is not None:
        found = STOP
    elif ev.dial is not None:
        found = DIAL
    elif ev.region_needed or ev.ambiguous:
        found = REGIONLESS + (RECORDED if ev.fakes or ev.unverified else ()) + ((lookalike,) if ev.lookalike else ())
    elif ev.best is not None:
        found = OFFICIAL
    elif ev.abroad is not None:
        found = ABROAD
    elif ev.wanted or ev.others or ev.fakes or ev.unverified:
        found = (MATCHED if ev.wanted or ev.others else ()) + (RECORDED if ev.fakes or ev.unverified else ()) + _reading_rules(ev)
    else:
        found = _reading_rules(ev)
    s = ev.scan
    if ev.vanity or (s is not None and not s.quiet):
        found = NOTES + found
    return found + CALLER if ev.caller or (ev.best is not None and ev.want is not Direction.INBOUND) else found




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
