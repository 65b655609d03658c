"""Rules over every shipped record: the data policy, enforced."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import importlib_resources
import phonenumbers
import pytest

import walletcontact as wc
from walletcontact.load.policy import carries_official, is_government_host, validate_provider
from walletcontact.model import REPORTED_KINDS, WEAK_KINDS, PhoneChannel, ProviderKind, WebsiteChannel
from walletcontact.phone.numbering import key_info
from walletcontact.phone.reading import key_for
from walletcontact.urls import registrable_domain

ROOT = Path(__file__).resolve().parent.parent

REQUIRED_IDS = ["alipay", "alipay-hk", "wechat-pay", "wechat-pay-hk", "unionpay", "jd-pay", "meituan-pay", "douyin-pay", "huawei-wallet", "e-cny", "octopus", "payme", "jkopay", "mpay", "apple-pay", "google-wallet", "google-pay-india", "samsung-wallet", "paypal", "venmo", "cash-app", "zelle", "paytm", "phonepe", "amazon-pay-india", "gcash", "grabpay", "paypay", "kakao-pay", "m-pesa", "revolut", "wise", "mercado-pago"]

PROVIDERS = wc.providers()
WALLETS = [p for p in PROVIDERS if p.kind is ProviderKind.WALLET]
TODAY = dt.date.today()


def _files() -> list[str]:
    root = importlib_resources.files("walletcontact.data") / "providers"
    return sorted(e.name for e in root.iterdir() if e.name.endswith(".json"))


def test_ids_unique_and_equal_to_file_names() -> None:
    ids = [p.id for p in PROVIDERS]
    assert len(ids) == len(set(ids))
    assert sorted(f"{i}.json" for i in ids) == _files()


@pytest.mark.parametrize("pid", REQUIRED_IDS)
def test_required_providers_present(pid: str) -> None:
    assert wc.get_provider(pid).kind is ProviderKind.WALLET


def test_catalogue_size() -> None:
    assert len(WALLETS) >= 50
    regions = {r for p in WALLETS for r in p.regions}
    assert len(regions) >= 25
    phones = [c for p in WALLETS for c in p.phones]
    assert len(phones) >= 60


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.id)
def test_policy_rules(provider: wc.Provider) -> None:
    """Sources, https, official domains, confidence, valid numbers, dates: the loader's strict checks."""
    assert validate_provider(provider, provider.id, check_numbers=True, today=TODAY) == []


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.id)
def test_every_number_and_url_is_sourced_and_dated(provider: wc.Provider) -> None:
    for ch in provider.channels:
        assert ch.sources, ch
        assert all(s.url.startswith(("https://", "http://")) for s in ch.sources)
        assert ch.verified_on <= TODAY
        if isinstance(ch, WebsiteChannel):
            assert ch.url.startswith("https://")
            assert provider.is_official_domain(ch.url.split("/")[2].split(":")[0])


@pytest.mark.parametrize("provider", PROVIDERS, ids=lambda p: p.id)
def test_official_means_provider_or_government_domain(provider: wc.Provider) -> None:
    for ch in provider.channels:
        if ch.confidence == "official":
            assert any(carries_official(provider, s) for s in ch.sources), (provider.id, ch)
        else:
            families = {registrable_domain(s.host) for s in ch.sources if s.kind in REPORTED_KINDS}
            assert len(families) >= 2, (provider.id, ch)
        assert not any(s.kind in WEAK_KINDS for s in ch.sources), (provider.id, ch)


def test_numbers_valid_for_their_region() -> None:
    for p in PROVIDERS:
        for ch in p.phones:
            key = key_for(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
            assert key is not None, (p.id, ch.number, ch.region)
            if ch.carrier_short_code:
                assert ch.sources


def test_no_number_owned_by_two_providers_unless_shared() -> None:
    owners: dict[str, set[str]] = {}
    for p in PROVIDERS:
        for ch in p.phones:
            if ch.carrier_short_code:
                continue
            key = key_for(ch.number, ch.region)
            assert key is not None
            owners.setdefault(key, set()).add(p.id)
    for key, ids in owners.items():
        if len(ids) > 1:
            for pid in ids:
                declared = {o for c in wc.get_provider(pid).phones for o in c.shared_with}
                assert ids - {pid} <= declared, (key, ids)


def test_phone_support_is_consistent() -> None:
    for p in WALLETS:
        if p.phone_support.status == "published":
            assert p.phones, p.id
        else:
            assert p.phone_support.sources, p.id


def test_every_region_a_wallet_serves_has_an_authority() -> None:
    covered = {r for p in WALLETS for r in p.regions}
    with_authority = {r for p in PROVIDERS if p.kind is ProviderKind.AUTHORITY for r in p.regions}
    assert covered - with_authority == set()
    for region in covered:  # and the advice can point there: a line to call or a page to use
        authorities = [p for p in PROVIDERS if p.kind is ProviderKind.AUTHORITY and region in p.regions]
        assert any(p.channels for p in authorities), region


def test_authority_numbers_never_official_for_a_wallet() -> None:
    for a in PROVIDERS:
        if a.kind is not ProviderKind.AUTHORITY:
            continue
        for ch in a.phones:
            r = wc.check_number(ch.number, region=ch.region, direction="both")
            assert r.is_official and r.provider is not None and r.provider.kind is ProviderKind.AUTHORITY, ch.number
            for w in wc.providers(region=ch.region):
                if w.kind is ProviderKind.WALLET and not ch.carrier_short_code:
                    assert not wc.is_official_number(ch.number, provider=w.id, region=ch.region, direction="both")


def test_fakes_and_unverified_never_validate() -> None:
    for p in PROVIDERS:
        official_keys = {key_for(c.number, c.region, carrier_short_code=c.carrier_short_code) for c in p.phones}
        for rec in (*p.known_fakes, *p.unverified):
            if key_for(rec.number, rec.region) in official_keys and not rec.display:
                pytest.fail(f"{p.id}: {rec.number} is both a channel and a fake/unverified number")
            r = wc.check_number(rec.number, provider=p.id, region=rec.region)
            if not rec.display:
                assert not r.is_official, (p.id, rec.number)


def test_generic_procedures_cover_topics_in_three_locales() -> None:
    root = importlib_resources.files("walletcontact.data")
    doc = json.loads((root / "procedures.json").read_text(encoding="utf-8"))
    topics = [p["topic"] for p in doc["procedures"]]
    assert topics == list(wc.model.TOPICS)
    for p in doc["procedures"]:
        counts = Counter({loc: len(steps) for loc, steps in p["steps"].items()})
        assert set(counts) >= {"en", "zh-Hans", "zh-Hant"}
        assert min(counts.values()) >= 3


def test_every_record_fresh_enough_to_ship() -> None:
    from walletcontact.registry import stale_records

    assert stale_records(18) == []


def test_phone_channels_carry_direction_and_region() -> None:
    for p in PROVIDERS:
        for ch in p.phones:
            assert isinstance(ch, PhoneChannel)
            assert ch.direction in ("inbound", "outbound", "both")
            assert ch.region in p.regions, (p.id, ch.number, ch.region)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.ftc.gov", True), ("gcs.gov.mo", True), ("gov.mo", True), ("www.adcc.gov.hk", True),
        ("cybercrime.gov.in", True), ("www.gub.uy", True), ("aduan.go.id", True), ("www.gob.mx", True),
        ("www.actionfraud.police.uk", True), ("www.admin.ch", True), ("ncsc.govt.nz", True),
        ("example.com", False), ("gov.example.com", False), ("government.com", False), ("paypal.com", False),
    ],
)
def test_government_hosts(host: str, expected: bool) -> None:
    assert is_government_host(host, wc.get_provider("paypal")) is expected
    # an authority's own listed domains count as government for it
    assert is_government_host("www.safeonweb.be", wc.get_provider("authority-be"))


