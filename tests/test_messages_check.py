"""Checking whole messages: check_text on the labelled corpus, check_link as browsers read hosts,
the stream, and the property that an official number never brings findings of its own."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import walletcontact as wc

CORPUS = [json.loads(line) for line in (Path(__file__).parent / "messages" / "corpus.jsonl").read_text("utf-8").splitlines()]


def _measure() -> dict[str, float]:
    tp = fp = fn = ptp = pfp = pfn = 0
    scam_low: list[str] = []
    for row in CORPUS:
        t = wc.check_text(row["text"], region=row["region"])
        got = Counter(f.text for f in t.findings if f.kind in ("number", "dial-code"))
        want = Counter(row["numbers"])
        tp += sum((got & want).values())
        fp += sum((got - want).values())
        fn += sum((want - got).values())
        gp, wp = {p.id for p in t.providers}, set(row["providers"])
        ptp, pfp, pfn = ptp + len(gp & wp), pfp + len(gp - wp), pfn + len(wp - gp)
        if row["label"] == "scam" and t.risk is wc.Risk.LOW:
            scam_low.append(row["id"])
    return {
        "number_recall": tp / (tp + fn),
        "number_precision": tp / (tp + fp),
        "provider_recall": ptp / (ptp + pfn),
        "provider_precision": ptp / (ptp + pfp),
        "scam_low": len(scam_low),
    }


def test_the_corpus_is_what_its_readme_says() -> None:
    assert len(CORPUS) >= 600
    assert len({r["id"] for r in CORPUS}) == len(CORPUS)
    labels = Counter(r["label"] for r in CORPUS)
    assert labels["scam"] >= 0.45 * len(CORPUS)
    langs = Counter(r["lang"] for r in CORPUS)
    for lang in ("zh-Hans", "zh-Hant", "en", "es", "pt", "id", "hi", "sw"):
        assert langs[lang] >= 50, lang
    for r in CORPUS:
        assert all(n in r["text"] for n in r["numbers"] + r["links"]), r["id"]


def test_finding_on_the_corpus() -> None:
    m = _measure()
    assert m["number_recall"] >= 0.98 and m["number_precision"] >= 0.98, m
    assert m["provider_recall"] >= 0.98 and m["provider_precision"] >= 0.98, m
    assert m["scam_low"] == 0, m


def test_the_issue_example() -> None:
    t = wc.check_text("【支付宝】您的订单退款失败，请致电客服 400-826-8888 或访问 https://alipay-refund.cn", region="CN")
    assert t.risk is wc.Risk.HIGH
    assert [p.id for p in t.providers] == ["alipay"]
    kinds = [(f.kind, f.text) for f in t.findings]
    assert kinds == [("provider", "支付宝"), ("number", "400-826-8888"), ("link", "https://alipay-refund.cn")]
    for f in t.findings:
        assert t.text[f.span[0] : f.span[1]] == f.text
    link = t.findings[2].check
    assert isinstance(link, wc.LinkCheck) and link.lookalike_of == "alipay.com"
    assert "95188" in t.advice("zh-Hans") and "96110" in t.advice("zh-Hans")


@pytest.mark.parametrize(
    ("text", "region", "risk"),
    [
        ("【支付宝】您的账单已还款成功,如有疑问请拨打 95188。", "CN", "low"),  # all official
        ("Your Cash App card was used. Call 1 (800) 969-1940 if this wasn't you.", "US", "low"),
        ("PayPal: call 1-805-250-7719 (24/7) to cancel the charge.", "US", "high"),  # not PayPal's
        ("To protect your M-PESA account dial **21*0712345678#", "KE", "high"),  # call forwarding
        ("Dial *334# to reset your M-PESA PIN yourself.", "KE", "low"),  # the provider's own menu
        ("See you at 14:30, I paid ¥36.00, order 2026120712345678.", "CN", "unknown"),  # nothing known
        ("Verify at https://paypal.com@paypal-secure.example.net/login", "US", "high"),  # userinfo trick
    ],
)
def test_text_risk(text: str, region: str, risk: str) -> None:
    assert wc.check_text(text, region=region).risk.value == risk


@pytest.mark.parametrize(
    "text",
    ["验证码 951883,请勿告诉他人。", "Your OTP is 951 883.", "订单号 2026120795188001", "金额 ¥95,188.00",
     "2026-12-07 09:51", "尾号 9518 的卡", "Ref No. 95188 0001"],
)
def test_codes_amounts_dates_and_references_are_not_numbers(text: str) -> None:
    t = wc.check_text(text, region="CN")
    assert [f for f in t.findings if f.kind in ("number", "dial-code")] == [], text


@pytest.mark.parametrize(
    ("link", "host", "verdict", "codes"),
    [
        ("https://cs.alipay.com/x", "cs.alipay.com", "official", ("LINK_OFFICIAL",)),
        ("alipay-refund.cn", "alipay-refund.cn", "unofficial", ("LINK_LOOKALIKE",)),
        ("https://alipay.com.evil.cn/", "alipay.com.evil.cn", "unofficial", ("LINK_LOOKALIKE",)),
        ("https://alipay.com@evil.cn/", "evil.cn", "unofficial", ("LINK_USERINFO", "LINK_NOT_OFFICIAL")),
        ("https:\\\\evil.cn\\@alipay.com", "evil.cn", "unofficial", ("LINK_BACKSLASH", "LINK_NOT_OFFICIAL")),
        ("https://ａｌｉｐａｙ。ｃｏｍ/", "alipay.com", "official", ("LINK_OFFICIAL",)),
        ("http://0x7f.1/alipay", "0x7f.1", "unofficial", ("LINK_IP_HOST",)),
        ("https://bit.ly/3xyz", "bit.ly", "unofficial", ("LINK_NOT_OFFICIAL", "LINK_SHORTENER")),
        ("http://www.alipay.com/", "www.alipay.com", "official", ("LINK_OFFICIAL", "LINK_PLAIN_HTTP")),
        ("javascript:alert(1)", "", "malformed", ("LINK_MALFORMED",)),
    ],
)
def test_links_are_read_as_browsers_read_them(link: str, host: str, verdict: str, codes: tuple[str, ...]) -> None:
    c = wc.check_link(link, provider="alipay")
    assert (c.host, c.verdict.value, c.codes) == (host, verdict, codes)


def test_homoglyph_and_punycode_hosts_are_shown_decoded() -> None:
    c = wc.check_link("https://xn--pypal-4ve.com/login")
    assert c.host == "pаypal.com" and c.lookalike_of == "paypal.com" and c.risk is wc.Risk.HIGH
    assert {"LINK_PUNYCODE", "LINK_MIXED_SCRIPTS", "LINK_LOOKALIKE"} <= set(c.codes)
    assert wc.check_link("https://paypa1-support.com").lookalike_of == "paypal.com"
    assert wc.check_link("support@paypal.com").is_official and wc.check_link("support@paypal.com").email
    assert not wc.check_link("support@paypal.com.help-desk.net").is_official


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=4)))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_string_is_safe(text: str, region: str | None) -> None:
    t = wc.check_text(text, region=region)
    assert t.risk in set(wc.Risk)
    for f in t.findings:
        assert text[f.span[0] : f.span[1]] == f.text
    wc.check_link(text)


def _official_numbers() -> list[tuple[str, str]]:
    return sorted({(c.number, c.region) for p in wc.providers() for c in p.phones if c.confidence == "official"})


@given(
    st.sampled_from(CORPUS),
    st.sampled_from(_official_numbers()),
    st.integers(min_value=0, max_value=10_000),
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_inserted_official_number_brings_no_finding_of_its_own(row: dict[str, str], item: tuple[str, str], at: int) -> None:
    """Inserting an official number (at the start, the end, or between clauses) never produces a
    finding that the number alone would not: the text's other findings stay as they were. (Put
    between a currency and an amount, "Bs 100" → "Bs 95188 100", it would rightly change how the
    amount reads; a clause boundary is where a number is quoted.)"""
    number, region = item
    text = row["text"]
    found = wc.check_text(text, region=region).findings
    # between words, and not inside something found (a name such as "LINE Pay", a number)
    cuts = [
        i for i, c in enumerate(text)
        if c.isspace() and i > 0 and text[i - 1] in ".!?,;:。！？，；：" and not any(f.span[0] <= i < f.span[1] for f in found)
    ]
    cut = [0, *cuts, len(text)][at % (len(cuts) + 2)]
    inserted = f"{text[:cut]} {number} {text[cut:]}"
    before = Counter((f.kind, f.text) for f in found)
    after = wc.check_text(inserted, region=region)
    start = cut + 1
    others = Counter((f.kind, f.text) for f in after.findings if not (f.span[0] < start + len(number) and start < f.span[1]))
    assert others <= before, (inserted, others - before)
    mine = [f for f in after.findings if f.span == (start, start + len(number))]
    alone = [f.kind for f in wc.check_text(number, region=region).findings]
    assert [f.kind for f in mine] in ([], alone), (inserted, mine, alone)


def test_check_texts_is_a_lazy_stream() -> None:
    def messages():  # type: ignore[no-untyped-def]
        yield "【支付宝】请致电 400-826-8888"
        raise AssertionError("read past the first message")

    first = next(wc.check_texts(messages(), region="CN"))
    assert first.risk is wc.Risk.HIGH


def test_to_dict_is_json() -> None:
    t = wc.check_text("PayPal: call 1-805-250-7719 or visit paypal-help.example.com", region="US")
    doc = json.loads(json.dumps(t.to_dict()))
    assert doc["risk"] == "high" and doc["providers"] == ["paypal"]
    assert [f["kind"] for f in doc["findings"]] == ["provider", "number", "link"]


def test_scan_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "walletcontact", "scan", *args], input=stdin,
                              capture_output=True, text=True, encoding="utf-8")

    bad = run("【支付宝】退款请致电 400-826-8888", "--region", "CN", "--json")
    assert bad.returncode == 1 and json.loads(bad.stdout)["risk"] == "high"
    good = run("Dial *334# for your M-PESA menu", "--region", "KE")
    assert good.returncode == 0
    lines = '{"text": "Dial *334# for M-PESA"}\nnot json\n{"text": "PayPal: call 1-805-250-7719"}\n'
    stream = run("-", "--jsonl", "--region", "KE", "--json", stdin=lines)
    assert stream.returncode == 1 and "line 2" in stream.stderr
    assert [json.loads(x)["risk"] for x in stream.stdout.splitlines()] == ["low", "high"]
    plain = run("-", "--region", "CN", stdin="95188 是支付宝客服\n\n验证码 951883\n")
    assert [x.split("\t")[0] for x in plain.stdout.splitlines()] == ["low", "unknown"] and plain.returncode == 0


# ---------------------------------------------------------------- the sender a message shows

_ORDER = {wc.Risk.LOW: 0, wc.Risk.UNKNOWN: 1, wc.Risk.CAUTION: 2, wc.Risk.HIGH: 3}


def _senders() -> list[tuple[wc.Provider, wc.SmsSenderChannel]]:
    return [(p, c) for p in wc.providers() for c in p.channels if isinstance(c, wc.SmsSenderChannel)]


@pytest.mark.parametrize(("provider", "channel"), _senders(), ids=lambda x: getattr(x, "id", None) or x.sender)
def test_every_recorded_sender_is_its_providers_in_any_spelling(provider: wc.Provider, channel: wc.SmsSenderChannel) -> None:
    s = channel.sender
    for spelled in (s, s.lower(), s.upper(), f" {s} ", "-".join(s), s.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})):
        c = wc.check_sender(spelled, region=channel.region)
        assert c.is_official and c.provider is not None and c.provider.id == provider.id, spelled
        assert c.channel is channel and c.risk is wc.Risk.LOW
        assert c.codes == ("SENDER_KNOWN", "SENDER_SPOOFABLE")  # never a promise: sender IDs can be spoofed
        assert wc.check_sender(spelled, region=channel.region, provider=provider.id).is_official
    other = next(r for r in ("US", "CN", "KE", "BD") if r != channel.region)
    assert not wc.check_sender(s, region=other).is_official  # a sender ID is a region's


@pytest.mark.parametrize(("provider", "channel"), _senders(), ids=lambda x: getattr(x, "id", None) or x.sender)
def test_a_provider_claimed_with_another_sender(provider: wc.Provider, channel: wc.SmsSenderChannel) -> None:
    """Claiming a provider whose senders in the region are recorded, any other sender is not it:
    high when the provider's own pages name its senders."""
    for shown in ("+1 415 555 0100", "0712345678", "INFO", "Alert-Team"):
        c = wc.check_sender(shown, region=channel.region, provider=provider.id)
        assert not c.is_official and channel in c.expected, shown
        assert "SENDER_NOT_PROVIDERS" in c.codes and c.codes[-1] == "SENDER_SPOOFABLE"
        confirmed = any(e.confidence is wc.Confidence.OFFICIAL for e in c.expected)
        assert c.risk is (wc.Risk.HIGH if confirmed else wc.Risk.CAUTION)


