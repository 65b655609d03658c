"""Queries over the built-in data: lookups, filters, trust order, locales, procedures."""

from __future__ import annotations

import pickle

import pytest

import walletcontact as wc
from walletcontact.kinds import TYPE_RANK
from walletcontact.model import ChannelType, locale_chain

SEED_IDS = ["alipay", "wechat-pay", "apple-pay", "google-wallet", "unionpay", "paypal"]


@pytest.mark.parametrize("pid", SEED_IDS)
def test_get_by_id(pid: str) -> None:
    assert wc.get_provider(pid).id == pid


@pytest.mark.parametrize(
    ("key", "pid"),
    [
        ("支付宝", "alipay"),
        ("ZHIFUBAO", "alipay"),
        ("微信支付", "wechat-pay"),
        ("WeChat Pay", "wechat-pay"),
        ("wechatpay", "wechat-pay"),
        ("PayPal", "paypal"),
        ("  paypal ", "paypal"),
        ("银联", "unionpay"),
        ("Ｐａｙｐａｌ", "paypal"),
    ],
)
def test_get_by_name_alias_case_width(key: str, pid: str) -> None:
    assert wc.get_provider(key).id == pid


def test_unknown_provider_is_lookup_error() -> None:
    with pytest.raises(wc.UnknownProviderError) as info:
        wc.get_provider("no-such-wallet")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, wc.WalletContactError)
    assert "no-such-wallet" in str(info.value)
    assert wc.find_provider("no-such-wallet") is None
    sentinel = object()
    assert wc.find_provider("no-such-wallet", sentinel) is sentinel


def test_region_filter() -> None:
    cn = wc.providers(region="CN")
    assert {"alipay", "wechat-pay", "unionpay"} <= {p.id for p in cn}
    assert all("CN" in p.regions for p in cn)
    assert wc.providers(region="cn") == cn
    assert wc.providers(region="ZZ") == ()
    assert len(wc.providers()) >= len(cn)


def test_search_is_ranked_and_forgiving() -> None:
    assert wc.search_providers("paypal")[0].id == "paypal"
    assert wc.search_providers("Pay Pal")[0].id == "paypal"
    assert wc.search_providers("paypl")[0].id == "paypal"  # one typo
    assert wc.search_providers("ALI")[0].id.startswith("alipay")
    assert wc.search_providers("") == []
    assert wc.search_providers("zzzzzzzz") == []


#: the documented trust order of channel types (docs/querying.md)
TRUST_ORDER = ["website", "app", "phone", "ussd", "email", "social", "community", "sms-sender"]


def test_channels_are_most_trusted_first() -> None:
    mixed = 0
    for p in wc.providers():
        shown = [(TRUST_ORDER.index(c.type.value), c.confidence.value != "official") for c in wc.channels(p.id)]
        assert shown == sorted(shown), p.id  # by type in the documented order, official first within one
        mixed += len({t for t, _ in shown}) > 1
    assert mixed > 50  # the order was tested on providers with several kinds of channel
    assert sorted(TYPE_RANK, key=TYPE_RANK.__getitem__) == [ChannelType(t) for t in TRUST_ORDER]
    alipay = [c.type.value for c in wc.channels("alipay")]
    assert alipay.index("app") < alipay.index("phone")


def test_channel_filters() -> None:
    phones = wc.channels("wechat-pay", type="phone")
    assert phones and all(isinstance(c, wc.PhoneChannel) for c in phones)
    assert [c.confidence for c in phones] == sorted((c.confidence for c in phones), key=lambda c: c != "official")
    assert all(c.region == "CN" for c in wc.channels("paypal", type="phone", region="cn"))
    outbound = wc.channels("m-pesa", type="phone", direction="outbound")
    assert outbound and all(c.direction in ("outbound", "both") for c in outbound)
    with pytest.raises(ValueError, match="phon") as info:
        wc.channels("alipay", type="phon")
    # one hierarchy: still a ValueError, and a WalletContactError naming what is allowed
    assert isinstance(info.value, wc.InvalidArgumentError) and isinstance(info.value, wc.WalletContactError)
    assert str(info.value) == "type must be one of phone, website, app, social, community, email, ussd, sms-sender; not 'phon'"
    with pytest.raises(wc.InvalidArgumentError, match="direction must be one of inbound, outbound, both"):
        wc.check_number("95188", region="CN", direction="sideways")


@pytest.mark.parametrize(
    ("locale", "chain"),
    [
        ("zh-HK", ("zh-HK", "zh-Hant", "zh-Hans", "en")),
        ("zh-TW", ("zh-TW", "zh-Hant", "zh-Hans", "en")),
        ("zh_CN.UTF-8", ("zh-CN", "zh-Hans", "en")),
        ("en-GB", ("en-GB", "en")),
        ("C", ("en",)),
        ("", ("en",)),
    ],
)
def test_locale_chain(locale: str, chain: tuple[str, ...]) -> None:
    assert locale_chain(locale) == chain


def test_names_fall_back_by_locale() -> None:
    alipay = wc.get_provider("alipay")
    assert alipay.display_name("zh-Hans") == "支付宝"
    assert alipay.display_name("zh-HK") == alipay.names.get("zh-Hant")
    assert alipay.display_name("en-GB") == "Alipay"
    assert alipay.display_name("fr") == "Alipay"


@pytest.mark.parametrize("topic", wc.model.TOPICS)
@pytest.mark.parametrize("locale", ["en", "zh-Hans", "zh-Hant"])
def test_generic_procedures(topic: str, locale: str) -> None:
    proc = wc.get_procedure(topic, locale=locale)
    assert len(proc.steps) >= 3
    assert proc.escalate
    if locale != "en":
        assert any("\u4e00" <= ch <= "\u9fff" for ch in "".join(proc.steps))


