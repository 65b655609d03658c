"""Table tests of the verdict rules: spellings, reasons, look-alikes, directions, emergencies."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

import walletcontact as wc
from _factory import SEEN, make_provider
from walletcontact.check import lookalike_kind


def _phone(number: str, region: str, direction: str = "inbound", **extra: Any) -> dict[str, Any]:
    return {
        "type": "phone",
        "number": number,
        "region": region,
        "direction": direction,
        "confidence": "official",
        "sources": [{"url": "https://acme.example.com/contact", "kind": "official", "seen": SEEN}],
        "verified_on": SEEN,
        **extra,
    }


@pytest.fixture(scope="module")
def reg() -> wc.Registry:
    acme = make_provider()
    usa = make_provider(
        "vanity-pay",
        names={"en": "Vanity Pay"},
        aliases=[],
        regions=["US"],
        domains=["vanity.example.com"],
        channels=[
            {**_phone("1-800-692-7753", "US"), "sources": [{"url": "https://vanity.example.com/c", "kind": "official", "seen": SEEN}]},
        ],
        caller_policies=[],
        sources=[{"url": "https://vanity.example.com/", "kind": "official", "seen": SEEN}],
        known_fakes=[
            {"number": "+1 800 692 7754", "region": "US", "note": {"en": "fake"},
             "sources": [{"url": "https://news.example.org/a", "kind": "news", "seen": SEEN}], "verified_on": SEEN}
        ],
        unverified=[
            {"number": "+1 888 555 0100", "region": "US", "note": {"en": "one blog"},
             "sources": [{"url": "https://blog.example.org/a", "kind": "third-party", "seen": SEEN}], "verified_on": SEEN}
        ],
    )
    nophone = make_provider(
        "quiet-pay",
        names={"en": "Quiet Pay"},
        aliases=[],
        domains=["quiet.example.com"],
        phone_support={"status": "none", "sources": [{"url": "https://quiet.example.com/help", "kind": "official", "seen": SEEN}]},
        channels=[],
        caller_policies=[],
        sources=[{"url": "https://quiet.example.com/", "kind": "official", "seen": SEEN}],
    )
    return wc.load_registry(acme, usa, nophone)


# ---- spellings of one official number stay official


@pytest.mark.parametrize(
    "spelling",
    [
        "+44 20 7946 0000",
        "+442079460000",
        "020 7946 0000",
        "(020) 7946-0000",
        "0044 20 7946 0000",
        "tel:+44-20-7946-0000",
        "+44 20 7946 0000 ext. 12",
        "＋４４ ２０ ７９４６ ００００",
        "+44\u00a020\u00a07946\u00a00000",
        " +44 20 7946 0000 ",
    ],
)
def test_spellings_are_official(reg: wc.Registry, spelling: str) -> None:
    r = wc.check_number(spelling, provider="acme-pay", region="GB", registry=reg)
    assert r.verdict is wc.Verdict.OFFICIAL, r.reasons
    assert r.is_official
    assert r.normalized == "+442079460000"
    assert r.channel is not None and r.channel.number == "+44 20 7946 0000"
    assert r.channel.sources and r.confidence == "official"


def test_extension_dropped_with_reason(reg: wc.Registry) -> None:
    r = wc.check_number("+44 20 7946 0000;ext=7", provider="acme-pay", registry=reg)
    assert r.is_official and "EXTENSION_DROPPED" in r.codes


def test_unicode_digits_reason(reg: wc.Registry) -> None:
    r = wc.check_number("＋４４ ２０ ７９４６ ００００", provider="acme-pay", registry=reg)
    assert "UNICODE_DIGITS" in r.codes
    mixed = wc.check_number("+44 20 ７９４６ 0000", provider="acme-pay", registry=reg)
    assert "MIXED_SCRIPTS" in mixed.codes
    arabic = wc.check_number("٩٥١٨٨", provider="alipay", region="CN")
    assert arabic.is_official and "UNICODE_DIGITS" in arabic.codes


def test_invisible_and_bidi_are_reported_not_ignored() -> None:
    zw = wc.check_number("95\u200b188", provider="alipay", region="CN")
    assert zw.is_official and "INVISIBLE_CHARACTERS" in zw.codes
    # a right-to-left override makes 88159 display like 95188: we read the real digits
    rlo = wc.check_number("\u202e88159\u202c", provider="alipay", region="CN")
    assert "BIDI_CONTROL" in rlo.codes
    assert not rlo.is_official
    assert "88159" in rlo.reasons[0].message


def test_vanity_letters_where_used(reg: wc.Registry) -> None:
    r = wc.check_number("1-800-MY-APPLE", provider="vanity-pay", region="US", registry=reg)
    assert r.is_official and "VANITY_LETTERS" in r.codes
    cn = wc.check_number("95ABC", region="CN")
    assert cn.verdict is wc.Verdict.MALFORMED and "LETTERS_NOT_USED" in cn.codes


def test_region_changes_the_reading(reg: wc.Registry) -> None:
    # the same digits in CN are a mobile number, not the US toll-free line
    r = wc.check_number("18006927753", provider="vanity-pay", region="CN", registry=reg)
    assert not r.is_official
    assert r.normalized == "+8618006927753"


# ---- reasons for unofficial and malformed numbers


@pytest.mark.parametrize(
    ("number", "region", "code"),
    [
        ("", "CN", "EMPTY"),
        ("   ", "CN", "EMPTY"),
        ("hello", "CN", "NOT_A_NUMBER"),
        ("+", "CN", "NOT_A_NUMBER"),
        ("1" * 30, "CN", "TOO_LONG"),
        ("9" * 200, "CN", "TOO_LONG"),
        ("12", "GB", "TOO_SHORT"),
        ("+999 1234 5678", None, "INVALID_COUNTRY_CODE"),
        ("0571-12345", "CN", "INVALID_NUMBER"),
    ],
)
def test_malformed(number: str, region: str | None, code: str) -> None:
    r = wc.check_number(number, region=region, provider="alipay")
    assert r.verdict is wc.Verdict.MALFORMED, r.reasons
    assert code in r.codes
    assert not r.is_official


@pytest.mark.parametrize("region", ["XX", "china", "", "1", "ZZ", "\u0000", "C\u00d1"])
def test_unknown_region_is_malformed_not_an_error(region: str) -> None:
    r = wc.check_number("95188", region=region)
    assert r.verdict is wc.Verdict.MALFORMED
    assert r.codes == ("UNKNOWN_REGION",)


def test_not_listed(reg: wc.Registry) -> None:
    r = wc.check_number("+44 20 7946 0123", provider="acme-pay", registry=reg)
    assert r.verdict is wc.Verdict.UNOFFICIAL and "NOT_LISTED" in r.codes
    anyone = wc.check_number("+44 20 7946 0123", registry=reg)
    assert "NOT_LISTED_ANY" in anyone.codes and anyone.provider is None


def test_other_provider(reg: wc.Registry) -> None:
    r = wc.check_number("+1 800 692 7753", provider="acme-pay", registry=reg)
    assert r.verdict is wc.Verdict.UNOFFICIAL and "OTHER_PROVIDER" in r.codes
    assert "Vanity Pay" in next(x.message for x in r.reasons if x.code == "OTHER_PROVIDER")


def test_known_fake_and_unverified(reg: wc.Registry) -> None:
    fake = wc.check_number("+1 800 692 7754", provider="vanity-pay", registry=reg)
    assert "KNOWN_FAKE" in fake.codes and fake.known_fake is not None
    assert fake.known_fake.sources[0].url.startswith("https://")
    weak = wc.check_number("+1 888 555 0100", provider="vanity-pay", registry=reg)
    assert weak.verdict is wc.Verdict.UNOFFICIAL and "UNVERIFIED" in weak.codes


def test_reverse_lookup() -> None:
    assert wc.check_number("95017", region="CN").provider.id == "wechat-pay"  # type: ignore[union-attr]
    assert wc.check_number("95188", region="CN").provider.id == "alipay"  # type: ignore[union-attr]
    assert [p.id for p in wc.providers_for_number("95017", region="CN")] == ["wechat-pay"]
    assert wc.providers_for_number("95999", region="CN") == ()


def test_national_form_read_in_provider_regions() -> None:
    r = wc.check_number("95188", provider="alipay")
    assert r.is_official and r.region == "CN"


# ---- look-alikes


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("95189", "digit-changed"),
        ("95818", "digits-swapped"),
        ("951888", "digit-added"),
        ("9518", "digit-removed"),
        ("86-95188-12", "extra-digits"),
    ],
)
def test_lookalikes_of_alipay(number: str, kind: str) -> None:
    r = wc.check_number(number, provider="alipay", region="CN")
    assert not r.is_official
    assert r.lookalike_of is not None and r.lookalike_of.number == "95188"
    assert r.lookalike_kind == kind
    assert "LOOKALIKE" in r.codes
    assert "95188" in r.advice("en")


def test_lookalike_of_full_number(reg: wc.Registry) -> None:
    r = wc.check_number("+44 20 7946 0001", provider="acme-pay", registry=reg)
    assert r.lookalike_of is not None and r.lookalike_of.number == "+44 20 7946 0000"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [("123", "124", "digit-changed"), ("1234", "1243", "digits-swapped"), ("12345", "1234", "digit-added"),
     ("123", "1234", "digit-removed"), ("123499", "1234", "extra-digits"), ("991234", "1234", "extra-digits"),
         ("99123499", "1234", None), ("1234567899", "1234", None), ("1234", "1234", None),
     ("1324", "1234", "digits-swapped"), ("4321", "1234", None)],
)
def test_lookalike_kind(a: str, b: str, kind: str | None) -> None:
    assert lookalike_kind(a, b) == kind


# ---- directions and calls received


def test_direction_inbound_vs_outbound(reg: wc.Registry) -> None:
    out_only = "020 7946 0999"
    r = wc.check_number(out_only, provider="acme-pay", registry=reg)
    assert not r.is_official and "WRONG_DIRECTION" in r.codes
    assert wc.check_number(out_only, provider="acme-pay", direction="outbound", registry=reg).is_official
    r2 = wc.check_number("+44 20 7946 0000", provider="acme-pay", direction="outbound", registry=reg)
    assert not r2.is_official and "WRONG_DIRECTION" in r2.codes


def test_caller_official_only_for_outbound_and_never_a_promise(reg: wc.Registry) -> None:
    ok = wc.check_caller("+44 20 7946 0999", claimed_provider="acme-pay", registry=reg)
    assert ok.is_official and "SPOOFABLE" in ok.codes and ok.caller
    advice = ok.advice("en")
    assert "can be faked" in advice and "Hang up" in advice
    assert "+44 20 7946 0000" in advice  # call the official inbound number yourself
    assert "never asks for one-time codes" in advice  # caller policy
    inbound = wc.check_caller("+44 20 7946 0000", claimed_provider="acme-pay", registry=reg)
    assert not inbound.is_official
    assert "Hang up" in inbound.advice()


def test_caller_for_provider_without_phone_support(reg: wc.Registry) -> None:
    r = wc.check_caller("+44 20 7946 0000", claimed_provider="quiet-pay", registry=reg)
    assert not r.is_official and "NO_PHONE_SUPPORT" in r.codes


def test_caller_advice_points_to_report_lines() -> None:
    r = wc.check_caller("+86 138 0013 8000", claimed_provider="alipay")
    assert not r.is_official
    assert "96110" in r.advice("zh-Hans")
    assert "挂断" in r.advice("zh-Hans")


# ---- emergency numbers and authorities


@pytest.mark.parametrize(("number", "region"), [("110", "CN"), ("911", "US"), ("112", "GB"), ("999", "GB"), ("120", "CN")])
def test_emergency_numbers_have_their_own_reason(number: str, region: str) -> None:
    r = wc.check_number(number, provider="alipay", region=region)
    assert r.verdict is wc.Verdict.UNOFFICIAL
    assert "EMERGENCY" in r.codes
    assert "LOOKALIKE" not in r.codes and "KNOWN_FAKE" not in r.codes
    assert "emergency" in r.advice("en").lower()


def test_authority_numbers_are_official_for_the_authority_only() -> None:
    r = wc.check_number("96110", region="CN")
    assert r.is_official and r.provider is not None and r.provider.kind == "authority"
    not_alipay = wc.check_number("96110", provider="alipay", region="CN")
    assert not not_alipay.is_official and "AUTHORITY_NUMBER" in not_alipay.codes


def test_area_code_before_service_number() -> None:
    r = wc.check_number("0571-95188", provider="alipay", region="CN")
    assert r.is_official and "AREA_CODE_SERVICE" in r.codes
    assert r.normalized == "+8657195188"


# ---- validate / is_official / errors


def test_validate_number_raises_typed_errors() -> None:
    assert wc.validate_number("95188", provider="alipay", region="CN").is_official
    with pytest.raises(wc.UnofficialNumberError) as info:
        wc.validate_number("95189", provider="alipay", region="CN")
    assert isinstance(info.value, wc.NumberError) and isinstance(info.value, ValueError)
    assert info.value.check.lookalike_of is not None
    with pytest.raises(wc.MalformedNumberError):
        wc.validate_number("abc", provider="alipay", region="CN")
    with pytest.raises(wc.UnknownProviderError):
        wc.validate_number("95188", provider="nope")


def test_is_official_never_raises() -> None:
    assert wc.is_official_number("95188", provider="alipay", region="CN") is True
    assert wc.is_official_number("95188", provider="nope") is False
    assert wc.is_official_number(None) is False
    assert wc.is_official_number("95188", region=12) is False


def test_unknown_provider_is_the_only_error() -> None:
    with pytest.raises(wc.UnknownProviderError):
        wc.check_number("95188", provider="definitely-not-a-wallet")


def test_advice_languages() -> None:
    r = wc.check_number("95189", provider="alipay", region="CN")
    assert "95188" in r.advice("zh-Hans") and "不要" in r.advice("zh-Hans")
    assert "不要" in r.advice("zh-TW")
    assert "Do not call" in r.advice("en")
    assert r.reasons[0].text("zh-Hant") != r.reasons[0].message


def test_results_pickle_and_compare() -> None:
    r = wc.check_number("95189", provider="alipay", region="CN")
    assert pickle.loads(pickle.dumps(r)) == r
    assert r.to_dict()["verdict"] == "unofficial"


def test_fast_path_returns_the_same_answer(reg: wc.Registry) -> None:
    first = wc.check_number("+44 20 7946 0000", provider="acme-pay", registry=reg)
    again = wc.check_number("+44-20-7946-0000", provider="acme-pay", registry=reg)
    assert again.number == "+44-20-7946-0000"
    assert (again.verdict, again.channel, again.normalized) == (first.verdict, first.channel, first.normalized)


def test_check_many_streams_and_matches_check_number() -> None:
    numbers = ["95188", "95189", "", "95017", "95188"] * 3
    got = list(wc.check_many(iter(numbers), region="CN"))
    want = [wc.check_number(n, region="CN") for n in numbers]
    assert [(g.verdict, g.normalized, g.codes) for g in got] == [(w.verdict, w.normalized, w.codes) for w in want]


def test_check_many_official_answers_stay_answered_past_its_cache_and_never_cross_questions() -> None:
    """Official answers of a stream outlive its cache (they are kept as check_number keeps them),
    and an answer kept for one question (provider, region, direction) never answers another."""
    fresh = [f"138{i:08d}" for i in range(3_000)]
    stream = ["95188", *fresh, "95188", "+86 95188"]
    got = list(wc.check_many(stream, region="CN", cache_size=16))
    assert got[0].is_official and got[-2] is got[0]  # kept, not worked out again
    assert got[-1].verdict is wc.Verdict.UNOFFICIAL  # a short number with a country code
    for provider, region, direction, official in (
        ("wechat-pay", "CN", "inbound", False),  # Alipay's number, asked of WeChat Pay
        ("alipay", "CN", "inbound", True),
        ("alipay", "US", "inbound", False),  # a CN short number, dialled in the US
        (None, "CN", "outbound", wc.check_number("95188", region="CN", direction="outbound").is_official),
    ):
        for _ in range(2):  # the second time from the shared memo
            many = list(wc.check_many(["95188"], provider=provider, region=region, direction=direction))
            one = wc.check_number("95188", provider=provider, region=region, direction=direction)
            assert many[0] == one and many[0].is_official is official, (provider, region, direction)


def test_attrs_validator() -> None:
    import attrs

    from walletcontact.validators import official_number

    @attrs.define
    class Line:
        number: str = attrs.field(validator=official_number("wechat-pay", "CN"))

    assert Line("95017").number == "95017"
    with pytest.raises(wc.UnofficialNumberError):
        Line("95018")
    with pytest.raises(wc.MalformedNumberError):
        Line("x")


def test_low_confidence_numbers_never_official() -> None:
    from walletcontact.phone.reading import key_for

    for p in wc.providers():
        published = {key_for(c.number, c.region, carrier_short_code=c.carrier_short_code) for c in p.phones}
        for rec in p.unverified:
            r = wc.check_number(rec.number, provider=p.id, region=rec.region)
            if r.is_official:  # only when the same digits are also a sourced channel of the provider
                assert r.channel is not None and r.normalized in published, (p.id, rec.number)
            else:
                assert "UNVERIFIED" in r.codes or r.verdict == "malformed", (p.id, rec.number, r.codes)


def test_copy_of_doc_unchanged(acme_doc: dict[str, Any]) -> None:
    before = copy.deepcopy(acme_doc)
    wc.load_registry(acme_doc)
    assert acme_doc == before


def test_area_code_before_anti_fraud_number_on_caller_id() -> None:
    """Genuine 96110 calls show the caller's area code first (025-96110): that is the authority's."""
    r = wc.check_caller("025-96110", claimed_provider="authority-cn", region="CN")
    assert r.is_official and "AREA_CODE_SERVICE" in r.codes and "SPOOFABLE" in r.codes
    intl = wc.check_caller("+86 25 96110", claimed_provider="authority-cn", region="CN")
    assert not intl.is_official


def test_advice_points_to_online_reporting_where_there_is_no_line() -> None:
    # Burkina Faso's authority takes reports on a website only
    r = wc.check_caller("+226 70 12 34 56", claimed_provider="orange-money", region="BF")
    assert r.report_to == () and [c.url for c in r.report_online] == ["https://alerte.bclcc.gov.bf"]
    assert "https://alerte.bclcc.gov.bf" in r.advice()
    assert "https://alerte.bclcc.gov.bf" in r.advice("zh-Hans")
    assert r.to_dict()["report_online"] == ["https://alerte.bclcc.gov.bf"]
    # where there is a line too, the website comes as a second way
    gb = wc.check_number("0300 123 2041", region="GB")
    assert gb.report_to and gb.report_online
    assert "0300 123 2040" in gb.advice() and "actionfraud" in gb.advice()
    # an official answer asks nobody to report anything
    assert "actionfraud" not in wc.check_number("0300 123 2040", region="GB").advice()


def test_a_plus_after_a_bracket_is_still_international() -> None:
    # "(+86) 579 95017" is +86 579 95017, as phonenumbers reads it: an area code before a service
    # number counts only in national form, so neither spelling is official. (Found by fuzzing: the
    # bracketed spelling was read as national, and its official answer was then cached under the
    # separator-free spelling "+8657995017", so " +8657995017" came out official too.)
    bracketed = wc.check_number("(+86) 579 95017")
    plain = wc.check_number(" +8657995017")
    assert not bracketed.is_official and not plain.is_official
    assert bracketed.codes == plain.codes == next(wc.check_many([" +8657995017"])).codes
    assert wc.check_number("0579-95017", region="CN").is_official  # national form still is


def test_a_spelling_with_a_tab_does_not_lend_its_reasons_to_other_spellings() -> None:
    # check_number keeps official answers by separator-free spelling; a tab is reported
    # (CONTROL_CHARACTERS), so a spelling with one must neither feed nor read that table
    assert wc.check_number("951\t88", region="CN").codes == ("CONTROL_CHARACTERS", "OFFICIAL")
    assert wc.check_number("95188", region="CN").codes == ("OFFICIAL",)
    assert wc.check_number("95-188", region="CN").codes == ("OFFICIAL",)
    assert wc.check_number("951\t88", region="CN").codes == ("CONTROL_CHARACTERS", "OFFICIAL")


def test_without_a_region_no_region_is_guessed() -> None:
    """Without a region (and provider), a national-form number is official only when exactly one
    covered region reads it as an official number and no other covered region reads it as a
    number at all; then the region, the number, the channel and the report lines all belong to
    that region. Otherwise no region is named and no region's report lines are given."""
    seen = ambiguous = 0
    for p in wc.default_registry():
        for ch in p.phones:
            r = wc.check_number(ch.number)
            if ch.number.startswith("+") and ch.direction.allows(wc.Direction.INBOUND):
                assert r.is_official, (ch.number, r.codes)  # a country code says where it is
            if r.is_official:
                seen += 1
                assert r.channel is not None and r.channel.region == r.region, (ch.number, r.region, r.channel)
                assert r.report_to == wc.report_channels(r.region), (ch.number, r.region)
            elif "AMBIGUOUS" in r.codes or "REGION_NEEDED" in r.codes:
                ambiguous += 1
                assert r.region is None and r.report_to == () and r.normalized is None, (ch.number, r.codes)
    # most national numbers are another number somewhere (1-888-221-1161 is a mobile in China)
    assert seen >= 15 and ambiguous >= 100
    for digits in ("165", "100", "95188", "1-800-419-0157"):
        r = wc.check_number(digits)
        assert not r.is_official and "AMBIGUOUS" in r.codes and r.region is None, (digits, r.codes)
        regions = dict(r.reasons[0].params)["regions"].split(", ")
        assert len(regions) >= 2, (digits, regions)
    # a German or Nepali national number: no region named, no foreign report lines
    for digits in ("030 1234567", "01-4457165"):
        r = wc.check_number(digits)
        assert (r.verdict.value, r.codes, r.region, r.report_to) == ("unofficial", ("REGION_NEEDED",), None, ())


def test_providers_for_number_without_a_region_names_every_regions_owner() -> None:
    """A number written in national form can be official in several regions (100: M-PESA in
    Kenya, MTN MoMo in Uganda and Ghana, ...): each of those owners is listed."""
    checked = 0
    for p in wc.default_registry():
        for ch in p.phones:
            if ch.number.startswith("+") or not wc.check_number(
                ch.number, provider=p, region=ch.region, direction="both"
            ).is_official:
                continue
            owners = {o.id for o in wc.providers_for_number(ch.number)}
            assert p.id in owners, (ch.number, ch.region, p.id, owners)
            assert p.id in {o.id for o in wc.providers_for_number(ch.number, region=ch.region)}
            checked += 1
    assert checked >= 60
    assert {"m-pesa", "mtn-momo"} <= {o.id for o in wc.providers_for_number("100")}