@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=4)), st.sampled_from([None, "m-pesa", "alipay", "paypal"]))
@settings(max_examples=200, deadline=None)
def test_any_sender_is_safe(sender: str, region: str | None, provider: str | None) -> None:
    c = wc.check_sender(sender, region=region, provider=provider)
    assert c.risk in set(wc.Risk) and c.codes[-1] == "SENDER_SPOOFABLE"
    assert len(c.sender) <= 32
    json.dumps(c.to_dict())


@given(st.sampled_from(CORPUS), st.sampled_from(_senders()))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_genuine_sender_never_lowers_a_texts_risk(row: dict[str, str], item: tuple[wc.Provider, wc.SmsSenderChannel]) -> None:
    """Sender IDs can be spoofed: a message showing a provider's real sender is judged at least as
    strictly as the same message with no sender."""
    _, channel = item
    alone = wc.check_text(row["text"], region=channel.region)
    shown = wc.check_text(row["text"], region=channel.region, sender=channel.sender)
    assert _ORDER[shown.risk] >= _ORDER[alone.risk], row["text"]
    assert shown.sender is not None and shown.sender.codes[-1] == "SENDER_SPOOFABLE"


def test_a_message_from_the_wrong_sender() -> None:
    scam = "M-PESA: you have received Ksh 5,000 by mistake. Please send it back to 0712 345 678."
    genuine = wc.check_text("QWE12ABC Confirmed. Ksh500.00 sent to JOHN DOE on 1/2/24.", region="KE", sender="MPESA")
    assert [p.id for p in genuine.providers] == ["m-pesa"]  # the sender ID is itself a claim
    assert genuine.risk is not wc.Risk.LOW and "can be faked" in genuine.advice()
    t = wc.check_text(scam, region="KE", sender="+254 712 345 678")
    assert t.risk is wc.Risk.HIGH and t.sender is not None and t.sender.codes[0] == "SENDER_NOT_PROVIDERS"
    assert "MPESA" in t.advice() and "MPESA" in t.advice("zh-Hans")
    doc = json.loads(json.dumps(t.to_dict()))
    assert doc["sender"]["verdict"] == "unofficial" and doc["sender"]["expected"] == ["MPESA"]
    assert wc.check_text(scam, region="KE").to_dict()["sender"] is None
    pairs = list(wc.check_texts([(scam, "MPESA"), scam], region="KE"))
    assert pairs[0].sender is not None and pairs[0].sender.is_official and pairs[1].sender is None


