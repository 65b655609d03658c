"""The number index of a registry: keys of every published number, fakes and unverified numbers,
and the look-alike table. Built on the first number check (imports phonenumbers)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import attrs

from ._phone import key_for
from .model import PhoneChannel, Provider, RecordedNumber

if TYPE_CHECKING:
    from .registry import Registry


@attrs.frozen
class Entry:
    provider: Provider
    channel: PhoneChannel
    key: str
    nsn: str
    origin: str


@attrs.frozen
class RecordEntry:
    provider: Provider
    record: RecordedNumber
    key: str


class PhoneIndex:
    """Number key → entries; built once per registry."""

    #: Most fast-path entries kept; official answers only, so this is rarely reached.
    FAST_LIMIT = 65536

    def __init__(self, registry: Registry) -> None:
        by_key: dict[str, list[Entry]] = {}
        fakes: dict[str, list[RecordEntry]] = {}
        unverified: dict[str, list[RecordEntry]] = {}
        by_cc: dict[str, list[Entry]] = {}
        regions: dict[str, None] = {}
        for prov in registry:
            for i, ch in enumerate(prov.channels):
                if not isinstance(ch, PhoneChannel):
                    continue
                key = key_for(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
                if key is None:
                    continue
                origin = registry.origin(f"{prov.id}#{i}") if f"{prov.id}#{i}" in _origins(registry) else registry.origin(prov.id)
                entry = Entry(prov, ch, key, _nsn(key), origin)
                by_key.setdefault(key, []).append(entry)
                by_cc.setdefault(_family(key), []).append(entry)
                regions.setdefault(ch.region, None)
            for table, records in ((fakes, prov.known_fakes), (unverified, prov.unverified)):
                for rec in records:
                    key = key_for(rec.number, rec.region)
                    if key is None:
                        key = _loose_key(rec.number, rec.region)
                    if key is not None:
                        table.setdefault(key, []).append(RecordEntry(prov, rec, key))
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        self.fakes = {k: tuple(v) for k, v in fakes.items()}
        self.unverified = {k: tuple(v) for k, v in unverified.items()}
        self.by_family = {k: tuple(v) for k, v in by_cc.items()}
        self.regions = tuple(regions)
        self.short_keys = frozenset(k for k in self.by_key if not k.startswith("+"))
        #: official answers by exact arguments, and by separator-free spelling (bounded)
        self.exact: dict[Any, Any] = {}
        self.fast: dict[Any, Any] = {}
        self._fast_lock = threading.Lock()

    def remember(self, table: dict[Any, Any], key: Any, value: Any) -> None:
        with self._fast_lock:
            if len(table) < self.FAST_LIMIT:
                table[key] = value


def _origins(registry: Registry) -> dict[str, str]:
    return registry._origins


def _nsn(key: str) -> str:
    if key.startswith("+"):
        import phonenumbers

        return phonenumbers.national_significant_number(phonenumbers.parse(key, None))
    return key.split(":", 1)[1]


def _family(key: str) -> str:
    """Numbers compared for look-alikes: same country code (full) or same region (short)."""
    if key.startswith("+"):
        import phonenumbers

        return f"+{phonenumbers.parse(key, None).country_code}"
    return key.split(":", 1)[0]


def family_of(key_or_region: str) -> str:
    return _family(key_or_region) if (":" in key_or_region or key_or_region.startswith("+")) else key_or_region


def _loose_key(number: str, region: str) -> str | None:
    """Fakes are often not valid numbers at all; key them by their digits."""
    from ._phone import read, scan

    s = scan(number)
    r = read(s.text, region)
    if r.country_code and r.nsn:
        return f"~{r.country_code}:{r.nsn}"
    return None
