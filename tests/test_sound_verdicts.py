"""Table tests, one table per pattern that once gave a false "official", a false alarm or a guessed
region (see docs/checking-numbers.md for each rule)."""

from __future__ import annotations

from typing import Any

import pytest

import walletcontact as wc

# ---------------------------------------------------------------- 1. area code + service number


@pytest.mark.parametrize(
    ("number", "region", "provider"),
    [
        ("2101 8222", "HK", None),  # no area codes in Hong Kong: an ordinary line
        ("6123 1799", "SG", None),
        ("069 99100", "KE", None),
        ("02 123 1240", "TH", None),
        ("0801-6167", "BD", None),
        ("010 6295 0800", "CN", "huawei-wallet"),  # the cut runs through a Beijing number
        ("010 6295 0800", "CN", None),
        ("400 695 0800", "CN", None),  # a 400 number has no area code
        ("571 95188", "CN", "alipay"),  # no trunk prefix: a local number
        ("86 571 95188", "CN", "alipay"),  # a country code, not a trunk prefix
        ("+86 571 95188", "CN", "alipay"),  # international form: not vouched for
        ("0571 5 95188", "CN", "alipay"),  # not exactly the service number after the area code
        ("09999 95188", "CN", "alipay"),  # not an area code
    ],
)
def test_area_code_rule_does_not_make_ordinary_lines_official(number: str, region: str, provider: str | None) -> None:
    r = wc.check_number(number, region=region, provider=provider)
    assert not r.is_official and "AREA_CODE_SERVICE" not in r.codes, r.codes


@pytest.mark.parametrize(
    ("number", "provider", "service"),
    [("0571-95188", "alipay", "95188"), ("010-95017", "wechat-pay", "95017"), ("0755 95017", "wechat-pay", "95017")],
)
def test_area_code_rule_where_the_plan_has_it(number: str, provider: str, service: str) -> None:
    r = wc.check_number(number, region="CN", provider=provider)
    assert r.is_official and r.codes[:2] == ("OFFICIAL", "AREA_CODE_SERVICE")
    assert dict(r.reasons[1].params)["service"] == service


def test_area_code_on_a_caller_id_only_for_lines_that_show_one() -> None:
    assert not wc.check_caller("021 95152", claimed_provider="douyin-pay", region="CN").is_official
    r = wc.check_caller("025-96110", claimed_provider="authority-cn", region="CN")
    assert r.is_official and "SPOOFABLE" in r.codes


# ---------------------------------------------------------------- 2. dial codes


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("**21*95188#", "CALL_FORWARDING"),
        ("*21*13800138000#", "CALL_FORWARDING"),
        ("**61*+8613800138000*11*20#", "CALL_FORWARDING"),
        ("**62*13800138000#", "CALL_FORWARDING"),
        ("**67*13800138000#", "CALL_FORWARDING"),
        ("**004*13800138000#", "CALL_FORWARDING"),
        ("*401*9876543210", "CALL_FORWARDING"),
        ("*95188", "DIAL_CODE"),
        ("#95188", "DIAL_CODE"),
        ("9518*8", "DIAL_CODE"),
        ("95188*", "DIAL_CODE"),
        ("*100#", "DIAL_CODE"),
        ("＊95188", "DIAL_CODE"),  # a full-width star
        ("*#06#", "DIAL_CODE"),
    ],
)
def test_dial_codes_are_never_official(code: str, expected: str) -> None:
    for provider in ("alipay", None):
        r = wc.check_number(code, region="CN", provider=provider)
        assert not r.is_official and r.verdict.value == "unofficial", r.codes
        assert r.codes == (expected,), r.codes
        assert r.normalized is None


