"""Hypothesis properties over the public checks and queries."""

from __future__ import annotations

import contextlib

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import walletcontact as wc
from walletcontact.model import ProviderKind
from walletcontact.phone.numbering import example_spellings, key_info
from walletcontact.phone.text import scan
from walletcontact.validators import official_number

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OFFICIAL = [
    (p.id, ch.number, ch.region)
    for p in wc.providers()
    for ch in p.phones
    if ch.direction in ("inbound", "both") and not ch.carrier_short_code
]
REGIONS = st.one_of(
    st.none(),
    st.sampled_from(["CN", "US", "GB", "HK", "IN", "KE", "BR", "JP"]),
    st.text(max_size=5),
)
PROVIDERS = st.one_of(st.none(), st.sampled_from([p.id for p in wc.providers()]))
NUMBERS = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789 +-()", max_size=20),
    st.text(alphabet=st.characters(categories=["Nd", "Cf", "Zs", "Po"]), max_size=20),
    st.sampled_from([n for _, n, _ in OFFICIAL]),
)


@SETTINGS
@given(number=NUMBERS, region=REGIONS, provider=PROVIDERS)
def test_checks_never_raise_and_agree(number: str, region: str | None, provider: str | None) -> None:
    r = wc.check_number(number, provider=provider, region=region)
    assert r.is_official == (r.verdict == "official")
    assert r.reasons
    assert r.advice("zh-Hans") and r.advice("en")
    assert wc.is_official_number(number, provider=provider, region=region) is r.is_official
    if r.is_official:
        assert r.channel is not None and r.channel.sources
        assert wc.validate_number(number, provider=provider, region=region).verdict == r.verdict
    else:
        with pytest.raises(wc.NumberError):
            wc.validate_number(number, provider=provider, region=region)
    if provider is not None:
        c = wc.check_caller(number, claimed_provider=provider, region=region)
        assert "SPOOFABLE" in c.codes


@SETTINGS
@given(number=st.text(max_size=2000), region=st.text(max_size=8))
def test_any_string_is_safe(number: str, region: str) -> None:
    from phonenumbers import SUPPORTED_REGIONS

    r = wc.check_number(number, region=region)
    if region.strip().upper() not in SUPPORTED_REGIONS:  # whatever the number: the region is the problem
        assert (r.verdict, r.codes) == ("malformed", ("UNKNOWN_REGION",)), (number, region, r.codes)
    else:
        assert r.verdict in ("official", "unofficial", "malformed") and r.reasons
    wc.search_providers(number)
    with contextlib.suppress(wc.AmbiguousProviderError):  # documented: a name several providers share
        assert wc.find_provider(number) is None or isinstance(wc.find_provider(number), wc.Provider)


@SETTINGS
@given(st.sampled_from(OFFICIAL), st.data())
def test_spellings_of_official_numbers_stay_official(item: tuple[str, str, str], data: st.DataObject) -> None:
    pid, number, region = item
    spelling = data.draw(st.sampled_from(example_spellings(number, region)))
    sep = data.draw(st.sampled_from([" ", "-", "", ".", "\u00a0"]))
    spelled = spelling.replace(" ", sep) if spelling.startswith("+") or sep != "." else spelling
    r = wc.check_number(spelled, provider=pid, region=region)
    assert r.is_official, (spelled, r.reasons)
    fullwidth = spelled.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    assert wc.check_number(fullwidth, provider=pid, region=region).is_official


