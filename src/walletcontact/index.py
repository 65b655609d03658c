"""The number index of a registry: keys of every published number, fakes and unverified numbers,
and the look-alike table. Built on the first number check (imports phonenumbers)."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

import attrs

from .model import PhoneChannel, Provider, RecordedNumber, UssdChannel, _Repr
from .phone.reading import key_info, record_key
from .phone.text import scan

if TYPE_CHECKING:
    from .catalog import Registry


@attrs.frozen(repr=False, eq=False)
class Entry(_Repr):
    provider: Provider
    channel: PhoneChannel
    key: str
    nsn: str
    origin: str


@attrs.frozen(repr=False, eq=False)
class RecordEntry(_Repr):
    provider: Provider
    record: RecordedNumber
    key: str


class PhoneIndex:
    """Number key → entries; built once per registry."""

    #: Most answers the memo keeps; official answers only, so this is rarely reached.
    MEMO_LIMIT = 65536

    def __init__(self, registry: Registry) -> None:
        by_key: dict[str, list[Entry]] = {}
        fakes: dict[str, list[RecordEntry]] = {}
        unverified: dict[str, list[RecordEntry]] = {}
        by_cc: dict[str, list[Entry]] = {}
        national: dict[str, dict[str, None]] = {}
        regions: dict[str, None] = {}
        menus: dict[str, list[tuple[Provider, UssdChannel]]] = {}
        for prov in registry:
            for i, ch in enumerate(prov.channels):
                if isinstance(ch, UssdChannel):
                    code = scan(ch.code).dial
                    if code is not None:
                        menus.setdefault(code, []).append((prov, ch))
                    continue
                if not isinstance(ch, PhoneChannel):
                    continue
                info = key_info(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
                if info is None:
                    continue
                key, nsn, family = info
                entry = Entry(prov, ch, key, nsn, registry.origin(prov.id, i))
                by_key.setdefault(key, []).append(entry)
                by_cc.setdefault(family, []).append(entry)
                regions.setdefault(ch.region, None)
            for table, records in ((fakes, prov.known_fakes), (unverified, prov.unverified)):
                for rec in records:
                    found = record_key(rec.number, rec.region)
                    if found is not None:
                        rkey, rdigits = found
                        table.setdefault(rkey, []).append(RecordEntry(prov, rec, rkey))
                        national.setdefault(rdigits, {}).setdefault(rec.region, None)
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        #: a USSD code → the providers' menus dialled with it (in their regions)
        self.menus = {k: tuple(v) for k, v in menus.items()}
        self.fakes = {k: tuple(v) for k, v in fakes.items()}
        self.unverified = {k: tuple(v) for k, v in unverified.items()}
        #: every key either table lists (one membership test instead of two)
        self.record_keys = frozenset(self.fakes) | frozenset(self.unverified)
        #: the national digits of every record keyed by its digits (``~cc:nsn``): most readings
        #: need no ``~`` key made to know that no record lists them
        self.record_digits = frozenset(k.partition(":")[2] for k in self.record_keys if k.startswith("~"))
        self.by_family = {k: tuple(v) for k, v in by_cc.items()}
        #: family → nsn length → entries (look-alikes compare only lengths that can match)
        self.family_lengths: dict[str, dict[int, tuple[Entry, ...]]] = {}
        for fam, entries in self.by_family.items():
            lengths: dict[int, list[Entry]] = {}
            for e in entries:
                lengths.setdefault(len(e.nsn), []).append(e)
            self.family_lengths[fam] = {k: tuple(v) for k, v in sorted(lengths.items())}
        #: country code → its family name ("+86"), for the families that exist
        self.cc_family = {int(fam[1:]): fam for fam in self.family_lengths if fam.startswith("+")}
        #: family → its entries in look-alike order (length, then data order), and the near table:
        #: keys that any number one edit away from an official one shares with it → positions in
        #: that order. A changed or added digit leaves the first or the second half of the official
        #: number intact (``<8:9518`` / ``>8:8800``); ``~`` keys list the number with two neighbours
        #: swapped, ``-`` keys with one digit dropped. Candidates are confirmed by lookalike_kind.
        #: Both are built per family on the first look-alike question about it (:meth:`near_of`):
        #: an official number's first check needs neither.
        self.ordered: dict[str, tuple[Entry, ...]] = {}
        self.near: dict[str, dict[str, tuple[int, ...]]] = {}
        #: family → one pattern source matching any of its numbers of 4+ digits (a quick "contains
        #: any?"); compiled on first use by :meth:`contained`
        self.contained_source: dict[str, str] = {
            fam: "|".join(sorted({e.nsn for e in entries if len(e.nsn) >= 4}, key=len, reverse=True))
            for fam, entries in self.by_family.items()
            if any(len(e.nsn) >= 4 for e in entries)
        }
        self.regions = tuple(regions)
        self._near_lock = threading.Lock()
        #: national digits -> the regions where a published, fake or unverified number has them as
        #: its national significant number (a region-less check reads a national-form number only
        #: in those regions), and the short numbers' digits by region
        for key, entries in self.by_key.items():
            for e in entries:
                national.setdefault(e.nsn, {}).setdefault(key.partition(":")[0] if ":" in key else e.channel.region, None)
        self.national = {k: tuple(v) for k, v in national.items()}
        #: lengths of the national digits in ``national`` (a tail of these lengths may be one)
        self.national_lengths = tuple(sorted({len(k) for k in national}))
        self.short_keys = frozenset(k for k in self.by_key if not k.startswith("+"))
        short_lengths: dict[str, set[int]] = {}
        for k in self.short_keys:
            home, _, digits = k.partition(":")
            short_lengths.setdefault(home, set()).add(len(digits))
        #: region → lengths of its short keys (readings of other lengths cannot be one)
        self.short_lengths = {k: frozenset(v) for k, v in short_lengths.items()}
        self._caches()

    def _caches(self) -> None:
        #: the verdict layer's memo: official answers by their exact question (bounded)
        self.memo: dict[Any, Any] = {}
        self._compiled: dict[str, re.Pattern[str] | None] = {}
        self._near_length: dict[int, tuple[str, ...]] | None = None
        self._memo_lock = threading.Lock()

    def families_near_length(self, n: int) -> tuple[str, ...]:
        """The families with an official number of ``n`` digits, one more or one fewer (those a
        number of ``n`` digits can be one edit away from)."""
        by_length = self._near_length
        if by_length is None:
            found: dict[int, dict[str, None]] = {}
            for fam, lengths in self.family_lengths.items():
                for length in lengths:
                    for m in (length - 1, length, length + 1):
                        found.setdefault(m, {}).setdefault(fam, None)
            by_length = self._near_length = {m: tuple(f) for m, f in found.items()}
        return by_length.get(n, ())

    def near_of(self, fam: str) -> tuple[tuple[Entry, ...], dict[str, tuple[int, ...]]]:
        """The family's entries in look-alike order and its near table (see ``ordered``), built
        on first use, once, thread-safely."""
        near_table = self.near.get(fam)
        if near_table is None:
            with self._near_lock:
                near_table = self.near.get(fam)
                if near_table is None:
                    by_len = self.family_lengths.get(fam, {})
                    ordered = tuple(e for group in by_len.values() for e in group)
                    near: dict[str, list[int]] = {}
                    for pos, e in enumerate(ordered):
                        o = e.nsn
                        h = len(o) // 2
                        variants = {f"<{len(o)}:{o[:h]}", f">{len(o)}:{o[h:]}"}
                        for i in range(len(o)):
                            variants.add("-" + o[:i] + o[i + 1 :])
                            if i + 1 < len(o) and o[i] != o[i + 1]:
                                variants.add(f"~{o[:i]}{o[i + 1]}{o[i]}{o[i + 2:]}")
                        for v in variants:
                            near.setdefault(v, []).append(pos)
                    self.ordered[fam] = ordered
                    near_table = {k: tuple(v) for k, v in near.items()}
                    self.near[fam] = near_table  # last: readers without the lock see both or neither
        return self.ordered[fam], near_table

    def contained(self, family: str) -> re.Pattern[str] | None:
        """The compiled "contains any official number of ``family``?" pattern, if it has one."""
        try:
            return self._compiled[family]
        except KeyError:
            source = self.contained_source.get(family)
            rx = re.compile(source) if source is not None else None
            self._compiled[family] = rx  # a racing thread compiles the same pattern: harmless
            return rx

    def remember(self, key: Any, value: Any) -> None:
        """Keep an answer in the memo, while it has room."""
        with self._memo_lock:
            if len(self.memo) < self.MEMO_LIMIT:
                self.memo[key] = value
