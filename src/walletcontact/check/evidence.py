"""What the data says about a number: its clean-up, its reading, the published numbers it matches,
the recorded fakes and unverified numbers, and the official number it imitates. No words and no
verdict here: :mod:`.rules` turns evidence into reasons, :mod:`.result` into an answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..index import Entry, PhoneIndex, RecordEntry
from ..model import Confidence, Direction, Provider, ProviderKind, UssdChannel
from ..phone.dialcodes import forwarding
from ..phone.reading import AREA_CODE_SERVICE, Reading, is_region, read, service_after_area_code, vanity_regions
from ..phone.text import MAX_INPUT_CHARS, Scan, leading_plus, scan
from .lookalike import find_lookalike
from .result import Reason, reason

__all__ = ["Evidence", "gather", "rank", "regions_knowing"]


class Evidence(NamedTuple):
    """Everything the rules and the answer need, gathered once."""

    number: str  # the text as given (``repr`` of anything that is not a string)
    provider: Provider | None  # the provider asked about
    want: Direction  # the direction asked about
    caller: bool  # a call received (check_caller)
    scan: Scan | None = None  # the clean-up, when the text got that far
    digits: str = ""  # the digits seen in the text
    region: str | None = None  # the region the answer is about (None: not known)
    stop: Reason | None = None  # why the text could not be read at all
    vanity: bool = False  # keypad letters were read as digits
    reading: Reading | None = None
    entries: tuple[Entry, ...] = ()  # published numbers with the reading's key
    via_alt: bool = False  # matched as "area code + service number"
    wanted: tuple[Entry, ...] = ()  # ... of the provider asked about (all, when none was)
    best: Entry | None = None  # the official match for the direction asked, if any
    good: tuple[Entry, ...] = ()  # every match for the direction asked, best first
    others: tuple[Entry, ...] = ()  # ... of providers other than the one asked about
    fakes: tuple[RecordEntry, ...] = ()  # recorded fakes with the reading's key
    unverified: tuple[RecordEntry, ...] = ()  # numbers seen only on weak sources
    lookalike: tuple[Entry, str] | None = None  # the official number imitated, and how
    dial: str | None = None  # the text is this dial code (and no published number)
    forwarding: tuple[str, str] | None = None  # ... a call-forwarding one: (what, to which number)
    menu: tuple[Provider, UssdChannel] | None = None  # ... a provider's own USSD menu
    abroad: Entry | None = None  # a short number written with a country code (the number it names)
    ambiguous: tuple[str, ...] = ()  # no region given: the regions that read the digits as a number
    region_needed: bool = False  # no region given, and none can be told from the digits
    elsewhere: Entry | None = None  # the provider's number in another of its regions, not this one

    @property
    def fake(self) -> RecordEntry | None:
        return self.fakes[0] if self.fakes else None

    @property
    def scan_text(self) -> str:
        """The cleaned text, as reasons quote it."""
        return self.scan.text if self.scan is not None else self.number


def rank(e: Entry) -> tuple[bool, bool]:
    """The order in which an answer picks among matching entries: official first, then wallets."""
    return (e.channel.confidence is not Confidence.OFFICIAL, e.provider.kind is not ProviderKind.WALLET)


#: a region as given ("cn", " CN") → its code, for the regions that are one (bounded)
_region_codes: dict[str, str] = {}


def gather(
    number: object,
    prov: Provider | None,
    region: object,
    want: Direction,
    idx: PhoneIndex,
    caller: bool,
) -> Evidence:
    """The evidence about ``number`` (any object: a non-string is "not a number")."""
    if not isinstance(number, str):
        return _stopped(repr(number), prov, want, caller, region, lambda code: reason("NOT_A_NUMBER"))
    if len(number) > MAX_INPUT_CHARS:
        return _stopped(number, prov, want, caller, region, lambda code: reason("TOO_LONG", region=code or "any region"))
    region_code: str | None = None
    if region is not None:
        region_code = _region_codes.get(region) if type(region) is str else None
        if region_code is None:
            region_code = region.strip().upper() if isinstance(region, str) else None
            if region_code is None or not is_region(region_code):
                return _stopped(number, prov, want, caller, region, None)
            if type(region) is str and len(region) <= 16 and len(_region_codes) < 1024:
                _region_codes[region] = region_code
    s = scan(number)
    digits = s.digits
    stop: Reason | None = None
    if not s.text and s.dial is None:
        stop = reason("EMPTY")
    elif not digits or s.words:
        stop = reason("NOT_A_NUMBER")
    if stop is not None:
        return Evidence(number, prov, want, caller, s, digits, region_code, stop)
    if s.dial is not None:
        return _dial_code(number, prov, want, caller, s, region_code, idx)
    if region_code is None and prov is None and not leading_plus(s.text):
        return _without_region(number, want, caller, s, idx)
    candidates = [region_code] if region_code is not None else _candidate_regions(s, None, prov, idx)
    if not candidates:
        return Evidence(number, prov, want, caller, s, digits, None, reason("REGION_NEEDED"))
    vanity = False
    if s.letters:
        plus_one = leading_plus(s.text) and digits.startswith("1")
        lettered = [c for c in candidates if plus_one or c in vanity_regions()]
        if not lettered:
            first = candidates[0]
            return Evidence(number, prov, want, caller, s, digits, first, reason("LETTERS_NOT_USED", region=first))
        candidates, vanity = lettered, True
    if len(candidates) == 1:
        r = read(s.text, candidates[0], idx.short_keys, s.compact)
        entries, via_alt = _matches(r, idx, not s.international, s.digits)
        # read in one region as a short number of another: written with an international prefix
        intl = s.international or r.region != candidates[0]
    else:
        readings = [read(s.text, c, idx.short_keys, s.compact) for c in candidates]
        r, entries, via_alt = _choose(readings, prov, want, idx, national=not s.international, digits=s.digits)
        intl = s.international
    ev = _judge(number, prov, want, caller, s, r, entries, via_alt, idx, vanity, intl)
    if prov is not None and region_code is not None and ev.best is None and not ev.wanted and ev.abroad is None:
        found = _elsewhere(s, prov, region_code, want, idx)
        if found is not None:
            return ev._replace(elsewhere=found, lookalike=None)
    return ev


def _elsewhere(s: Scan, prov: Provider, region: str, want: Direction, idx: PhoneIndex) -> Entry | None:
    """The provider's official number these digits are in another of its regions (95188, Alipay's
    in CN, checked from the US), or None."""
    digits = s.digits
    regions = {r for size in (0, 1) for r in idx.national.get(digits[size:], ()) if r != region}
    for other in sorted(regions):
        if other not in prov.regions and not any(c.region == other for c in prov.phones):
            continue
        r = read(s.text, other, idx.short_keys, s.compact)
        entries, _ = _matches(r, idx, national=not s.international, digits=digits)
        for e in entries:
            if e.provider.id == prov.id and e.channel.direction.allows(want) and r.valid:
                return e
    return None


def _judge(
    number: str,
    prov: Provider | None,
    want: Direction,
    caller: bool,
    s: Scan,
    r: Reading,
    entries: tuple[Entry, ...],
    via_alt: bool,
    idx: PhoneIndex,
    vanity: bool = False,
    international: bool = False,
) -> Evidence:
    """The evidence of one reading: its matches sorted out, its records, its look-alike
    (``international``: the text was written with a country code)."""
    wanted: tuple[Entry, ...] = ()
    others: tuple[Entry, ...] = ()
    good: tuple[Entry, ...] = ()
    if entries and via_alt and want is not Direction.INBOUND:
        # an area code before a service number is how people dial it; on a caller ID it is the
        # service only where its calls are known to show one (96110: 025-96110)
        entries = tuple(e for e in entries if e.channel.calls_show_area_code)
        via_alt = bool(entries)
    if entries:
        wanted = entries if prov is None else tuple(e for e in entries if e.provider.id == prov.id)
        good = tuple(sorted((e for e in wanted if e.channel.direction.allows(want)), key=rank))
        if good and r.valid:
            head = (number, prov, want, caller, s, s.digits, r.region, None, vanity, r, entries, via_alt)
            if r.short and (international or s.international):
                # a short number cannot be dialled from abroad: never official written with a country code
                return Evidence(*head, abroad=good[0])
            if s.imitations:  # letters standing in for digits: how fake numbers dodge filters
                return Evidence(*head, lookalike=(good[0], "letters-for-digits"))
            return Evidence(*head, wanted, good[0], good)
        if prov is not None:
            others = tuple(e for e in entries if e.provider.id != prov.id)
    fakes: tuple[RecordEntry, ...] = ()
    unverified: tuple[RecordEntry, ...] = ()
    rk = idx.record_keys
    listed = (
        _record_keys(r, idx)
        if (r.key is not None and r.key in rk) or r.nsn in idx.record_digits
        else ()
    )
    if listed:
        fakes = _records(idx.fakes, listed, s, prov)
        if not fakes:
            unverified = _records(idx.unverified, listed, s, prov)
    look: tuple[Entry, str] | None = None
    if not wanted and not r.emergency:
        exclude = frozenset(e.key for e in entries) if entries else _NONE
        look = find_lookalike(idx, r.nsn, r.country_code, r.region, prov, exclude, padded=not r.valid)
    if s.imitations and wanted and look is None:
        look = (wanted[0], "letters-for-digits")
    # Evidence(...) with every field given (a C call, not NamedTuple's __new__: most answers end here)
    return _new_evidence(Evidence, (
        number, prov, want, caller, s, s.digits, r.region, None, vanity, r, entries, via_alt,
        wanted, None, good, others, fakes, unverified, look, None, None, None, None, (), False, None,
    ))  # fmt: skip


_new_evidence = tuple.__new__


_NONE: frozenset[str] = frozenset()


def _dial_code(
    number: str, prov: Provider | None, want: Direction, caller: bool, s: Scan, region: str | None, idx: PhoneIndex
) -> Evidence:
    """A text with ``*`` or ``#``: a published number in that very form (Japan's ``#9110``), else a
    dial code, never an official number."""
    dial = s.dial or ""
    regions = [region] if region is not None else [r for r in ((prov.regions if prov else ()) or idx.regions)]
    for r in regions:
        key = f"{r}:{dial}"
        hits = idx.by_key.get(key)
        if hits:
            reading = Reading(r, key, s.digits, 0, True, True, False, None)
            return _judge(number, prov, want, caller, s, reading, hits, False, idx)
    menus = [m for m in idx.menus.get(dial, ()) if region is None or m[1].region == region]
    own = [m for m in menus if prov is not None and m[0].id == prov.id]
    # the claimed provider's own menu; else another's, when only one provider runs menus with it
    menu = (own or menus)[0] if own or len({m[0].id for m in menus}) == 1 else None
    return Evidence(
        number, prov, want, caller, s, s.digits, region, None, dial=dial, forwarding=forwarding(dial), menu=menu
    )


def _without_region(number: str, want: Direction, caller: bool, s: Scan, idx: PhoneIndex) -> Evidence:
    """A national-form number with neither region nor provider: it is official only when exactly
    one region the data covers reads it as an official number and no other covered region reads it
    as a number at all; otherwise no region is guessed."""
    candidates = regions_knowing(s.digits, idx)
    official: list[Evidence] = []
    recorded: list[Evidence] = []
    for r in candidates:
        if not is_region(r):
            continue
        reading = read(s.text, r, idx.short_keys, s.compact)
        entries, via_alt = _matches(reading, idx, national=not s.international, digits=s.digits)
        ev = _judge(number, None, want, caller, s, reading, entries, via_alt, idx)
        if ev.best is not None:
            official.append(ev)
        elif ev.fakes or ev.unverified or ev.abroad or ev.wanted:
            recorded.append(ev)
    if len(official) > 1:
        return _regionless(number, want, caller, s, idx, ambiguous=tuple(ev.region or "" for ev in official))
    found = official[0] if official else recorded[0] if len(recorded) == 1 else None
    if found is None:
        return _regionless(number, want, caller, s, idx, ambiguous=())
    # one region knows the digits (an official number, or a recorded fake or wrong-way number):
    # its answer stands only when no other covered region reads them as another number
    key = found.reading.key if found.reading is not None else None
    elsewhere = [r for r in idx.regions if r != found.region and is_region(r) and _another_number(s, r, key, idx)]
    if not elsewhere:
        return found
    return _regionless(number, want, caller, s, idx, ambiguous=(found.region or "", *elsewhere))._replace(
        fakes=found.fakes, unverified=found.unverified, lookalike=found.lookalike
    )


def regions_knowing(digits: str, idx: PhoneIndex) -> dict[str, None]:
    """The regions whose published, fake or unverified numbers have these national-form digits
    (after a trunk prefix, or as a service number after an area code): the only regions a
    national-form number without a region is read in. Empty: the data knows the digits nowhere."""
    candidates: dict[str, None] = {}
    for size in (0, 1, 2):  # the digits as a national significant number, after a trunk prefix
        for r in idx.national.get(digits[size:], ()):
            candidates.setdefault(r, None)
    if digits.startswith("0"):  # a service number after a trunk prefix and an area code
        for size in idx.national_lengths:
            if 3 <= size < len(digits) - 2:
                for r in idx.national.get(digits[-size:], ()):
                    if r in AREA_CODE_SERVICE:
                        candidates.setdefault(r, None)
    return candidates


def _another_number(s: Scan, region: str, key: str | None, idx: PhoneIndex) -> bool:
    """Whether ``region`` reads the text as a number other than ``key`` (+1 numbers read the same
    in the United States and Canada)."""
    r = read(s.text, region, idx.short_keys, s.compact)
    return (r.valid or r.emergency) and r.key != key


def _regionless(
    number: str, want: Direction, caller: bool, s: Scan, idx: PhoneIndex, *, ambiguous: tuple[str, ...]
) -> Evidence:
    """No region guessed: the digits, the regions that read them (if several), and the official
    number they imitate, looked up among the covered regions' short and long numbers."""
    digits = s.digits
    if not ambiguous and not 3 <= len(digits) <= MAX_NATIONAL_DIGITS:
        code = "TOO_SHORT" if len(digits) < 3 else "TOO_LONG"
        return Evidence(number, None, want, caller, s, digits, None, reason(code, region="any region", digits=digits))
    look: tuple[Entry, str] | None = None
    if not ambiguous:
        families = idx.families_near_length(len(digits))
        look = find_lookalike(idx, digits, 0, None, None, _NONE, padded=False, families=families) if families else None
    return Evidence(
        number, None, want, caller, s, digits, None, lookalike=look, ambiguous=ambiguous, region_needed=not ambiguous
    )


