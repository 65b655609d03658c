"""What the data says about a number: its clean-up, its reading, the published numbers it matches,
the recorded fakes and unverified numbers, and the official number it imitates. No words and no
verdict here: :mod:`.rules` turns evidence into reasons, :mod:`.result` into an answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..index import Entry, PhoneIndex, RecordEntry
from ..model import Confidence, Direction, Provider, ProviderKind
from ..phone.reading import Reading, is_region, read, vanity_regions
from ..phone.text import MAX_INPUT_CHARS, Scan, leading_plus, scan
from .lookalike import find_lookalike
from .result import Reason, reason

__all__ = ["Evidence", "gather", "rank"]


class Evidence(NamedTuple):
    """Everything the rules and the answer need, gathered once."""

    number: str  # the text as given (``repr`` of anything that is not a string)
    provider: Provider | None  # the provider asked about
    want: Direction  # the direction asked about
    caller: bool  # a call received (check_caller)
    scan: Scan | None = None  # the clean-up, when the text got that far
    digits: str = ""  # the digits seen in the text
    region: str | None = None  # the region the answer is about
    stop: Reason | None = None  # why the text could not be read at all
    vanity: bool = False  # keypad letters were read as digits
    reading: Reading | None = None
    entries: tuple[Entry, ...] = ()  # published numbers with the reading's key
    via_alt: bool = False  # matched as "area code + service number"
    wanted: tuple[Entry, ...] = ()  # ... of the provider asked about (all, when none was)
    best: Entry | None = None  # the official match for the direction asked, if any
    good: tuple[Entry, ...] = ()  # every such match, best first
    others: tuple[Entry, ...] = ()  # ... of providers other than the one asked about
    fakes: tuple[RecordEntry, ...] = ()  # recorded fakes with the reading's key
    unverified: tuple[RecordEntry, ...] = ()  # numbers seen only on weak sources
    lookalike: tuple[Entry, str] | None = None  # the official number imitated, and how

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


def gather(
    number: object,
    prov: Provider | None,
    region: object,
    want: Direction,
    idx: PhoneIndex,
    *,
    caller: bool,
) -> Evidence:
    """The evidence about ``number`` (any object: a non-string is "not a number")."""
    if not isinstance(number, str):
        return _stopped(repr(number), prov, want, caller, region, lambda code: reason("NOT_A_NUMBER"))
    if len(number) > MAX_INPUT_CHARS:
        return _stopped(number, prov, want, caller, region, lambda code: reason("TOO_LONG", region=code or "any region"))
    region_code: str | None = None
    if region is not None:
        region_code = region.strip().upper() if isinstance(region, str) else None
        if region_code is None or not is_region(region_code):
            return _stopped(number, prov, want, caller, region, None)
    s = scan(number)
    digits = s.digits
    stop: Reason | None = None
    if not s.text:
        stop = reason("EMPTY")
    elif not digits:
        stop = reason("NOT_A_NUMBER")
    if stop is not None:
        return Evidence(number, prov, want, caller, s, digits, region_code, stop)
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
        r = read(s.text, candidates[0], idx.short_keys, idx.short_lengths, s.compact)
        entries, via_alt = _matches(r, idx, national=not s.international)
    else:
        readings = [read(s.text, c, idx.short_keys, idx.short_lengths, s.compact) for c in candidates]
        r, entries, via_alt = _choose(readings, prov, want, idx, national=not s.international)
    wanted: tuple[Entry, ...] = ()
    others: tuple[Entry, ...] = ()
    if entries:
        wanted = entries if prov is None else tuple(e for e in entries if e.provider.id == prov.id)
        good = sorted((e for e in wanted if e.channel.direction.allows(want)), key=rank)
        if good and r.valid:
            return Evidence(
                number, prov, want, caller, s, digits, r.region, None, vanity, r, entries, via_alt, wanted,
                good[0], tuple(good),
            )  # fmt: skip
        if prov is not None:
            others = tuple(e for e in entries if e.provider.id != prov.id)
    fakes: tuple[RecordEntry, ...] = ()
    unverified: tuple[RecordEntry, ...] = ()
    rk = idx.record_keys
    listed = (
        _record_keys(r, idx)
        if (r.key is not None and r.key in rk) or (r.alt_key is not None and r.alt_key in rk) or r.nsn in idx.record_digits
        else ()
    )
    if listed:
        fakes = _records(idx.fakes, listed, s, prov)
        if not fakes:
            unverified = _records(idx.unverified, listed, s, prov)
    look: tuple[Entry, str] | None = None
    if not wanted and not r.emergency:
        look = find_lookalike(
            idx, r.nsn, r.country_code, r.region, prov, frozenset(e.key for e in entries) if entries else _NONE
        )
    return Evidence(
        number, prov, want, caller, s, digits, r.region, None, vanity, r, entries, via_alt, wanted,
        None, (), others, fakes, unverified, look,
    )  # fmt: skip


_NONE: frozenset[str] = frozenset()


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


def _matches(r: Reading, idx: PhoneIndex, *, national: bool) -> tuple[tuple[Entry, ...], bool]:
    """The published numbers one reading matches, and whether as "area code + service number"
    (accepted only in national form: whether +86 571 95188 reaches the service from abroad is not
    something the data can vouch for)."""
    hits = idx.by_key.get(r.key, ()) if r.key is not None else ()
    if hits:
        return hits, False
    if r.alt_key is not None and national:
        hits = idx.by_key.get(r.alt_key, ())
        return hits, bool(hits)
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
    readings: list[Reading], prov: Provider | None, want: Direction, idx: PhoneIndex, *, national: bool
) -> tuple[Reading, tuple[Entry, ...], bool]:
    """Of several readings (no region given), the one to report on, the index entries it
    matched, and whether via area code."""
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
            first = min(rank(e) for e in entries if e.channel.direction.allows(want))
            if named is None or first < named[0]:
                named = (first, r, entries, via_alt)
        if best is None or score > best[0]:
            best = (score, r, entries, via_alt)
    if named is not None:  # its entries first, so that the answer's pick comes from this reading
        _, r, entries, via_alt = named
        return r, (*entries, *(e for e in collected if e not in entries)), via_alt
    if best is None:  # pragma: no cover - readings is never empty
        raise ValueError("no reading")
    _, r, entries, via_alt = best
    return r, tuple(entries), via_alt


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
