"""Number verdicts: is this an official number of a provider, for calling out or for a call received?

The answer explains itself (coded reasons), names the official number a look-alike imitates, and
never raises for any number or region string. Caller ID can be spoofed, so no answer ever promises
that a caller is genuine.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Set
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import attrs

from . import registry as _registry_mod
from ._messages import ADVICE, LOOKALIKE_KINDS, REASONS, WORDS, pick, render
from ._reading import (
    MAX_INPUT_CHARS,
    ONLY_DIGITS,
    PLAIN_CHARS,
    SEPARATORS,
    leading_plus,
    read,
    scan,
    supported_regions,
    vanity_regions,
)
from .errors import MalformedNumberError, UnofficialNumberError, WalletContactError
from .model import (
    CallerPolicy,
    Channel,
    Confidence,
    Direction,
    PhoneChannel,
    PhoneSupportStatus,
    Provider,
    ProviderKind,
    RecordedNumber,
    choice,
    locale_chain,
)
from .registry import Registry, default_registry, online_target

#: Everything but ASCII digits, for the digits of a cleaned ASCII text.
#: Separators removed before the spelling cache is consulted (plain ASCII input only).
#: Exactly the separators scan passes over without a word (so a tab, which it reports, is not one).
_FAST_DELETE = str.maketrans("", "", SEPARATORS)

if TYPE_CHECKING:
    from ._index import Entry, PhoneIndex, RecordEntry
    from ._reading import Reading, Scan

__all__ = [
    "NumberCheck",
    "Reason",
    "Verdict",
    "check_caller",
    "check_many",
    "check_number",
    "is_official_number",
    "providers_for_number",
    "validate_number",
]


class Verdict(str, Enum):
    """The verdict on a number: a ``str`` enum."""

    OFFICIAL = "official"
    UNOFFICIAL = "unofficial"
    MALFORMED = "malformed"

    def __str__(self) -> str:
        return str(self.value)


class Reason(NamedTuple):
    """A coded reason. ``code`` is stable (for programs); ``message`` is English prose.

    A named tuple: cheap to make on the hot path, immutable, picklable."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def message(self) -> str:
        """The message in English (``text(locale)`` gives other languages)."""
        return self.text("en")

    def text(self, locale: str | None = "en") -> str:
        """The message in ``locale`` (zh-Hans, zh-Hant, en; others fall back)."""
        fields = dict(self.params)
        for k in ("direction", "channel_direction", "confidence"):
            if k in fields and fields[k] in WORDS:
                fields[k] = pick(WORDS[fields[k]], locale)
        for k in ("provider", "other"):
            for loc in locale_chain(locale):
                if f"{k}@{loc}" in fields:
                    fields[k] = fields[f"{k}@{loc}"]
                    break
        if "how" in fields and fields["how"] in LOOKALIKE_KINDS:
            fields["how"] = pick(LOOKALIKE_KINDS[fields["how"]], locale)
        return render(pick(REASONS[self.code], locale), **fields)


def _reason(code: str, **params: str) -> Reason:
    return Reason(code, tuple(params.items()))


