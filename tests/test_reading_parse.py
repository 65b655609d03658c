"""The fast route for plain digit strings gives exactly what phonenumbers.parse gives."""

from __future__ import annotations

import random
from collections.abc import Callable

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from walletcontact.phone import _fast as _phone

REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)


def _outcome(parse: Callable[[str, str], phonenumbers.PhoneNumber], text: str, region: str) -> object:
    try:
        n = parse(text, region)
    except phonenumbers.NumberParseException as exc:
        return ("error", exc.error_type)
    return (n.country_code, n.national_number, n.italian_leading_zero, n.number_of_leading_zeros)


def _reference(text: str, region: str) -> object:
    return _outcome(phonenumbers.parse, text, region)


HANDED_OVER: list[str] = []


def _ours(text: str, region: str) -> object:
    """The fast route itself, where ``_phone.parse`` takes it. ``parse`` falls back to
    phonenumbers on any surprise, which would hide a broken fast route from these tests: here only
    the route's own hand-over (``HandOver``) goes to phonenumbers, and any other error fails."""
    digits = _phone.compact(text)
    if digits is None or not 3 <= len(digits.lstrip("+")) <= _phone._FAST_MAX_DIGITS:
        return _outcome(_phone.parse, text, region)
    try:
        return _outcome(lambda _text, r: _phone._fast_parse(digits, r), text, region)
    except _phone.HandOver:
        HANDED_OVER.append(text)
        return _reference(text, region)


@pytest.mark.parametrize("region", REGIONS)
def test_every_region_sweep(region: str) -> None:
    rng = random.Random(region)
    cc = str(phonenumbers.country_code_for_region(region))
    samples = []
    for _ in range(60):
        n = rng.randint(3, 15) if rng.random() < 0.8 else rng.randint(16, 40)
        digits = "".join(rng.choice("0123456789") for _ in range(n))
        samples += [digits, "0" + digits, "+" + cc + digits, "00" + cc + digits, "011" + cc + digits, "+" + digits]
    HANDED_OVER.clear()
    for text in samples:
        assert _ours(text, region) == _reference(text, region), (text, region)
    assert len(HANDED_OVER) < len(samples) // 4, (region, HANDED_OVER[:5])  # the route is the rule


@settings(max_examples=500, deadline=None)
@given(
    text=st.from_regex(r"\+?[0-9]{1,70}", fullmatch=True),
    region=st.sampled_from(REGIONS),
)
def test_property(text: str, region: str) -> None:
    assert _ours(text, region) == _reference(text, region)


def test_the_fast_route_is_taken() -> None:
    assert _phone._fast_ok
    n = _phone._fast_parse("13800138000", "CN")
    assert n == phonenumbers.parse("13800138000", "CN")


def test_self_check_passes_with_the_installed_phonenumbers() -> None:
    for region in ("CN", "US", "GB", "IT", "KE"):
        assert _phone._fast_self_check(region), region
    assert _phone.fast_agrees.get() is True


def test_a_disagreeing_phonenumbers_turns_the_fast_route_off(monkeypatch: pytest.MonkeyPatch) -> None:
    real = phonenumbers.parse

    def shifted(text: str, region: str | None) -> phonenumbers.PhoneNumber:  # a "future" parse
        n = real(text, region)
        n.national_number = (n.national_number or 0) + 1
        return n

    monkeypatch.setattr(phonenumbers, "parse", shifted)
    assert not _phone._fast_self_check("CN")
    _phone.fast_agrees.reset()
    try:
        assert _phone.parse("13800138000", "CN").national_number == 13800138001  # phonenumbers' answer
        assert _phone.fast_agrees.get() is False
    finally:
        _phone.fast_agrees.reset()  # checked again, against the real phonenumbers, on next use
    monkeypatch.undo()
    assert _phone.parse("13800138000", "CN").national_number == 13800138000
    assert _phone.fast_agrees.get() is True