def test_provider_steps_layer_over_generic() -> None:
    generic = wc.get_procedure("unknown-transaction", locale="en")
    own = wc.get_procedure("unknown-transaction", provider="paypal", locale="en")
    assert own.provider is not None and own.provider.id == "paypal"
    assert len(own.steps) > len(generic.steps)
    assert own.steps[-len(generic.steps):] == generic.steps
    assert any(isinstance(c, wc.PhoneChannel) for c in own.escalate_to)


def test_before_calling_and_timing() -> None:
    prep = wc.get_procedure("before-calling", locale="en")
    assert any("record" in s.lower() or "transaction" in s.lower() for s in prep.steps)
    timing = wc.get_procedure("call-timing", locale="en")
    text = " ".join(timing.steps).lower()
    assert "morning" in text and "afternoon" in text


def test_unknown_topic() -> None:
    with pytest.raises(KeyError, match="payment-failed") as info:
        wc.get_procedure("nope")
    assert isinstance(info.value, wc.UnknownTopicError) and isinstance(info.value, wc.WalletContactError)
    assert info.value.topic == "nope" and str(info.value).startswith("unknown topic 'nope'; expected one of")


def test_registry_is_immutable_and_picklable(builtin: wc.Registry) -> None:
    with pytest.raises(AttributeError):
        builtin.foo = 1  # type: ignore[attr-defined]
    p = builtin.providers[0]
    with pytest.raises(AttributeError):
        p.id = "x"  # type: ignore[misc]
    clone = pickle.loads(pickle.dumps(builtin))
    assert [x.id for x in clone] == [x.id for x in builtin]
    assert clone.get("alipay") == builtin.get("alipay")


def test_report_channels() -> None:
    cn = wc.report_channels("CN")
    assert any(c.number == "96110" for c in cn)
    assert all(c.direction in ("inbound", "both") for c in cn)
    assert wc.report_channels("ZZ") == ()


def test_report_lines_put_scam_lines_before_consumer_helplines() -> None:
    """Every authority line a region has is listed once, scam and fraud-report lines first (a
    consumer helpline or a regulator's complaints line comes after them)."""
    scam = {"fraud-report", "anti-fraud-warning"}
    regions = {r for p in wc.providers() if p.kind == "authority" for r in p.regions}
    mixed = 0
    for region in sorted(regions):
        lines = wc.report_channels(region)
        flags = [bool(scam & set(c.purposes)) for c in lines]
        assert flags == sorted(flags, reverse=True), region
        mixed += True in flags and False in flags
        owned = [c for p in wc.providers(region=region) if p.kind == "authority" for c in p.phones
                 if c.direction in ("inbound", "both")]
        assert sorted(map(id, lines)) == sorted(map(id, {id(c): c for c in owned}.values())), region
    assert mixed >= 5  # regions with both kinds of line exist (HK: 18222, then the Consumer Council)


def test_report_online_lists_authority_pages_and_addresses() -> None:
    # a region whose authority takes reports online only: no line, but somewhere to go
    assert wc.report_channels("BF") == ()
    assert [c.url for c in wc.report_online("BF")] == ["https://alerte.bclcc.gov.bf"]
    for region in ("GB", "IN", "US", "NP", " bf "):
        online = wc.report_online(region)
        assert online, region
        assert all(isinstance(c, (wc.WebsiteChannel, wc.EmailChannel)) for c in online)
        owners = {p.id for p in wc.providers(region=region.strip()) if p.kind == "authority"}
        assert all(any(c in wc.get_provider(o).channels for o in owners) for c in online)
    # report pages come before the authorities' other pages
    gb = wc.report_online("GB")
    assert isinstance(gb[0], wc.WebsiteChannel) and "report" in gb[0].purposes
    assert wc.report_online("ZZ") == () and wc.report_online(None) == ()  # type: ignore[arg-type]


def test_every_region_a_wallet_serves_has_somewhere_to_report() -> None:
    regions = {r for p in wc.providers() if p.kind == "wallet" for r in p.regions}
    assert all(wc.report_channels(r) or wc.report_online(r) for r in regions)


def test_procedures_point_to_online_reporting() -> None:
    proc = wc.get_procedure("unknown-transaction", provider="wave")
    assert proc.report_online and all(c.TYPE in ("website", "email") for c in proc.report_online)
    assert len({id(c) for c in proc.report_online}) == len(proc.report_online)
    assert wc.get_procedure("unknown-transaction").report_online == ()


def test_model_reprs_read_as_attrs_writes_them() -> None:
    """The model shares one ``__repr__`` (attrs would compile one per class); it reads the same."""
    import datetime

    from walletcontact.model import LocalizedText, Source, SourceKind

    src = Source("https://example.org/a", SourceKind.OFFICIAL, datetime.date(2026, 1, 2))
    assert repr(src) == (
        "Source(url='https://example.org/a', kind=<SourceKind.PROVIDER: 'provider'>, "
        "seen=datetime.date(2026, 1, 2), note=None, copy_of=None)"
    )
    assert repr(LocalizedText.of({"en": "Help"})) == "LocalizedText(values=(('en', 'Help'),))"
    phone = wc.get_provider("alipay").phones[0]
    shown = repr(phone)
    assert shown.startswith("PhoneChannel(confidence=<Confidence.") and f"number={phone.number!r}" in shown
    assert shown.count("Source(url=") == len(phone.sources)


def test_generic_procedures_are_a_read_only_view() -> None:
    reg = wc.default_registry()
    view = reg.generic_procedures
    assert "payment-failed" in view
    with pytest.raises(TypeError):
        view["payment-failed"] = view["password-reset"]  # type: ignore[index]
    assert reg.generic_procedures["payment-failed"].topic == "payment-failed"