def test_scan_takes_a_sender() -> None:
    import subprocess
    import sys

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "walletcontact", "scan", *args], input=stdin,
                              capture_output=True, text=True, encoding="utf-8")

    text = "M-PESA: Confirmed. Ksh500.00 received."
    assert run(text, "--region", "KE", "--sender", "MPESA").returncode == 0
    wrong = run(text, "--region", "KE", "--sender", "0712345678")
    assert wrong.returncode == 1 and "MPESA" in wrong.stdout
    lines = json.dumps({"text": text, "sender": "0712345678"}) + "\n" + json.dumps({"text": text}) + "\n"
    stream = run("-", "--jsonl", "--region", "KE", "--json", "--sender", "MPESA", stdin=lines)
    got = [json.loads(x)["sender"]["verdict"] for x in stream.stdout.splitlines()]
    assert got == ["unofficial", "official"] and stream.returncode == 1


def test_a_numeric_sender_is_the_same_however_written() -> None:
    """A sender that is a number matches in its national form and with its country code (a message
    may show ``164`` or ``+263164``), and only in its own region."""
    import phonenumbers

    numeric = [(p, c) for p, c in _senders() if c.sender.lstrip("+").replace("-", "").replace(" ", "").isdigit()]
    assert numeric
    for p, c in numeric:
        n = phonenumbers.parse(c.sender, c.region)
        for spelled in (str(n.national_number), f"+{n.country_code}{n.national_number}",
                        f"+{n.country_code} {n.national_number}", phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL)):
            got = wc.check_sender(spelled, region=c.region)
            assert got.is_official and got.provider is not None and got.provider.id == p.id, (spelled, c.sender)
        assert not wc.check_sender(str(n.national_number), region="US" if c.region != "US" else "CA").is_official


