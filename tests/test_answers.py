"""Answers a person can act on: risk levels, advice that fits the place, the names people use."""

from __future__ import annotations

import pytest

import walletcontact as wc
from walletcontact.check.result import RISK_OF


@pytest.mark.parametrize(
    ("number", "provider", "region", "direction", "risk"),
    [
        ("95188", "alipay", "CN", "inbound", "low"),
        ("95017", None, "CN", "inbound", "low"),  # someone's official line, no provider claimed
        ("138 0013 8000", None, "CN", "inbound", "unknown"),
        ("030 1234567", None, None, "inbound", "unknown"),  # REGION_NEEDED
        ("100", None, None, "inbound", "unknown"),  # AMBIGUOUS about regions
        ("110", None, "CN", "inbound", "unknown"),  # an emergency number, no wallet claimed
        ("hello", None, "CN", "inbound", "unknown"),
        ("138 0013 8000", "alipay", "CN", "inbound", "caution"),  # NOT_LISTED
        ("hello", "alipay", "CN", "inbound", "caution"),  # malformed, a provider claimed
        ("1-888-221-1161", "paypal", "US", "inbound", "caution"),  # reported, not on PayPal's pages
        ("95188", "alipay", "US", "inbound", "caution"),  # OTHER_REGION
        ("+86 95188", "alipay", "CN", "inbound", "caution"),  # SHORT_NUMBER_ABROAD
        ("0722000000", "m-pesa", "KE", "outbound", "caution"),  # official, but caller ID can be faked
        ("95\u202e188", "alipay", "CN", "inbound", "caution"),  # direction control
        ("95189", "alipay", "CN", "inbound", "high"),  # recorded fake, look-alike
        ("95818", "alipay", "CN", "inbound", "high"),  # look-alike
        ("**21*13800138000#", None, "CN", "inbound", "high"),
        ("*95188", "alipay", "CN", "inbound", "high"),
        ("95017", "alipay", "CN", "inbound", "high"),  # another provider's number
        ("96110", "alipay", "CN", "inbound", "high"),  # an authority's number
        ("95188", "alipay", "CN", "outbound", "high"),  # a hotline presented as a caller
        ("l-800-969-1940", "cash-app", "US", "inbound", "high"),
        ("110", "alipay", "CN", "inbound", "high"),  # an emergency number as a wallet's line
    ],
)
def test_risk_levels(number: str, provider: str | None, region: str | None, direction: str, risk: str) -> None:
    r = wc.check_number(number, provider=provider, region=region, direction=direction)
    assert r.risk == risk, (r.codes, r.risk)
    assert r.to_dict()["risk"] == risk
    if risk == "low":
        assert r.is_official and r.confidence == "official"


def test_a_call_received_is_never_low() -> None:
    for number, provider in (("0722000000", "m-pesa"), ("95188", "alipay"), ("+86 138 0013 8000", "alipay")):
        assert wc.check_caller(number, claimed_provider=provider, region="KE" if provider == "m-pesa" else "CN").risk in (
            "caution",
            "high",
        )


def test_every_code_has_a_level_or_is_a_note() -> None:
    from walletcontact.messages import REASONS

    notes = {"OFFICIAL", "AMBIGUOUS", "AREA_CODE_SERVICE", "EXTENSION_DROPPED", "VANITY_LETTERS", "UNICODE_DIGITS",
             "CONTROL_CHARACTERS", "DIGIT_LIKE_CHARACTERS", "OTHER_CHARACTERS"}
    # LINK_* and SENDER_* codes belong to link and sender checks, whose levels check_link and
    # check_sender decide (see test_messages_check)
    assert {c for c in REASONS if not c.startswith(("LINK_", "SENDER_"))} == set(RISK_OF) | notes


def test_every_answer_that_is_not_low_names_the_real_contacts_and_the_report_line() -> None:
    for number, provider, region in (("95189", "alipay", "CN"), ("138 0013 8000", "alipay", "CN"),
                                     ("*95188", "alipay", "CN"), ("95017", "alipay", "CN")):
        r = wc.check_number(number, provider=provider, region=region)
        assert r.risk != "low"
        assert "95188" in r.advice() and "96110" in r.advice()
        assert "95188" in r.advice("zh-Hans") and "96110" in r.advice("zh-Hant")


def test_official_numbers_list_the_region_first() -> None:
    r = wc.check_number("555 0100", provider="paypal", region="US")
    assert r.official_numbers and r.official_numbers[0].region == "US"
    regions = [c.region for c in r.official_numbers]
    assert regions == sorted(regions, key=lambda x: x != "US")
    # the advice names this region's lines only
    advice = r.advice()
    assert all(c.number in advice for c in r.official_numbers if c.region == "US")
    assert not any(c.number in advice for c in r.official_numbers if c.region != "US")


