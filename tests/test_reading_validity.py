"""The fast validity check gives exactly what phonenumbers.is_valid_number gives.

The comparisons call the fast functions themselves (``_is_valid``, ``_region_of``): the public
``is_valid`` and ``region_code`` hand over to phonenumbers when the fast route is switched off,
which would let these tests compare phonenumbers with itself.
"""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from walletcontact.phone import _fast as _valid

REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
CODES = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def _number(cc: int, nsn: str) -> phonenumbers.PhoneNumber:
    n = phonenumbers.PhoneNumber(country_code=cc, national_number=int(nsn))
    zeros = len(nsn) - len(nsn.lstrip("0"))
    if zeros and int(nsn):
        n.italian_leading_zero = True
        if zeros > 1:
            n.number_of_leading_zeros = zeros
    return n


def _agrees(cc: int, nsn: str) -> None:
    n = _number(cc, nsn)
    real = phonenumbers.national_significant_number(n)
    assert _valid._is_valid(cc, real) == phonenumbers.is_valid_number(n), (cc, nsn)


def _examples(region: str) -> list[str]:
    out = []
    for t in phonenumbers.PhoneNumberType.values():
        ex = phonenumbers.example_number_for_type(region, t)
        if ex is not None:
            out.append(phonenumbers.national_significant_number(ex))
    return out


@pytest.mark.parametrize("region", REGIONS)
def test_every_region_examples_and_their_neighbours(region: str) -> None:
    cc = phonenumbers.country_code_for_region(region)
    rng = random.Random(region)
    for nsn in _examples(region):
        _agrees(cc, nsn)
        for _ in range(40):  # one digit changed, added or removed: mostly invalid, some valid
            i = rng.randrange(len(nsn))
            d = rng.choice("0123456789")
            for cand in (nsn[:i] + d + nsn[i + 1 :], nsn[:i] + d + nsn[i:], nsn[:i] + nsn[i + 1 :]):
                if cand and cand.strip("0"):
                    _agrees(cc, cand)


@pytest.mark.parametrize("cc", CODES)
def test_every_country_code_random(cc: int) -> None:
    rng = random.Random(cc)
    for _ in range(150):
        nsn = "".join(rng.choice("0123456789") for _ in range(rng.randint(2, 17)))
        if nsn.strip("0"):
            _agrees(cc, nsn)


@settings(max_examples=400, deadline=None)
@given(cc=st.sampled_from(CODES), nsn=st.from_regex(r"[0-9]{1,17}", fullmatch=True))
def test_property(cc: int, nsn: str) -> None:
    if nsn.strip("0"):
        _agrees(cc, nsn)


def test_unknown_country_code_is_invalid() -> None:
    n = phonenumbers.PhoneNumber(country_code=999, national_number=12345678)
    assert _valid._is_valid(999, "12345678") is False is phonenumbers.is_valid_number(n)
    assert _valid.is_valid(n, "12345678") is False


def test_nanpa_numbers_go_to_their_region() -> None:
    # +1 268 … is Antigua (leading digits), +1 415 … the US, +1 416 … Canada
    for text in ("+1 268 464 1234", "+1 415 555 2671", "+1 416 555 0123", "+1 999 555 0123"):
        n = phonenumbers.parse(text, None)
        nsn = phonenumbers.national_significant_number(n)
        assert _valid._is_valid(n.country_code, nsn) == phonenumbers.is_valid_number(n), text
        assert _valid._region_of(n.country_code, nsn) == phonenumbers.region_code_for_number(n), text


@pytest.mark.parametrize("cc", [c for c in CODES if len(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[c]) > 1])
def test_region_of_shared_country_codes(cc: int) -> None:
    rng = random.Random(-cc)
    samples = [nsn for r in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[cc] for nsn in _examples(r)]
    samples += ["".join(rng.choice("0123456789") for _ in range(rng.randint(4, 12))) for _ in range(200)]
    for nsn in samples:
        if nsn.strip("0"):
            n = _number(cc, nsn)
            real = phonenumbers.national_significant_number(n)
            assert _valid._region_of(cc, real) == phonenumbers.region_code_for_number(n), (cc, nsn)


def test_the_public_functions_use_the_fast_route() -> None:
    """After all of the above, the fast route is still on (nothing switched it off)."""
    n = phonenumbers.parse("+1 415 555 2671", None)
    assert _valid.is_valid(n, "4155552671") is True and _valid.region_code(n, "4155552671") == "US"
    assert _valid._ok and _valid.agrees.get() is True


def test_self_check_passes_with_the_installed_phonenumbers() -> None:
    assert _valid._self_check() is True
    assert _valid.agrees.get() is True


def test_a_disagreeing_phonenumbers_switches_to_its_own_functions(monkeypatch: pytest.MonkeyPatch) -> None:
    # pretend phonenumbers decides differently (as a future release might): the self-check sees it
    monkeypatch.setattr(phonenumbers, "is_valid_number", lambda n: False)
    assert _valid._self_check() is False
    _valid.agrees.reset()
    try:
        n = phonenumbers.parse("+1 415 555 2671", None)
        assert _valid.is_valid(n, "4155552671") is False  # phonenumbers' (patched) answer, not ours
        assert _valid.agrees.get() is False
    finally:
        _valid.agrees.reset()  # checked again, against the real phonenumbers, on next use
    monkeypatch.undo()
    assert _valid.is_valid(n, "4155552671") is True and _valid.agrees.get() is True


# ---------------------------------------------------------------- short and emergency numbers


@given(
    st.text(alphabet="0123456789", min_size=1, max_size=14),
    st.sampled_from(sorted(phonenumbers.SUPPORTED_SHORT_REGIONS)),
    st.sampled_from(["", "+", "0", "00"]),
)
@settings(max_examples=600, deadline=None)
def test_reading_skips_short_number_questions_only_when_phonenumbers_says_no(digits: str, region: str, prefix: str) -> None:
    """A reading asks phonenumbers whether a number is a short or an emergency number only when
    the length allows it; the reading is the same as asking every time."""
    from walletcontact.phone import numbering
    from walletcontact.phone.text import compact

    text = prefix + digits
    ours = numbering.read_raw(text, region, compact(text))
    saved = dict(numbering._SHORT)
    try:
        numbering._SHORT.clear()
        numbering._SHORT.update(dict.fromkeys(phonenumbers.SUPPORTED_REGIONS, (frozenset(), None)))
        always_asked = numbering.read_raw(text, region, compact(text))
    finally:
        numbering._SHORT.clear()
        numbering._SHORT.update(saved)
    assert ours == always_asked, (text, region)


def test_emergency_numbers_are_never_longer_than_their_metadata_says() -> None:
    """What lets readings skip the emergency question: no region's emergency pattern matches more
    digits than its emergency lengths (random longer strings, and real ones padded)."""
    from phonenumbers import shortnumberinfo

    rng = random.Random(11)
    for region in sorted(phonenumbers.SUPPORTED_SHORT_REGIONS):
        md = phonenumbers.PhoneMetadata.short_metadata_for_region(region, None)
        if md is None or md.emergency is None or not md.emergency.possible_length:
            continue
        longest = max(md.emergency.possible_length)
        samples = ["".join(rng.choice("0123456789") for _ in range(longest + 1 + i % 4)) for i in range(60)]
        if md.emergency.example_number:
            samples += [md.emergency.example_number + pad for pad in ("0", "1", "12", "911", "0000")]
        for s in samples:
            if len(s) > longest:
                assert not shortnumberinfo.is_emergency_number(s, region), (region, s)