def test_registered_sender_marks_are_kept(tmp_path: Path) -> None:
    """Hong Kong marks registered senders with '#': custom data may record one (lint and the
    loader accept it), '#AcmeHK' is that sender in any case, and 'AcmeHK' without the mark is not."""
    from _factory import SEEN, make_provider
    from walletcontact.load.policy import SENDER_RE

    assert SENDER_RE.match("#AlipayHK") and SENDER_RE.match("MPESA") and SENDER_RE.match("+263164")
    assert not SENDER_RE.match("##AcmeHK") and not SENDER_RE.match("#") and not SENDER_RE.match("AcmeHK-Refund-Team")
    doc = make_provider("acme-hk", regions=["HK"])
    doc["channels"].append({
        "type": "sms-sender", "sender": "#AcmeHK", "region": "HK", "carriers": [], "purposes": ["transaction-alerts"],
        "confidence": "official", "sources": [{"url": "https://acme.example.com/sms", "kind": "provider", "seen": SEEN}],
        "verified_on": SEEN,
    })
    (tmp_path / "acme-hk.json").write_text(json.dumps(doc), encoding="utf-8")
    reg = wc.load_registry(tmp_path)
    got = wc.check_sender("#acmehk", region="HK", registry=reg)
    assert got.is_official and got.provider is not None and got.provider.id == "acme-hk"
    bare = wc.check_sender("AcmeHK", region="HK", provider="acme-hk", registry=reg)
    assert not bare.is_official and bare.risk is wc.Risk.HIGH and [c.sender for c in bare.expected] == ["#AcmeHK"]