def test_other_regions_lines_are_offered_only_when_nothing_local_exists_and_say_so() -> None:
    r = wc.check_number("555 0100", provider="alipay", region="US")
    assert all(c.region == "CN" for c in r.official_numbers)
    assert "95188 (CN)" in r.advice()


def test_a_short_number_from_another_region_is_answered_coherently() -> None:
    r = wc.check_number("95188", provider="alipay", region="US")
    assert not r.is_official and r.codes == ("OTHER_REGION",) and r.risk == "caution"
    assert "CN" in r.reasons[0].message and "US" in r.reasons[0].message
    assert "app or website" in r.advice() and "1-877-382-4357" in r.advice()
    assert "Do not call" not in r.advice()


@pytest.mark.parametrize(
    ("name", "region", "expected"),
    [
        ("微信", "CN", "wechat-pay"),
        ("WeChat", "HK", "wechat-pay-hk"),
        ("weixin", "CN", "wechat-pay"),
        ("Safaricom", None, "m-pesa"),
        ("SAFARICOM", None, "m-pesa"),
        ("Ｓａｆａｒｉｃｏｍ", None, "m-pesa"),  # full-width
        ("Apple", None, "apple-pay"),
        ("苹果", None, "apple-pay"),
        ("蘋果", None, "apple-pay"),
        ("Google", "US", "google-wallet"),
        ("京东", None, "jd-pay"),
        ("京東", None, "jd-pay"),
        ("花呗", None, "alipay"),
        ("余额宝", None, "alipay"),
        ("Kakao", None, "kakao-pay"),
        ("카카오", None, "kakao-pay"),
        ("华为", None, "huawei-wallet"),
        ("華為", None, "huawei-wallet"),
        ("三星", None, "samsung-wallet"),
        ("MTN", "GH", "mtn-momo"),
        ("Airtel", "UG", "airtel-money"),
        ("Alipay", "HK", "alipay-hk"),
        ("支付寶", "CN", "alipay"),
    ],
)
def test_names_people_use(name: str, region: str | None, expected: str) -> None:
    assert wc.get_provider(name, region=region).id == expected
    assert wc.find_provider(name, region=region) is wc.get_provider(name, region=region)
    r = wc.check_caller("+86 138 0013 8000", claimed_provider=name, region=region or "CN") if region in (None, "CN") else None
    if r is not None:
        assert r.provider is not None and r.provider.id == expected


@pytest.mark.parametrize("name", ["WeChat", "微信", "Alipay", "支付寶", "M-Pesa", "Google"])
def test_a_name_that_fits_several_providers_is_not_picked_silently(name: str) -> None:
    with pytest.raises(wc.AmbiguousProviderError) as info:
        wc.get_provider(name)
    assert isinstance(info.value, LookupError) and len(info.value.candidates) >= 2
    with pytest.raises(wc.AmbiguousProviderError):
        wc.check_number("95188", provider=name)
    assert not wc.is_official_number("95188", provider=name)  # never raises


def test_misspellings_are_found_with_a_score() -> None:
    ranked = wc.search_providers("Paytem", scores=True)
    assert ranked[0][0].id == "paytm" and ranked[0][1] == 30
    assert wc.search_providers("safaricom")[0].id == "m-pesa"
    assert wc.search_providers("PayPal", scores=True)[0] == (wc.get_provider("paypal"), 100)


def test_everyday_names_are_data_with_their_locale() -> None:
    p = wc.get_provider("wechat-pay")
    assert any(e.name == "微信" and e.locale == "zh-Hans" for e in p.everyday_names)
    assert wc.export()["providers"][[q["id"] for q in wc.export()["providers"]].index("wechat-pay")]["everyday_names"]


def test_answers_the_engine_makes_equal_the_same_answer_made_with_keywords() -> None:
    """The engine builds answers positionally (quicker than attrs' frozen __init__): every field
    must land where the keyword constructor puts it, and the answer stays frozen."""
    import inspect

    import attrs

    from walletcontact.check.result import NumberCheck, _new_check

    # _new_check takes every field, in attrs' order (the private _risk as "risk")
    assert list(inspect.signature(_new_check).parameters) == [a.name.lstrip("_") for a in attrs.fields(NumberCheck)]

    cases = [
        wc.check_number("95188", provider="alipay", region="CN"),
        wc.check_number("95189", provider="alipay", region="CN"),
        wc.check_caller("+86 138 0013 8000", claimed_provider="alipay"),
        wc.check_number("**21*13800138000#", region="CN"),
    ]
    for made in cases:
        again = NumberCheck(**{a.alias: getattr(made, a.name) for a in attrs.fields(NumberCheck) if a.init})
        assert again == made
        for a in attrs.fields(NumberCheck):
            if a.init:
                assert getattr(again, a.name) is getattr(made, a.name), a.name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.verdict = made.verdict  # type: ignore[misc]
    assert {c.verdict.value for c in cases} == {"official", "unofficial"}