@attrs.frozen(kw_only=True)
class NumberCheck:
    """The verdict on one number, with everything needed to explain it."""

    number: str
    verdict: Verdict
    direction: Direction
    reasons: tuple[Reason, ...]
    provider: Provider | None = None
    channel: PhoneChannel | None = None
    normalized: str | None = None
    region: str | None = None
    lookalike_of: PhoneChannel | None = None
    lookalike_provider: Provider | None = None
    lookalike_kind: str | None = None
    known_fake: RecordedNumber | None = None
    caller: bool = False
    origin: str | None = None
    official_numbers: tuple[PhoneChannel, ...] = ()
    report_to: tuple[PhoneChannel, ...] = ()
    caller_policies: tuple[CallerPolicy, ...] = ()
    #: the region's authorities' report websites and e-mail addresses (see report_online)
    report_online: tuple[Channel, ...] = ()

    @property
    def is_official(self) -> bool:
        return self.verdict is Verdict.OFFICIAL

    @property
    def confidence(self) -> Confidence | None:
        return self.channel.confidence if self.channel is not None else None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)

    def advice(self, locale: str | None = "en") -> str:
        """What to do now, in ``locale``, one sentence a line."""
        prov = self.provider or self.lookalike_provider
        name = prov.display_name(locale) if prov is not None else pick(WORDS["any provider"], locale)
        numbers = ", ".join(c.number for c in self.official_numbers)
        lines: list[str] = []
        if self.caller:
            if self.is_official:
                lines.append(render(pick(ADVICE["official_out"], locale), provider=name))
            suffix = f" ({numbers})" if numbers else ""
            lines.append(render(pick(ADVICE["hang_up"], locale), provider=name, numbers=suffix))
            lines.append(pick(ADVICE["never_share"], locale))
            if self.caller_policies:
                lines.append(render(pick(ADVICE["policies"], locale), provider=name))
                lines.extend(f"- {p.text.get(locale)}" for p in self.caller_policies)
        elif self.verdict is Verdict.OFFICIAL:
            lines.append(pick(ADVICE["official_in"], locale))
        elif "EMERGENCY" in self.codes:
            lines.append(pick(ADVICE["emergency"], locale))
            if prov is not None:
                lines.append(_official_line(name, numbers, locale))
        else:
            if self.verdict is Verdict.MALFORMED:
                lines.append(pick(ADVICE["malformed"], locale))
            else:
                lines.append(pick(ADVICE["do_not_call"], locale))
            if self.lookalike_of is not None:
                lines.append(render(pick(ADVICE["lookalike"], locale), official=self.lookalike_of.number))
            if prov is not None:
                lines.append(_official_line(name, numbers, locale))
        if self.report_to and (self.caller or self.verdict is not Verdict.OFFICIAL):
            reports = ", ".join(c.number for c in self.report_to)
            lines.append(render(pick(ADVICE["report"], locale), numbers=reports))
        if self.report_online and (self.caller or self.verdict is not Verdict.OFFICIAL):
            where = ", ".join(online_target(c) for c in self.report_online[:2])
            key = "report_online_also" if self.report_to else "report_online"
            lines.append(render(pick(ADVICE[key], locale), where=where))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (what ``walletcontact check --json`` prints)."""
        ch = self.channel
        return {
            "number": self.number,
            "verdict": self.verdict.value,
            "is_official": self.is_official,
            "provider": self.provider.id if self.provider else None,
            "normalized": self.normalized,
            "region": self.region,
            "direction": self.direction.value,
            "caller": self.caller,
            "confidence": ch.confidence.value if ch else None,
            "channel": None
            if ch is None
            else {
                "number": ch.number,
                "region": ch.region,
                "direction": ch.direction.value,
                "purposes": list(ch.purposes),
                "sources": [{"url": s.url, "kind": s.kind.value} for s in ch.sources],
                "verified_on": ch.verified_on.isoformat(),
            },
            "origin": self.origin,
            "reasons": [{"code": r.code, "message": r.message} for r in self.reasons],
            "lookalike_of": None
            if self.lookalike_of is None
            else {
                "number": self.lookalike_of.number,
                "provider": self.lookalike_provider.id if self.lookalike_provider else None,
                "kind": self.lookalike_kind,
            },
            "known_fake": self.known_fake is not None,
            "report_to": [c.number for c in self.report_to],
            "report_online": [online_target(c) for c in self.report_online],
        }


def _official_line(name: str, numbers: str, locale: str | None) -> str:
    if numbers:
        return render(pick(ADVICE["use_official"], locale), provider=name, numbers=numbers)
    return render(pick(ADVICE["no_numbers"], locale), provider=name)


# ---------------------------------------------------------------- the check


@functools.lru_cache(maxsize=1024)
def _names(p: Provider) -> dict[str, str]:
    out = {"provider": p.name}
    for loc in ("zh-Hans", "zh-Hant"):
        out[f"provider@{loc}"] = p.display_name(loc)
    return out


@functools.lru_cache(maxsize=1024)
def _other_names(p: Provider) -> dict[str, str]:
    return {k.replace("provider", "other"): v for k, v in _names(p).items()}


#: Longest provider or region string kept in the answer caches' keys: a padded argument that
#: still resolves (``"CN" + " " * 10**6``) is answered, but never held on to.
_KEY_MAX = 64


def check_number(
    number: str,
    *,
    provider: str | Provider | None = None,
    region: str | None = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
) -> NumberCheck:
    """Check whether ``number`` is an official number (of ``provider``, or of anyone we know).

    ``direction="inbound"`` (the default) asks "may I call it?"; ``"outbound"`` asks "may a call
    from it be the provider?" (see :func:`check_caller`). Without ``region`` a national-form number
    is read in the provider's regions (or every region the data covers).

    >>> r = check_number("95189", provider="alipay", region="CN")
    >>> r.verdict, r.lookalike_of.number
    (<Verdict.UNOFFICIAL: 'unofficial'>, '95188')
    >>> check_number("95017", region="CN").provider.id
    'wechat-pay'
    >>> check_number("hello", region="CN").verdict.value
    'malformed'

    Raises:
        UnknownProviderError: ``provider`` is not known (the only error for bad input).
        InvalidArgumentError: ``direction`` is not inbound, outbound or both (a ``ValueError``).
    """
    reg = registry if registry is not None else (_registry_mod._default or default_registry())
    idx = reg._index or reg.phone_index()
    exact: tuple[Any, ...] | None = None
    if (
        type(number) is str
        and (provider is None or type(provider) is str)
        and (region is None or type(region) is str)
        and type(direction) in (str, Direction)
    ):
        # first level: the exact arguments of an earlier official answer (no parsing at all)
        exact = (number, provider, region, direction)
        found: NumberCheck | None = idx.exact.get(exact)
        if found is not None:
            return found
    want = direction if isinstance(direction, Direction) else choice(Direction, direction, "direction")
    fast_key: tuple[Any, ...] | None = None
    if exact is not None and len(number) <= 64 and number.isascii():
        # second level: the same number spelled with other separators. Only for spellings that are
        # digits with at most one leading +: for those the reading depends on the digits alone.
        spelled = number.translate(_FAST_DELETE)
        if spelled and (spelled[1:] if spelled[0] == "+" else spelled).isdigit():
            fast_key = (spelled, provider, region, want)
            hit: NumberCheck | None = idx.fast.get(fast_key)
            if hit is not None:
                return hit if hit.number == number else attrs.evolve(hit, number=number)
    prov = reg.get(provider) if provider is not None else None
    result = _evaluate(number, prov, region, want, reg, idx, caller=False)
    if result.is_official and all(len(a) <= _KEY_MAX for a in (provider, region) if isinstance(a, str)):
        if fast_key is not None:
            idx.remember(idx.fast, fast_key, result)
        if exact is not None:
            idx.remember(idx.exact, exact, result)
    return result


def check_caller(
    number: str,
    *,
    claimed_provider: str | Provider,
    region: str | None = None,
    registry: Registry | None = None,
) -> NumberCheck:
    """Someone phoned from ``number`` claiming to be ``claimed_provider``: what does the data say?

    Official only when the number is a published *outbound* number of that provider. Caller ID can
    be spoofed, so even then the advice is to hang up and call an official number yourself; the
    reasons always include ``SPOOFABLE``, and the provider's caller policies and the region's
    fraud-report lines come with the answer.

    >>> r = check_caller("+86 138 0013 8000", claimed_provider="alipay")
    >>> r.is_official, "SPOOFABLE" in r.codes
    (False, True)

    Raises:
        UnknownProviderError: ``claimed_provider`` is not known.
    """
    reg = registry if registry is not None else default_registry()
    prov = reg.get(claimed_provider)
    return _evaluate(number, prov, region, Direction.OUTBOUND, reg, reg.phone_index(), caller=True)


def _evaluate(
    number: object,
    prov: Provider | None,
    region: object,
    want: Direction,
    reg: Registry,
    idx: PhoneIndex,
    *,
    caller: bool,
    plain: bool = True,
) -> NumberCheck:
    """The answer; ``plain=False`` when the caller already tried the short route (``_plain``)."""
    SUPPORTED_REGIONS = supported_regions()
    if plain and _plain_route and not caller and type(number) is str and type(region) is str and len(number) <= MAX_INPUT_CHARS:
        region_upper = region.strip().upper()
        if region_upper in SUPPORTED_REGIONS:
            short = _plain(number, prov, region_upper, want, reg, idx)
            if short is not None:
                return short
    VANITY_REGIONS = vanity_regions()

    text = number if isinstance(number, str) else repr(number)
    base: dict[str, Any] = {"number": text, "direction": want, "caller": caller, "provider": prov}
    if prov is not None:
        base["official_numbers"] = _inbound_numbers(prov)
        base["caller_policies"] = prov.caller_policies if caller else ()
    tail: list[Reason] = []
    if caller:
        tail.append(_reason("SPOOFABLE"))

    def reports(r: str | None) -> tuple[PhoneChannel, ...]:
        return _reports(reg, prov, r)

    def malformed(code: str, reg_code: str | None, **params: str) -> NumberCheck:
        return NumberCheck(
            verdict=Verdict.MALFORMED,
            reasons=(*info, _reason(code, **params), *tail),
            region=reg_code,
            report_to=reports(reg_code) if caller else (),
            report_online=_online(reg, prov, reg_code) if caller else (),
            **base,
        )

    info: list[Reason] = []
    region_code: str | None = None
    if region is not None:
        region_code = region.strip().upper() if isinstance(region, str) else None
        if region_code not in SUPPORTED_REGIONS:
            shown = region if isinstance(region, str) else repr(region)
            return malformed("UNKNOWN_REGION", None, region=shown[:40])
    if not isinstance(number, str):
        return malformed("NOT_A_NUMBER", region_code)
    if len(number) > MAX_INPUT_CHARS:
        return malformed("TOO_LONG", region_code, region=region_code or "any region")
    s = scan(number)
    digits_seen = s.text.translate(ONLY_DIGITS) if s.scripts == ("ASCII",) and not s.letters else "".join(
        c for c in s.text if c.isdigit()
    )
    if s.bidi:
        info.append(_reason("BIDI_CONTROL", digits=digits_seen))
    if s.invisible:
        info.append(_reason("INVISIBLE_CHARACTERS", digits=digits_seen))
    if s.control:
        info.append(_reason("CONTROL_CHARACTERS"))
    foreign = [sc for sc in s.scripts if sc != "ASCII"] if s.scripts != ("ASCII",) else []
    if len(s.scripts) > 1:
        info.append(_reason("MIXED_SCRIPTS", scripts=", ".join(s.scripts)))
    elif foreign:
        info.append(_reason("UNICODE_DIGITS", scripts=", ".join(foreign)))
    if s.extension is not None:
        info.append(_reason("EXTENSION_DROPPED", extension=s.extension or "#"))
    if not s.text:
        return malformed("EMPTY", region_code)
    if not digits_seen:
        return malformed("NOT_A_NUMBER", region_code)

    candidates = _candidate_regions(s, region_code, prov, idx)
    if not candidates:
        return malformed("REGION_NEEDED", None)
    if s.letters:
        plus_one = leading_plus(s.text) and digits_seen.startswith("1")
        lettered = [c for c in candidates if c in VANITY_REGIONS or plus_one]
        if not lettered:
            return malformed("LETTERS_NOT_USED", candidates[0], region=candidates[0])
        candidates = lettered
        info.append(_reason("VANITY_LETTERS"))

    readings = [_read(s, c, idx) for c in candidates]
    chosen, entries, via_alt = _choose(readings, prov, want, idx, national=not s.international)
    r = chosen
    base["region"] = r.region
    base["normalized"] = _normalized(r)
    if caller or prov is not None or entries:
        base["report_to"] = reports(r.region)
        base["report_online"] = _online(reg, prov, r.region)

    if entries:
        wanted = [e for e in entries if prov is None or e.provider.id == prov.id]
        good = [e for e in wanted if e.channel.direction.allows(want)]
    else:  # most numbers: nothing in the index
        wanted = good = []
    if good and r.valid:
        good.sort(key=_rank)
        best = good[0]
        reasons = [*info, _reason("OFFICIAL", number=best.channel.number, direction=best.channel.direction.value,
                                   confidence=best.channel.confidence.value, **_names(best.provider))]
        if via_alt:
            reasons.append(_reason("AREA_CODE_SERVICE", service=best.key.split(":", 1)[-1]))
        if best.channel.confidence is Confidence.REPORTED:
            reasons.append(_reason("REPORTED_ONLY", **_names(best.provider)))
        others = {e.provider.id: e.provider for e in good[1:] if e.provider.id != best.provider.id
                  and e.provider.id not in best.channel.shared_with}
        for other in others.values():
            reasons.append(_reason("AMBIGUOUS", **_other_names(other)))
        base.update(provider=best.provider, official_numbers=_inbound_numbers(best.provider))
        if caller:
            base["caller_policies"] = best.provider.caller_policies
        return NumberCheck(
            verdict=Verdict.OFFICIAL,
            channel=best.channel,
            origin=best.origin,
            reasons=(*reasons, *tail),
            **base,
        )

    # not official: say why, most specific first
    reasons = list(info)
    shown = s.text
    lookalike: tuple[Entry, str] | None = None
    fake: RecordEntry | None = None
    if wanted:
        ch = wanted[0].channel
        reasons.append(
            _reason("WRONG_DIRECTION", number=shown, channel_direction=ch.direction.value, **_names(wanted[0].provider))
        )
    others_e = [e for e in entries if e.provider.id != prov.id] if entries and prov is not None else []
    if others_e and prov is not None:
        o = others_e[0].provider
        code = "AUTHORITY_NUMBER" if o.kind is ProviderKind.AUTHORITY else "OTHER_PROVIDER"
        reasons.append(_reason(code, number=shown, **_names(prov), **_other_names(o)))
    record_keys = _record_keys(r, idx)
    fakes = _records(idx.fakes, record_keys, s, prov) if record_keys else []
    if fakes:
        fake = fakes[0]
        reasons.append(_reason("KNOWN_FAKE", number=shown, **_names(fake.provider)))
        if prov is None:
            base["provider"] = None
    unverified = _records(idx.unverified, record_keys, s, prov) if record_keys else []
    if unverified and not fakes:
        reasons.append(_reason("UNVERIFIED", number=shown, **_names(unverified[0].provider)))
    if r.emergency:
        reasons.append(_reason("EMERGENCY", number=shown, region=r.region))
    elif not r.valid:
        code = r.error or "INVALID_NUMBER"
        reasons.append(_reason(code, region=r.region, digits=digits_seen))
    if not wanted and not others_e and not fakes and not unverified and not r.emergency and r.valid:
        if prov is not None:
            reasons.append(_reason("NOT_LISTED", number=shown, **_names(prov)))
        else:
            reasons.append(_reason("NOT_LISTED_ANY", number=shown))
    if not wanted and not r.emergency:
        lookalike = _find_lookalike(idx, r, prov, exclude={e.key for e in entries} if entries else _NO_KEYS)
        if lookalike is not None:
            reasons.append(_lookalike_reason(shown, lookalike))
    reasons += _support_reasons(prov)
    verdict = Verdict.UNOFFICIAL if (r.valid or r.emergency) else Verdict.MALFORMED
    extra: dict[str, Any] = {}
    if lookalike is not None:
        extra.update(lookalike_of=lookalike[0].channel, lookalike_provider=lookalike[0].provider,
                     lookalike_kind=lookalike[1])
        if prov is None:
            base["official_numbers"] = _inbound_numbers(lookalike[0].provider)
    if fake is not None:
        extra["known_fake"] = fake.record
        if prov is None:
            base["official_numbers"] = _inbound_numbers(fake.provider)
    if prov is None and not base.get("report_to"):
        base["report_to"] = reports(r.region)
        base["report_online"] = _online(reg, prov, r.region)
    return NumberCheck(verdict=verdict, reasons=(*reasons, *tail), **base, **extra)


#: What an answer adds about a provider's phone support when the number is not official.
_SUPPORT_CODES = {
    PhoneSupportStatus.NONE: "NO_PHONE_SUPPORT",
    PhoneSupportStatus.VIA_BANK: "VIA_BANK",
    PhoneSupportStatus.UNLISTED: "NO_VERIFIED_NUMBER",
}


def _support_reasons(prov: Provider | None) -> list[Reason]:
    code = _SUPPORT_CODES.get(prov.phone_support.status) if prov is not None else None
    return [_reason(code, **_names(prov))] if code is not None and prov is not None else []


def _lookalike_reason(shown: str, found: tuple[Entry, str]) -> Reason:
    e, how = found
    return _reason("LOOKALIKE", number=shown, official=e.channel.number, how=how, **_other_names(e.provider))


_NO_KEYS: frozenset[str] = frozenset()
#: Whether _evaluate may answer through _plain (tests turn it off to compare the two routes).
_plain_route = True


def _plain(
    number: str, prov: Provider | None, region: str, want: Direction, reg: Registry, idx: PhoneIndex
) -> NumberCheck | None:
    """The answer for the commonest case of a call log, in fewer steps than the general route.

    The case: a region is given, the text is ASCII digits and separators, and its reading is
    neither in the number index nor among the fakes and unverified numbers, so the answer is
    "unofficial" or "malformed", with at most a look-alike. Anything else returns None and the
    general route answers. tests/test_plain_route.py checks that both routes give equal answers.
    """
    text = number.strip()
    if not text or not text.isascii() or not PLAIN_CHARS.issuperset(text):
        return None
    digits = text.translate(ONLY_DIGITS)
    if not digits:
        return None
    r = read(text, region, idx.short_keys, idx.short_lengths)
    by_key = idx.by_key
    if (r.key is not None and r.key in by_key) or (r.alt_key is not None and r.alt_key in by_key):
        return None
    if _record_keys(r, idx):
        return None
    lookalike: tuple[Entry, str] | None = None
    if r.emergency:
        reasons = [_reason("EMERGENCY", number=text, region=r.region)]
    else:
        if not r.valid:
            reasons = [_reason(r.error or "INVALID_NUMBER", region=r.region, digits=digits)]
        elif prov is not None:
            reasons = [_reason("NOT_LISTED", number=text, **_names(prov))]
        else:
            reasons = [Reason("NOT_LISTED_ANY", (("number", text),))]
        lookalike = _find_lookalike(idx, r, prov, _NO_KEYS)
        if lookalike is not None:
            reasons.append(_lookalike_reason(text, lookalike))
    official_numbers: tuple[PhoneChannel, ...] = ()
    if prov is not None:
        reasons += _support_reasons(prov)
        official_numbers = _inbound_numbers(prov)
    elif lookalike is not None:
        official_numbers = _inbound_numbers(lookalike[0].provider)
    return NumberCheck(
        number=number,
        verdict=Verdict.UNOFFICIAL if (r.valid or r.emergency) else Verdict.MALFORMED,
        direction=want,
        reasons=tuple(reasons),
        provider=prov,
        normalized=r.key if r.valid else None,
        region=r.region,
        lookalike_of=lookalike[0].channel if lookalike is not None else None,
        lookalike_provider=lookalike[0].provider if lookalike is not None else None,
        lookalike_kind=lookalike[1] if lookalike is not None else None,
        official_numbers=official_numbers,
        report_to=reg._reports_upper(r.region),
        report_online=reg._online_upper(r.region),
    )


C = TypeVar("C")


def _for_region(lookup: Callable[[str], tuple[C, ...]], prov: Provider | None, r: str | None) -> tuple[C, ...]:
    """``lookup(r)``, or without a region, ``lookup`` over the provider's regions (an authority
    serving several of them listed once)."""
    if r:
        return lookup(r)
    merged = {id(c): c for one in (prov.regions if prov else ()) for c in lookup(one)}
    return tuple(merged.values())


def _reports(reg: Registry, prov: Provider | None, r: str | None) -> tuple[PhoneChannel, ...]:
    """Fraud-report lines for region ``r``, else for the provider's regions."""
    return _for_region(reg.reports, prov, r)


