"""The one-edit table finds exactly the look-alike a comparison with every official number finds."""

from __future__ import annotations

import random

import pytest

import walletcontact as wc
from walletcontact.check import lookalike
from walletcontact.phone.reading import Reading


def _brute_force(idx, r, prov, exclude):  # type: ignore[no-untyped-def]
    """Compare with every official number of the families (what the index must agree with)."""
    digits = r.nsn
    if not digits:
        return None
    families = [f"+{r.country_code}", r.region] if r.country_code else [r.region]
    best = None
    for fam in families:
        for e in (idx.near_of(fam)[0] if fam in idx.family_lengths else ()):
            if e.key in exclude or (prov is not None and e.provider.id != prov.id):
                continue
            kind = lookalike.lookalike_kind(digits, e.nsn)
            if kind is None:
                continue
            rank = (lookalike._KIND_ORDER.index(kind), int(e.channel.confidence is not wc.Confidence.OFFICIAL))
            if best is None or rank < (best[0], best[1]):
                best = (rank[0], rank[1], e, kind)
    return None if best is None else (best[2], best[3])


def _mutants(nsn: str, rng: random.Random) -> list[str]:
    out = [nsn, nsn + rng.choice("0123456789"), rng.choice("0123456789") + nsn, "00" + nsn + "123"]
    for i in range(len(nsn)):
        d = rng.choice("0123456789")
        out += [nsn[:i] + d + nsn[i + 1 :], nsn[:i] + d + nsn[i:], nsn[:i] + nsn[i + 1 :]]
        if i + 1 < len(nsn):
            out.append(nsn[:i] + nsn[i + 1] + nsn[i] + nsn[i + 2 :])
    out += ["".join(rng.choice("0123456789") for _ in range(len(nsn))) for _ in range(5)]
    return [m for m in out if m]


@pytest.mark.parametrize("with_provider", [False, True])
def test_index_agrees_with_brute_force(with_provider: bool) -> None:
    reg = wc.default_registry()
    idx = reg.phone_index()
    rng = random.Random(7)
    checked = found = 0
    for fam in idx.family_lengths:
        entries = idx.near_of(fam)[0]
        for e in entries:
            cc = int(fam[1:]) if fam.startswith("+") else 0
            region = e.key.split(":", 1)[0] if not e.key.startswith("+") else e.channel.region
            prov = e.provider if with_provider else None
            for m in _mutants(e.nsn, rng):
                r = Reading(region, None, m, cc, False, True, False, None)
                for exclude in (set(), {e.key}):
                    got = lookalike.find_lookalike(idx, r.nsn, r.country_code, r.region, prov, exclude)
                    want = _brute_force(idx, r, prov, exclude)
                    assert got == want, (fam, e.nsn, m, exclude)
                    checked += 1
                    found += got is not None
    assert checked > 1000 and found > checked // 3