def test_packaged_keys_are_what_the_installed_phonenumbers_says() -> None:
    """data/keys.py (version-free facts about the shipped numbers) agrees with phonenumbers.

    It carries no phonenumbers version: under every release in the supported range (CI runs the
    suite under the declared floor and under the newest release) the table must be exactly what
    that release says. A failure here means phonenumbers changed its mind about a shipped number:
    check the number, then run ``python scripts/gen_keys.py``."""
    import importlib.util

    from walletcontact.data import keys

    spec = importlib.util.spec_from_file_location("gen_keys", ROOT / "scripts" / "gen_keys.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    tables = gen.build()
    assert tables["PUBLISHED"] == keys.PUBLISHED
    assert tables["RECORDS"] == keys.RECORDS
    assert tables["SPELLINGS"] == keys.SPELLINGS
    assert frozenset(tables["AREA_CODE_SERVICE"]) == keys.AREA_CODE_SERVICE


def test_numbering_facts_have_sources() -> None:
    """data/numbering.json: every region's numbering fact is sourced and dated, like a channel."""
    doc = json.loads((ROOT / "src" / "walletcontact" / "data" / "numbering.json").read_text(encoding="utf-8"))
    assert doc["regions"]
    for entry in doc["regions"]:
        assert entry["region"] in phonenumbers.SUPPORTED_REGIONS
        assert entry["sources"] and all(s["url"].startswith("https://") and s["kind"] in ("official", "government")
                                        for s in entry["sources"])
        dt.date.fromisoformat(entry["verified_on"])
        assert entry["note"]["en"]


# ---------------------------------------------------------------- the second data wave


def test_breadth_of_the_second_wave() -> None:
    wallets = [p for p in PROVIDERS if p.kind is ProviderKind.WALLET]
    assert len(wallets) >= 110
    assert len({r for p in wallets for r in p.regions}) >= 70
    kinds = {c.type.value for p in PROVIDERS for c in p.channels}
    assert {"ussd", "sms-sender"} <= kinds


def test_phone_numbers_past_220_and_seven_in_ten_official() -> None:
    """The second wave's evidence target: more than 220 phone numbers, at least 70 % of them
    stated on the provider's or the authority's own pages (the rest: two independent sources)."""
    phones = [c for p in PROVIDERS for c in p.phones]
    by = Counter(c.confidence for c in phones)
    assert len(phones) >= 220
    assert by[wc.Confidence.OFFICIAL] / len(phones) >= 0.70, by
    assert set(by) <= {wc.Confidence.OFFICIAL, wc.Confidence.REPORTED}  # nothing weaker is a channel


def _reachable_from_abroad(ch: PhoneChannel) -> bool:
    info = key_info(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
    if info is None or not info[0].startswith("+"):
        return False  # a short number works only inside its region
    return bool(phonenumbers.can_be_internationally_dialled(phonenumbers.parse(info[0])))


def test_a_wallet_with_only_home_lines_says_what_callers_abroad_can_do() -> None:
    """A wallet whose lines are all short or national-only (95188, 0800..., 1588-...) records the
    number its site gives for callers abroad, or that there is none (so an abroad answer always has
    somewhere to point)."""
    for p in PROVIDERS:
        home = [c for c in p.phones if not c.abroad and c.direction.allows(wc.Direction.INBOUND)]
        if p.kind is ProviderKind.WALLET and home and not any(_reachable_from_abroad(c) for c in home):
            assert p.phone_support.abroad is not None, p.id
        for c in p.phones:
            if c.abroad:
                assert _reachable_from_abroad(c), (p.id, c.number)