def _online(reg: Registry, prov: Provider | None, r: str | None) -> tuple[Channel, ...]:
    """The authorities' report websites and addresses for region ``r``, else the provider's regions."""
    return _for_region(reg.reports_online, prov, r)


@functools.lru_cache(maxsize=1024)
def _inbound_numbers(p: Provider) -> tuple[PhoneChannel, ...]:
    return tuple(c for c in p.channels_by_trust() if isinstance(c, PhoneChannel) and c.direction.allows(Direction.INBOUND))


def _normalized(r: Reading) -> str | None:
    return r.key if r.valid else None


def _candidate_regions(s: Scan, region: str | None, prov: Provider | None, idx: PhoneIndex) -> list[str]:
    if region is not None:
        return [region]
    if leading_plus(s.text):
        if prov is not None and prov.regions:
            return [prov.regions[0]]
        return [idx.regions[0] if idx.regions else "US"]
    out: dict[str, None] = {}
    if prov is not None:
        for r in prov.regions:
            out.setdefault(r, None)
        for c in prov.phones:
            out.setdefault(c.region, None)
    else:
        for r in idx.regions:
            out.setdefault(r, None)
    regions = supported_regions()
    return [r for r in out if r in regions]


def _read(s: Scan, region: str, idx: PhoneIndex) -> Reading:
    return read(s.text, region, idx.short_keys, idx.short_lengths)


