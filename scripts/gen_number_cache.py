"""Regenerate src/walletcontact/data/numbers.json: readings of every shipped number's usual spellings.

    python scripts/gen_number_cache.py [OUTPUT]

The library reads this cache so that loading the data and checking a published number need not
import phonenumbers; it is used only with the phonenumbers version it was made with, and
tests/test_number_cache.py fails when it is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import phonenumbers

from walletcontact._load import load_builtin
from walletcontact._phone import (
    SUPPORTED_REGIONS,
    VANITY_REGIONS,
    example_spellings,
    is_fixed_line,
    key_info,
    read_raw,
    record_key,
)
from walletcontact._reading import compact, scan

DEFAULT = Path(__file__).resolve().parent.parent / "src" / "walletcontact" / "data" / "numbers.json"


def build() -> dict[str, Any]:
    keys: dict[str, list[str]] = {}
    records: dict[str, str] = {}
    readings: dict[str, list[Any]] = {}
    for prov in load_builtin():
        for ch in prov.phones:
            info = key_info(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
            keys[f"{ch.region}|{int(ch.carrier_short_code)}|{ch.number}"] = list(info) if info else ["", "", ""]
            regions = {ch.region, *prov.regions}
            for spelling in {ch.number, *example_spellings(ch.number, ch.region)}:
                text = scan(spelling).text
                k = compact(text)
                if k is None:
                    continue
                for region in sorted(regions):
                    if region in SUPPORTED_REGIONS:
                        raw = list(read_raw(text, region))
                        if raw[5] and not raw[4] and raw[1]:
                            raw[8] = is_fixed_line(raw[1])
                        readings[f"{region}|{k}"] = raw
        for rec in (*prov.known_fakes, *prov.unverified):
            records[f"{rec.region}|{rec.number}"] = record_key(rec.number, rec.region) or ""
    return {
        "phonenumbers": phonenumbers.__version__,
        "regions": sorted(SUPPORTED_REGIONS),
        "vanity": sorted(VANITY_REGIONS),
        "keys": keys,
        "records": records,
        "readings": readings,
    }


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT
    text = json.dumps(build(), ensure_ascii=False, sort_keys=True, indent=0) + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