@SETTINGS
@given(st.sampled_from(OFFICIAL), st.data())
def test_one_digit_change_is_official_only_if_that_number_is(item: tuple[str, str, str], data: st.DataObject) -> None:
    pid, number, region = item
    positions = [i for i, c in enumerate(number) if c.isdigit()]
    i = data.draw(st.sampled_from(positions))
    d = data.draw(st.sampled_from([x for x in "0123456789" if x != number[i]]))
    changed = number[:i] + d + number[i + 1 :]
    r = wc.check_number(changed, provider=pid, region=region)
    original = key_info(number, region)
    assert original is not None
    if r.is_official:
        # then the changed text reads as a published number of that provider: another one, or
        # this very number when the changed digit was a prefix that reads the same (in Russia,
        # trunk prefix 8 and country code 7: "8 800 300-30-00" and "7 800 300-30-00")
        assert r.channel is not None
        assert pid in {p.id for p in wc.providers_for_number(changed, region=region)}
        if r.channel.number == number:
            assert r.normalized == original[0], (changed, r.normalized, original)
        return
    if r.lookalike_of is not None:  # the finder only ever names official numbers
        assert wc.check_number(r.lookalike_of.number, provider=r.lookalike_provider, region=r.lookalike_of.region,
                               direction="both").is_official
    listed_elsewhere = {"EMERGENCY", "OTHER_PROVIDER", "AUTHORITY_NUMBER", "WRONG_DIRECTION"} & set(r.codes)
    changed_info = key_info(changed, region)
    if changed_info is not None and changed_info[2] == original[2] and not listed_elsewhere:
        # a one-digit change within the same numbering family is always reported as a look-alike
        # (a changed trunk prefix, 0800 -> 1800, shows up as a digit added to the national number)
        assert r.lookalike_of is not None and r.lookalike_kind is not None, (changed, r.codes)
        if len(changed_info[1]) == len(original[1]):
            assert r.lookalike_kind == "digit-changed", (changed, r.lookalike_kind)


@SETTINGS
@given(number=NUMBERS)
@example(number="000,0;0")  # two extension markers: cleaning once used to leave one behind
@example(number="12345,6#")
def test_normalisation_is_idempotent(number: str) -> None:
    once = scan(number).text
    assert scan(once).text == once
    r = wc.check_number(number, region="CN")
    if r.normalized and r.normalized.startswith("+"):
        again = wc.check_number(r.normalized, region="CN")
        assert again.normalized == r.normalized


@SETTINGS
@given(number=NUMBERS, provider=st.sampled_from(["alipay", "wechat-pay", "paypal"]))
def test_attrs_validator_agrees(number: str, provider: str) -> None:
    @attrs.define
    class Line:
        value: str = attrs.field(validator=official_number(provider))

    ok = wc.is_official_number(number, provider=provider)
    try:
        Line(number)
        accepted = True
    except wc.NumberError:
        accepted = False
    assert accepted is ok


def test_authorities_are_not_wallets() -> None:
    """Government lines are kept apart from wallets: their own kind, and never a wallet's number."""
    authorities = [p for p in wc.providers() if p.kind is ProviderKind.AUTHORITY]
    assert len(authorities) >= 50
    assert all(p.id.startswith("authority-") for p in authorities)
    assert all(p.kind is ProviderKind.WALLET for p in wc.providers() if not p.id.startswith("authority-"))
    wallets = [p for p in wc.providers() if p.kind is ProviderKind.WALLET]
    for a in authorities:
        for ch in a.phones:
            for w in wallets:
                if ch.number in {c.number for c in w.phones}:
                    continue  # the same digits published by both (none today)
                r = wc.check_number(ch.number, provider=w, region=ch.region)
                assert not r.is_official, (a.id, ch.number, w.id)


SPELLINGS = st.one_of(
    NUMBERS,
    st.text(alphabet="0123456789+ -().", max_size=20),
    st.sampled_from(["+", "++", "+ +", "00", "0 0", "(00)", "(0)"]).flatmap(
        lambda p: st.sampled_from([n for _, n, _ in OFFICIAL]).map(lambda n: p + n.lstrip("+"))
    ),
)