def _choose(
    readings: list[Reading], prov: Provider | None, want: Direction, idx: PhoneIndex, *, national: bool
) -> tuple[Reading, list[Entry], bool]:
    """The reading to report on, the index entries it matched, and whether via area code.

    An area code before a service number (0571-95188) is accepted only in national form: whether
    +86 571 95188 reaches the service from abroad is not something the data can vouch for."""
    if len(readings) == 1:
        r = readings[0]
        hits = idx.by_key.get(r.key, ()) if r.key is not None else ()
        if hits:
            return r, list(hits), False
        if r.alt_key is not None and national:
            hits = idx.by_key.get(r.alt_key, ())
            return r, list(hits), bool(hits)
        return r, [], False
    best: tuple[int, Reading, list[Entry], bool] | None = None
    collected: list[Entry] = []
    # with no region and no provider, several regions may read the digits as an official number:
    # the answer reports the one whose best entry the answer names (its region, its report lines)
    named: tuple[tuple[bool, bool], Reading, list[Entry], bool] | None = None
    for r in readings:
        entries: list[Entry] = []
        via_alt = False
        if r.key is not None:
            entries.extend(idx.by_key.get(r.key, ()))
        if not entries and r.alt_key is not None and national:
            entries.extend(idx.by_key.get(r.alt_key, ()))
            via_alt = bool(entries)
        mine = [e for e in entries if prov is None or e.provider.id == prov.id]
        score = 0
        if any(e.channel.direction.allows(want) for e in mine):
            score = 4
        elif mine:
            score = 3
        elif entries:
            score = 2
        elif r.valid:
            score = 1
        if prov is None and score == 4:
            collected.extend(e for e in entries if e not in collected)
            rank = min(_rank(e) for e in entries if e.channel.direction.allows(want))
            if named is None or rank < named[0]:
                named = (rank, r, entries, via_alt)
        if best is None or score > best[0]:
            best = (score, r, entries, via_alt)
    if named is not None:  # its entries first, so that the answer's pick comes from this reading
        _, r, entries, via_alt = named
        return r, [*entries, *(e for e in collected if e not in entries)], via_alt
    assert best is not None
    _, r, entries, via_alt = best
    return r, entries, via_alt