def _folded_windows() -> list[str]:
    """The text before (28 characters) and after (16) every digit run of the corpus, casefolded."""
    from walletcontact.message.folding import fold_text
    from walletcontact.message.numbers import _RUN

    out: list[str] = []
    for row in CORPUS:
        ft = fold_text(row["text"], casefold=True).text
        for m in _RUN.finditer(ft):
            out += [ft[max(0, m.start() - 28) : m.start()], ft[max(0, m.start() - 22) : m.start()], ft[m.end() : m.end() + 16]]
    return out


WINDOWS = _folded_windows()


@pytest.mark.parametrize("name", ["_ANY_NOT_BEFORE", "CALL_CONTEXT"])
def test_searches_on_folded_text_find_what_the_word_lists_find(name: str) -> None:
    """The exclusion and call-context word lists are searched in casefolded text without
    IGNORECASE and behind a lookahead of the characters a match can start with: the same answers
    as the lists themselves, over every window of the corpus and random folded text."""
    from walletcontact.message import numbers

    plain = getattr(numbers, name)
    folded = numbers.on_folded(plain)
    assert folded.pattern.startswith("(?=[")  # the shortcut is taken: the lists start with known characters
    letters = {c for c in plain.pattern if c.isalpha()}
    assert {c for c in letters if c.casefold() != c} == set()  # written in folded letters
    hits = 0
    for w in WINDOWS:
        assert bool(folded.search(w)) == bool(plain.search(w)), w
        hits += bool(plain.search(w))
    assert hits > 20  # the windows exercise the lists


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(sorted(set("".join(WINDOWS)) | set(" :#.-₹$€"))), max_size=28))
def test_folded_searches_agree_on_any_folded_text(window: str) -> None:
    from walletcontact.message import numbers
    from walletcontact.message.folding import fold_text

    w = fold_text(window, casefold=True).text
    for plain in (numbers._ANY_NOT_BEFORE, numbers.CALL_CONTEXT):
        assert bool(numbers.on_folded(plain).search(w)) == bool(plain.search(w))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*"abcdhtpswAHTPW0123456789:/.@-_ \\【】。：＠．", "http", "www", "com", "HTTPS"]), max_size=20).map("".join)
)
def test_every_link_the_link_pattern_reads_has_a_dot_an_at_or_a_colon(text: str) -> None:
    """_links skips texts with no '.', '@' or ':' without running the link pattern: that is safe
    only because every match of the pattern has one of them."""
    from walletcontact.message import _LINK

    for m in _LINK.finditer(text):
        assert any(c in m.group(0) for c in ".@:"), m.group(0)