#: The most digits a national-form number can have anywhere (ITU-T E.164 allows 15 with the
#: country code; trunk and carrier prefixes add a few).
MAX_NATIONAL_DIGITS = 17


def _stopped(
    number: str,
    prov: Provider | None,
    want: Direction,
    caller: bool,
    region: object,
    why: Callable[[str | None], Reason] | None,
) -> Evidence:
    """Evidence of a text or region that could not be read at all (``why`` is None for a region
    that is not one)."""
    if why is None:
        shown = region if isinstance(region, str) else repr(region)
        return Evidence(number, prov, want, caller, stop=reason("UNKNOWN_REGION", region=shown[:40]))
    code = region.strip().upper() if isinstance(region, str) else None
    if region is not None and (code is None or not is_region(code)):
        return _stopped(number, prov, want, caller, region, None)
    return Evidence(number, prov, want, caller, region=code, stop=why(code))


def _matches(r: Reading, idx: PhoneIndex, national: bool, digits: str = "") -> tuple[tuple[Entry, ...], bool]:
    """The published numbers one reading matches, and whether as "area code + service number"
    (accepted only in national form: whether +86 571 95188 reaches the service from abroad is not
    something the data can vouch for)."""
    hits = idx.by_key.get(r.key, ()) if r.key is not None else ()
    if hits:
        return hits, False
    if national and r.valid and not r.short and r.region in AREA_CODE_SERVICE:
        alt = service_after_area_code(r, digits, idx.short_keys, idx.short_lengths)
        if alt is not None:
            return idx.by_key.get(alt, ()), True
    return (), False