def _rank(e: Entry) -> tuple[bool, bool]:
    """The order in which an answer picks among matching entries: official first, then wallets."""
    return (e.channel.confidence is not Confidence.OFFICIAL, e.provider.kind is not ProviderKind.WALLET)


def _record_keys(r: Reading, idx: PhoneIndex) -> list[str]:
    """The keys under which fakes and unverified numbers may list ``r`` (only those that do)."""
    listed = idx.record_keys
    keys = [k for k in (r.key, r.alt_key) if k and k in listed]
    if r.country_code and r.nsn:
        digits_key = f"~{r.country_code}:{r.nsn}"
        if digits_key in listed:
            keys.append(digits_key)
    return keys


def _records(
    table: dict[str, tuple[RecordEntry, ...]], keys: list[str], s: Scan, prov: Provider | None
) -> list[RecordEntry]:
    out: list[RecordEntry] = []
    for k in keys:
        for e in table.get(k, ()):
            if prov is not None and e.provider.id != prov.id:
                continue
            if e.record.display and not s.international:
                continue
            if e not in out:
                out.append(e)
    return out


def lookalike_kind(candidate: str, official: str) -> str | None:
    """How ``candidate`` digits imitate ``official`` digits, or None.

    >>> lookalike_kind("95189", "95188"), lookalike_kind("95818", "95188")
    ('digit-changed', 'digits-swapped')
    >>> lookalike_kind("951880", "95188"), lookalike_kind("9518", "95188")
    ('digit-added', 'digit-removed')
    >>> lookalike_kind("0095188123", "95188"), lookalike_kind("12345", "95188")
    ('extra-digits', None)
    """
    a, b = candidate, official
    if a == b or not a or not b:
        return None
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return "digit-changed"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return "digits-swapped"
        return None
    if len(a) == len(b) + 1 and any(a[:i] + a[i + 1 :] == b for i in range(len(a))):
        return "digit-added"
    if len(a) + 1 == len(b) and any(b[:i] + b[i + 1 :] == a for i in range(len(b))):
        return "digit-removed"
    if len(b) >= 4 and len(a) > len(b) and b in a:
        return "extra-digits"
    return None