def test_call_forwarding_names_the_number_the_calls_go_to() -> None:
    r = wc.check_number("**21*13800138000#", region="CN")
    params = dict(r.reasons[0].params)
    assert (params["target"], params["what"]) == ("13800138000", "all")
    assert "13800138000" in r.reasons[0].message and "##002#" in r.advice()
    assert "13800138000" in r.reasons[0].text("zh-Hans") and "##002#" in r.advice("zh-Hant")
    busy = wc.check_number("**67*13800138000#", region="CN")
    assert dict(busy.reasons[0].params)["what"] == "busy" and "busy" in busy.reasons[0].message


def test_a_number_published_as_a_dial_code_is_official_in_that_form_only() -> None:
    assert wc.check_number("#9110", region="JP").is_official
    assert not wc.check_number("9110", region="JP").is_official
    assert not wc.check_number("*9110", region="JP").is_official


# ---------------------------------------------------------------- 3. short numbers with a country code


@pytest.mark.parametrize(
    ("number", "region"),
    [("+86 95188", "CN"), ("0086 95188", "CN"), ("011 86 95188", "US"), ("+86-95188", None), ("00 86 95188", "GB")],
)
def test_short_number_with_a_country_code_is_never_official(number: str, region: str | None) -> None:
    r = wc.check_number(number, region=region, provider="alipay")
    assert not r.is_official and r.codes[0] == "SHORT_NUMBER_ABROAD", r.codes
    assert "app or website" in r.advice()


def test_abroad_advice_names_the_line_for_callers_abroad() -> None:
    r = wc.check_number("+86 95017", provider="wechat-pay", region="CN")
    assert r.codes == ("SHORT_NUMBER_ABROAD",)
    assert "+86 571 95017" in r.advice() and "+86 571 95017" in r.advice("zh-Hans")


# ---------------------------------------------------------------- 4. no region given


@pytest.mark.parametrize(
    "number",
    ["03-1234-5678", "06 1234 5678", "01-4457165", "030 1234567", "02 1234 5678", "0612345678"],
)
def test_without_a_region_no_foreign_reading(number: str) -> None:
    r = wc.check_number(number)
    assert (r.verdict.value, r.region, r.report_to, r.report_online) == ("unofficial", None, (), ())
    assert r.codes == ("REGION_NEEDED",)


@pytest.mark.parametrize("number", ["100", "1-800-419-0157", "95188", "165", "110"])
def test_without_a_region_digits_official_in_one_region_and_valid_in_others_are_ambiguous(number: str) -> None:
    r = wc.check_number(number)
    assert not r.is_official and r.region is None and r.codes[0] == "AMBIGUOUS"
    assert len(dict(r.reasons[0].params)["regions"].split(", ")) >= 2


def test_without_a_region_a_provider_reads_in_its_regions() -> None:
    r = wc.check_number("95188", provider="alipay")
    assert r.is_official and r.region == "CN"
    assert wc.check_number("+1 888-221-1161").is_official  # a country code names its region


# ---------------------------------------------------------------- 5. look-alikes on ordinary numbers


@pytest.mark.parametrize(
    ("number", "region"),
    [("131 2481 2381", "CN"), ("081 240 1548", "TH"), ("138 9518 8000", "CN"), ("0300 095 1880", "GB")],
)
def test_an_ordinary_number_containing_an_official_one_is_no_lookalike(number: str, region: str) -> None:
    r = wc.check_number(number, region=region)
    assert "LOOKALIKE" not in r.codes, r.codes


@pytest.mark.parametrize(
    ("number", "kind"),
    [("95189", "digit-changed"), ("95818", "digits-swapped"), ("951880", "digit-added"), ("9518", "digit-removed"),
     ("95188123", "extra-digits"), ("12395188", "extra-digits")],
)
def test_every_lookalike_kind_still_fires_on_short_numbers(number: str, kind: str) -> None:
    r = wc.check_number(number, provider="alipay", region="CN")
    assert r.lookalike_kind == kind and r.lookalike_of is not None and r.lookalike_of.number == "95188"


# ---------------------------------------------------------------- 6. honest notes