def _candidate_regions(s: Scan, region: str | None, prov: Provider | None, idx: PhoneIndex) -> list[str]:
    """The regions in which to read the text: the one given, else the provider's (or the data's)."""
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
    return [r for r in out if is_region(r)]


def _choose(
    readings: list[Reading], prov: Provider | None, want: Direction, idx: PhoneIndex, *, national: bool, digits: str
) -> tuple[Reading, tuple[Entry, ...], bool]:
    """Of the readings in a provider's regions (no region given), the one to report on, the index
    entries it matched, and whether via area code: a number of the provider for the direction
    asked first, then one of the provider, then anyone's, then any valid reading."""
    best: tuple[int, Reading, tuple[Entry, ...], bool] | None = None
    for r in readings:
        entries, via_alt = _matches(r, idx, national=national, digits=digits)
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
        if best is None or score > best[0]:
            best = (score, r, entries, via_alt)
    if best is None:  # pragma: no cover - readings is never empty
        raise ValueError("no reading")
    _, r, entries, via_alt = best
    return r, entries, via_alt


def _record_keys(r: Reading, idx: PhoneIndex) -> list[str]:
    """The keys under which fakes and unverified numbers may list ``r`` (only those that do)."""
    listed = idx.record_keys
    keys = [r.key] if r.key and r.key in listed else []
    if r.country_code and r.nsn:
        digits_key = f"~{r.country_code}:{r.nsn}"
        if digits_key in listed:
            keys.append(digits_key)
    return keys


def _records(
    table: dict[str, tuple[RecordEntry, ...]], keys: list[str], s: Scan, prov: Provider | None
) -> tuple[RecordEntry, ...]:
    out: list[RecordEntry] = []
    for k in keys:
        for e in table.get(k, ()):
            if prov is not None and e.provider.id != prov.id:
                continue
            if e.record.display and not s.international:
                continue
            if e not in out:
                out.append(e)
    return tuple(out)