_KIND_ORDER = ("digit-changed", "digits-swapped", "digit-added", "digit-removed", "extra-digits")


def _find_lookalike(
    idx: PhoneIndex, r: Reading, prov: Provider | None, exclude: Set[str]
) -> tuple[Entry, str] | None:
    """The official number ``r`` most likely imitates: one edit away (found through the index's
    one-edit table, whatever the number of official numbers), else containing one."""
    digits = r.nsn
    if not digits:
        return None
    families = (idx.cc_family.get(r.country_code), r.region) if r.country_code else (r.region,)
    n = len(digits)
    best: tuple[int, int, Entry, str] | None = None
    for fam in families:
        if fam is None:
            continue
        by_len = idx.family_lengths.get(fam)
        if not by_len:
            continue
        found: set[int] = set()
        if n in by_len or n - 1 in by_len or n + 1 in by_len:
            near = idx.near[fam]
            if n in by_len:  # a digit changed (one half intact), or two neighbours swapped
                h = n // 2
                found.update(near.get(f"<{n}:{digits[:h]}", ()))
                found.update(near.get(f">{n}:{digits[h:]}", ()))
                found.update(near.get("~" + digits, ()))
            if n - 1 in by_len:  # a digit added: the official number's first or second half is intact
                length = n - 1
                h = length // 2
                found.update(near.get(f"<{length}:{digits[:h]}", ()))
                found.update(near.get(f">{length}:{digits[n - (length - h):]}", ()))
            if n + 1 in by_len:  # a digit removed
                found.update(near.get("-" + digits, ()))
        ordered = idx.ordered[fam]
        rx = idx.contained(fam)
        if n >= 6 and rx is not None and rx.search(digits) is not None:  # an official number inside
            found.update(pos for pos, e in enumerate(ordered) if 4 <= len(e.nsn) < n - 1 and e.nsn in digits)
        if not found:
            continue
        for pos in sorted(found):
            e = ordered[pos]
            if e.key in exclude or (prov is not None and e.provider.id != prov.id):
                continue
            kind = lookalike_kind(digits, e.nsn)
            if kind is None:
                continue
            rank = (_KIND_ORDER.index(kind), int(e.channel.confidence is not Confidence.OFFICIAL))
            if best is None or rank < (best[0], best[1]):
                best = (rank[0], rank[1], e, kind)
    return None if best is None else (best[2], best[3])


