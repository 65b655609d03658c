"""The short route for plain digit strings answers exactly as the general route does."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import walletcontact as wc
from walletcontact import check
from walletcontact.model import PhoneSupportStatus

REGIONS = ["CN", "US", "HK", "IN", "GB", "KE", "PH", "BR", "ML", "JP", " cn ", "us"]


def _providers() -> list[str | None]:
    reg = wc.default_registry()
    picks: list[str | None] = [None, "alipay", "paypal", "authority-cn"]
    for status in PhoneSupportStatus:  # one provider of each phone-support status
        picks.extend([p.id for p in reg if p.phone_support.status is status][:1])
    return picks


PROVIDERS = _providers()


def _both(text: str, provider: str | None, region: str, direction: str = "inbound") -> None:
    reg = wc.default_registry()
    idx = reg.phone_index()
    prov = reg.get(provider) if provider is not None else None
    want = wc.Direction(direction)
    check._plain_route = True
    try:
        fast = check._evaluate(text, prov, region, want, reg, idx, caller=False)
        check._plain_route = False
        slow = check._evaluate(text, prov, region, want, reg, idx, caller=False)
    finally:
        check._plain_route = True
    assert fast == slow, (text, provider, region)
    assert fast.advice() == slow.advice() and fast.to_dict() == slow.to_dict()


def _near_official(rng: random.Random) -> Iterator[tuple[str, str]]:
    """Official numbers of the data, as published and with one digit changed, added or dropped."""
    for p in wc.providers():
        for ch in p.phones:
            n = ch.number
            yield n, ch.region
            digits = [i for i, c in enumerate(n) if c.isdigit()]
            for _ in range(3):
                i = rng.choice(digits)
                yield n[:i] + rng.choice("0123456789") + n[i + 1 :], ch.region
                yield n[:i] + n[i + 1 :], ch.region
                yield n[:i] + rng.choice("0123456789") + n[i:], ch.region
        for rec in (*p.known_fakes, *p.unverified):
            yield rec.number, rec.region


@pytest.mark.parametrize("provider", PROVIDERS)
def test_data_numbers_and_their_neighbours(provider: str | None) -> None:
    rng = random.Random(str(provider))
    for text, region in _near_official(rng):
        _both(text, provider, region)
        _both(text, provider, region, "outbound")


@pytest.mark.parametrize("provider", PROVIDERS)
def test_call_log_like_strings(provider: str | None) -> None:
    rng = random.Random(f"log-{provider}")
    for _ in range(300):
        region = rng.choice(REGIONS)
        kind = rng.randrange(4)
        if kind == 0:
            d = rng.choice(["13", "15", "18", "95", "400", "800"]) + "".join(rng.choices("0123456789", k=rng.randint(2, 9)))
        elif kind == 1:
            d = f"({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
        elif kind == 2:
            d = rng.choice(["+", "00", "011 ", "+1 ", "+86 ", "0"]) + "".join(rng.choices("0123456789 -", k=rng.randint(1, 14)))
        else:
            d = "".join(rng.choices("0123456789+-(). ", k=rng.randint(0, 20)))
        _both(d, provider, region)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="0123456789+-() ./", max_size=24),
    provider=st.sampled_from(PROVIDERS),
    region=st.sampled_from(REGIONS),
)
def test_property(text: str, provider: str | None, region: str) -> None:
    _both(text, provider, region)


def test_the_short_route_is_taken() -> None:
    reg = wc.default_registry()
    got = check._plain("138 0013 8000", None, "CN", wc.Direction.INBOUND, reg, reg.phone_index())
    assert got is not None and got.codes == ("NOT_LISTED_ANY",)
    # and left for the general route when the reading is in the index
    assert check._plain("95188", None, "CN", wc.Direction.INBOUND, reg, reg.phone_index()) is None