@SETTINGS
@given(first=SPELLINGS, second=SPELLINGS, region=REGIONS, provider=PROVIDERS)
def test_answers_do_not_depend_on_earlier_calls(
    first: str, second: str, region: str | None, provider: str | None
) -> None:
    """The caches only ever return what a fresh evaluation would."""
    from walletcontact import check
    from walletcontact.registry import default_registry

    reg = default_registry()
    idx = reg.phone_index()
    prov = reg.get(provider) if provider is not None else None
    for number in (first, second, first):
        cached = wc.check_number(number, provider=provider, region=region)
        fresh = check._answer(number, prov, region, wc.Direction.INBOUND, reg, idx, caller=False)
        assert (cached.verdict, cached.codes, cached.normalized, cached.channel) == (
            fresh.verdict, fresh.codes, fresh.normalized, fresh.channel
        ), number


ANY_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=10),  # lone surrogates
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Nd", "Mn"]), max_size=30),
    st.text(max_size=20).map(lambda t: t * 500),  # large
)


@SETTINGS
@given(text=ANY_TEXT, other=ANY_TEXT)
def test_queries_raise_only_documented_errors(text: str, other: str) -> None:
    assert isinstance(wc.search_providers(text), list)
    with contextlib.suppress(wc.AmbiguousProviderError):  # documented: a name several providers share
        assert wc.find_provider(text) is None or isinstance(wc.find_provider(text), wc.Provider)
    for call in (
        lambda: wc.get_provider(text),
        lambda: wc.channels(text),
        lambda: wc.get_procedure("payment-failed", provider=text, locale=other),
    ):
        with contextlib.suppress(wc.UnknownProviderError, wc.AmbiguousProviderError):
            call()
    with contextlib.suppress(KeyError):
        wc.get_procedure(text, locale=other)
    assert isinstance(wc.report_channels(text), tuple)
    assert isinstance(wc.providers(region=text), tuple)


@SETTINGS
@given(number=ANY_TEXT, region=st.one_of(st.none(), ANY_TEXT))
def test_checks_on_hostile_text(number: str, region: str | None) -> None:
    r = wc.check_number(number, region=region)
    assert r.is_official == (r.verdict == "official")
    assert wc.is_official_number(number, region=region) is r.is_official
    c = wc.check_caller(number, claimed_provider="alipay", region=region)
    assert "SPOOFABLE" in c.codes
    assert next(iter(wc.check_many([number], region=region))).verdict == r.verdict


def _every_rule(ev: object) -> tuple[object, ...]:
    """The reasons of asking every rule, in answer order (what the rule groups stand in for)."""
    from walletcontact.check.result import Reason
    from walletcontact.check.rules import RULES

    out: list[object] = []
    for rule in RULES:
        found = rule(ev)  # type: ignore[arg-type]
        if found is None:
            continue
        out.extend([found] if type(found) is Reason else found)  # type: ignore[arg-type]
    return tuple(out)


NEAR_OFFICIAL = st.sampled_from(OFFICIAL).flatmap(
    lambda o: st.tuples(st.just(o[1]), st.integers(0, 12), st.sampled_from("0123456789"), st.just(o[2]))
).map(lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + 1 :] if t[1] < len(t[0]) else t[0] + t[2])


@SETTINGS
@given(
    number=st.one_of(NUMBERS, NEAR_OFFICIAL),
    region=REGIONS,
    provider=PROVIDERS,
    direction=st.sampled_from(["inbound", "outbound", "both"]),
    caller=st.booleans(),
)
def test_the_rule_groups_never_skip_a_rule_that_applies(
    number: str, region: str | None, provider: str | None, direction: str, caller: bool
) -> None:
    """An answer asks only the rule groups (and, among the reading's rules, only the rules) whose
    subject the evidence has: the same reasons, in the same order, as asking every rule."""
    from walletcontact.check.evidence import gather
    from walletcontact.check.rules import reasons

    reg = wc.default_registry()
    prov = None
    if provider is not None:
        prov = reg.get(provider)
    want = wc.Direction(direction)
    ev = gather(number, prov, region, want, reg.phone_index(), caller=caller)
    assert reasons(ev) == _every_rule(ev)
    # the hot paths make these named tuples with tuple.__new__: every field must be there
    assert len(ev) == len(type(ev)._fields)
    if ev.scan is not None:
        assert len(ev.scan) == len(type(ev.scan)._fields)