def validate_number(
    number: str,
    *,
    provider: str | Provider | None = None,
    region: str | None = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
) -> NumberCheck:
    """Return the check of an official number; raise for anything else.

    >>> validate_number("95017", provider="wechat-pay", region="CN").channel.number
    '95017'

    Raises:
        MalformedNumberError: not a number for the region, or an unknown region.
        UnofficialNumberError: a real number, but not an official one of the provider.
        UnknownProviderError: ``provider`` is not known.
    """
    result = check_number(number, provider=provider, region=region, direction=direction, registry=registry)
    if result.verdict is Verdict.MALFORMED:
        raise MalformedNumberError(result)
    if result.verdict is Verdict.UNOFFICIAL:
        raise UnofficialNumberError(result)
    return result


def is_official_number(
    number: object,
    *,
    provider: str | Provider | None = None,
    region: object = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
) -> bool:
    """``True`` only for an official number; never raises (an unknown provider gives ``False``).

    >>> is_official_number("95188", provider="alipay", region="CN")
    True
    >>> is_official_number("95189", provider="alipay", region="CN")
    False
    """
    try:
        return check_number(
            number,  # type: ignore[arg-type]
            provider=provider,
            region=region,  # type: ignore[arg-type]
            direction=direction,
            registry=registry,
        ).is_official
    except (WalletContactError, ValueError, TypeError):
        return False