@pytest.mark.parametrize(
    ("number", "note", "named"),
    [
        ("⑨⑤①⑧⑧", "DIGIT_LIKE_CHARACTERS", "⑨⑤①⑧⑧"),
        ("⁹⁵¹⁸⁸", "DIGIT_LIKE_CHARACTERS", "⁹⁵¹⁸⁸"),
        ("95₁88", "DIGIT_LIKE_CHARACTERS", "₁"),
        ("⑼⑸⑴⑻⑻", "DIGIT_LIKE_CHARACTERS", "⑼⑸⑴⑻⑻"),
        ("95188!", "OTHER_CHARACTERS", "!"),
        ("95188。", "OTHER_CHARACTERS", "。"),
        ("95_188", "OTHER_CHARACTERS", "_"),
    ],
)
def test_every_converted_or_removed_character_is_named(number: str, note: str, named: str) -> None:
    r = wc.check_number(number, region="CN")
    assert note in r.codes, r.codes
    reason = r.reasons[r.codes.index(note)]
    assert all(c in reason.message for c in named), reason.message


@pytest.mark.parametrize(
    ("number", "region", "letters", "imitates"),
    [
        ("l-800-969-1940", "US", "l", "1 (800) 969-1940"),
        ("O800 368 7155", "GB", "O", None),
        ("I-888-221-1161", "US", "I", "1-888-221-1161"),
        ("950l7", "CN", "l", "95017"),
        ("|-800-969-1940", "US", "|", "1 (800) 969-1940"),
        ("9518O", "CN", "O", None),
    ],
)
def test_letters_written_for_digits_are_never_official(
    number: str, region: str, letters: str, imitates: str | None
) -> None:
    r = wc.check_number(number, region=region)
    assert not r.is_official and "LETTERS_AS_DIGITS" in r.codes, r.codes
    assert letters in r.reasons[r.codes.index("LETTERS_AS_DIGITS")].message
    assert "VANITY_LETTERS" not in r.codes
    if imitates is not None:
        assert r.lookalike_of is not None and r.lookalike_of.number == imitates
        assert r.lookalike_kind == "letters-for-digits"


def test_keypad_letters_stay_keypad_letters() -> None:
    r = wc.check_number("1-800-WOW-1940", region="US")
    assert r.is_official and "VANITY_LETTERS" in r.codes and "LETTERS_AS_DIGITS" not in r.codes
    assert "LETTERS_AS_DIGITS" not in wc.check_number("1-800-FLOWERS", region="US").codes


@pytest.mark.parametrize("text", ["Call 95188 now", "PayPal 1-888-221-1161", "客服电话95188", "95188 客服", "Звоните 95188"])
def test_words_around_a_number_are_not_a_number(text: str) -> None:
    for region in ("CN", "US"):
        r = wc.check_number(text, region=region)
        assert not r.is_official, (text, region, r.codes)


# ---------------------------------------------------------------- 7. directions


@pytest.mark.parametrize("direction", ["outbound", "both"])
def test_official_answers_about_calls_from_a_number_carry_spoofable(direction: str) -> None:
    for number, provider, region in (("0722000000", "m-pesa", "KE"), ("96110", "authority-cn", "CN")):
        r = wc.check_number(number, provider=provider, region=region, direction=direction)
        assert r.is_official and r.codes[-1] == "SPOOFABLE", r.codes


def test_no_advice_tells_a_person_to_call_an_outbound_only_line() -> None:
    r = wc.check_number("0722000000", provider="m-pesa", region="KE", direction="outbound")
    for locale in ("en", "zh-Hans", "zh-Hant"):
        advice = r.advice(locale)
        assert "You can call this number" not in advice and "可以拨打" not in advice
    assert "calls from" in r.advice()


def test_direction_inbound_official_answers_stay_plain() -> None:
    r: Any = wc.check_number("95188", provider="alipay", region="CN")
    assert r.codes == ("OFFICIAL",) and "You can call this number" in r.advice()