def providers_for_number(
    number: str, *, region: str | None = None, registry: Registry | None = None
) -> tuple[Provider, ...]:
    """Every provider for which ``number`` is an official number (either direction).

    Without ``region``, a number in national form is read in every region the data has numbers
    for, so digits such as ``100`` list their owners in each region.

    >>> [p.id for p in providers_for_number("95017", region="CN")]
    ['wechat-pay']
    """
    from ._reading import key_for

    reg = registry if registry is not None else default_registry()
    idx = reg.phone_index()
    results = [check_number(number, region=region, direction=Direction.BOTH, registry=reg)]
    if region is None and isinstance(number, str) and results[0].is_official:
        # the answer names one region's owner; the same digits may be official in other regions
        others = [r for r in _candidate_regions(scan(number), None, None, idx) if r != results[0].region]
        results += [check_number(number, region=r, direction=Direction.BOTH, registry=reg) for r in others]
    out: dict[str, Provider] = {}
    for result in results:
        if not result.is_official or result.normalized is None:
            continue
        keys = [result.normalized]
        if result.channel is not None:
            ch = result.channel
            k = key_for(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
            if k:
                keys.append(k)
        for k in keys:
            for e in idx.by_key.get(k, ()):
                out.setdefault(e.provider.id, e.provider)
    return tuple(out.values())


def check_many(
    numbers: Iterable[str],
    *,
    provider: str | Provider | None = None,
    region: str | None = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
    cache_size: int = 4096,
) -> Iterator[NumberCheck]:
    """Check a stream of numbers lazily, in constant memory, caching repeated strings (at most
    ``cache_size`` answers, a few MiB by default).

    >>> [r.verdict.value for r in check_many(["95188", "95189", "95188"], region="CN")]
    ['official', 'unofficial', 'official']

    Raises:
        UnknownProviderError: ``provider`` is not known (before the first result).
    """
    reg = registry if registry is not None else default_registry()
    prov = reg.get(provider) if provider is not None else None
    want = direction if isinstance(direction, Direction) else choice(Direction, direction, "direction")
    idx = reg.phone_index()

    # the region is the same for the whole stream: normalise and check it once
    plain_region: str | None = None
    if isinstance(region, str) and region.strip().upper() in supported_regions():
        plain_region = region.strip().upper()

    @functools.lru_cache(maxsize=cache_size)
    def one(text: str) -> NumberCheck:
        if plain_region is not None and _plain_route and len(text) <= MAX_INPUT_CHARS:
            answer = _plain(text, prov, plain_region, want, reg, idx)
            if answer is not None:
                return answer
            return _evaluate(text, prov, region, want, reg, idx, caller=False, plain=False)
        return _evaluate(text, prov, region, want, reg, idx, caller=False)

    def gen() -> Iterator[NumberCheck]:
        for n in numbers:
            yield one(n) if isinstance(n, str) else _evaluate(n, prov, region, want, reg, idx, caller=False)

    return gen()
