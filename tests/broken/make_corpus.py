"""Regenerate the broken-document corpus: python tests/broken/make_corpus.py (from the repo root)."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from _factory import make_provider  # noqa: E402

base = make_provider()
cases: list[tuple[str, str, Any, Any]] = []


def case(name: str, expect: str, doc: Any = None, raw: Any = None) -> None:
    cases.append((name, expect, doc, raw))


def mod(fn: Any) -> dict[str, Any]:
    d = copy.deepcopy(base)
    fn(d)
    return d


SRC = [{"url": "https://blog.example.org/x", "kind": "third-party", "seen": "2026-01-01"}]
case("unknown-top-key", "$: unknown key(s): colour", mod(lambda d: d.update(colour="red")))
case("unknown-channel-key", "$.channels[1]: unknown key(s): fax", mod(lambda d: d["channels"][1].update(fax="1")))
case("unknown-channel-type", "$.channels[0]: unknown channel type 'pager'", mod(lambda d: d["channels"][0].update(type="pager")))
case("number-not-string", "$.channels[1].number: expected a string, got a number", mod(lambda d: d["channels"][1].update(number=442079460000)))
case("impossible-number", "$.channels[1].number: '+44 20 7946' is not a valid number for GB", mod(lambda d: d["channels"][1].update(number="+44 20 7946")))
case("bad-direction", "$.channels[1].direction: 'sideways' is not one of 'inbound', 'outbound', 'both'", mod(lambda d: d["channels"][1].update(direction="sideways")))
case("bad-confidence", "$.channels[1].confidence: 'low' is not one of 'official', 'reported'", mod(lambda d: d["channels"][1].update(confidence="low")))
case("http-website", "$.channels[0].url: must be an https URL", mod(lambda d: d["channels"][0].update(url="http://acme.example.com/help")))
case("website-off-domain", "$.channels[0].url: host 'acme-help.example.net' is not one of the provider's domains", mod(lambda d: d["channels"][0].update(url="https://acme-help.example.net/")))
case("official-without-official-source", "$.channels[1].confidence: 'official' needs a source", mod(lambda d: d["channels"][1].update(sources=SRC)))
case("reported-one-source", "$.channels[1].confidence: 'reported' needs two sources of kinds press, directory, regulator or forum from different site families", mod(lambda d: d["channels"][1].update(confidence="reported", sources=SRC)))
case("empty-sources", "$.channels[1].sources: at least one source is required", mod(lambda d: d["channels"][1].update(sources=[])))
case("missing-verified-on", "$.channels[1].verified_on: required key missing", mod(lambda d: d["channels"][1].pop("verified_on")))
case("bad-date", "$.verified_on: not an ISO date (YYYY-MM-DD): '2026-13-01'", mod(lambda d: d.update(verified_on="2026-13-01")))
case("future-date", "$.verified_on: date is in the future: 2999-01-01", mod(lambda d: d.update(verified_on="2999-01-01")))
case("bad-id", "$.id: not a lower-case slug with hyphens: 'Acme Pay'", mod(lambda d: d.update(id="Acme Pay")))
case("bad-region", "$.regions[0]: not an ISO 3166-1 alpha-2 region: 'GBR'", mod(lambda d: d.update(regions=["GBR"])))
case("empty-regions", "$.regions: must list at least one region", mod(lambda d: d.update(regions=[])))
case("regions-as-string", "$.regions: expected a list of strings, got a string", mod(lambda d: d.update(regions="GB")))
case("names-without-en", "$.names: an 'en' entry is required", mod(lambda d: d.update(names={"zh-Hans": "艾克美"})))
case("bad-locale", "$.names: not a locale tag: 'english!'", mod(lambda d: d.update(names={"en": "A", "english!": "B"})))
case("missing-names", "$.names: required key missing", mod(lambda d: d.pop("names")))
case("email-wrong-domain", "$.channels[3].address: domain of 'help@gmail.com' is not one of the provider's domains",
     mod(lambda d: d["channels"].append({"type": "email", "address": "help@gmail.com", "confidence": "official",
                                         "sources": d["channels"][1]["sources"], "verified_on": "2026-01-01"})))
case("bad-schema-version", "$.schema: unsupported schema 2; expected 1", mod(lambda d: d.update(schema=2)))
case("published-without-phones", "$.phone_support.status: 'published' but the record has no phone channel", mod(lambda d: d.update(channels=[d["channels"][0]])))
case("none-without-source", "$.phone_support.sources: status 'none' needs a source", mod(lambda d: d.update(phone_support={"status": "none"}, channels=[d["channels"][0]])))
case("bad-hours", "$.channels[1].hours.spans[0].end: not a time HH:MM after start: '08:00'",
     mod(lambda d: d["channels"][1].update(hours={"time_zone": "Europe/London", "spans": [{"days": ["mon"], "start": "09:00", "end": "08:00"}]})))
case("bad-day", "$.channels[1].hours.spans[0].days: days must be a non-empty list of mon..sun",
     mod(lambda d: d["channels"][1].update(hours={"time_zone": "Europe/London", "spans": [{"days": ["monday"], "start": "09:00", "end": "18:00"}]})))
case("bad-topic", "$.procedures[0].topic: unknown topic 'refunds'",
     mod(lambda d: d.update(procedures=[{"topic": "refunds", "steps": {"en": ["a"]}, "sources": [], "verified_on": "2026-01-01"}])))
case("source-not-url", "$.sources[0].url: not a usable http(s) URL (not an https or http URL): 'acme.example.com'", mod(lambda d: d.update(sources=[{"url": "acme.example.com", "kind": "official", "seen": "2026-01-01"}])))
case("bad-source-kind", "$.sources[0].kind: 'blog' is not one of 'provider', 'provider-copy', 'government', 'regulator', 'press', 'directory', 'forum', 'paste', 'content-farm', 'code'",
     mod(lambda d: d.update(sources=[{"url": "https://acme.example.com", "kind": "blog", "seen": "2026-01-01"}])))
case("fake-not-a-number", "$.known_fakes[0].number: not a phone number: 'call us'",
     mod(lambda d: d.update(known_fakes=[{"number": "call us", "region": "GB", "note": {"en": "x"}, "sources": d["sources"], "verified_on": "2026-01-01"}])))
case("bool-as-string", "$.channels[1].carrier_short_code: expected true or false, got a string", mod(lambda d: d["channels"][1].update(carrier_short_code="yes")))
case("providers-not-list", "$.providers: expected a list, got an object", raw={"schema": 1, "providers": {"id": "x"}})
case("document-not-object", "$: a document must be a JSON object, got a list", raw=[1, 2])
case("duplicate-in-layer", "duplicate provider id 'acme-pay'", raw={"schema": 1, "providers": [{k: v for k, v in base.items() if k != "schema"}] * 2})
case("clash-with-builtin", "provider 'alipay' already exists (from builtin); pass replace=True", mod(lambda d: d.update(id="alipay")))
case("number-claimed-by-builtin", "number CN:95188 is also claimed by alipay",
     mod(lambda d: (d.update(regions=["CN"]), d["channels"][1].update(number="95188", region="CN"))))
case("deeply-nested", "document is nested too deeply", raw="DEEP")
# hostile documents (issue: no URL that leads elsewhere, no escape sequences, no blessed fakes)
case("url-backslash-host", "$.channels[0].url: must be an https URL a browser reads as written (a backslash",
     mod(lambda d: d["channels"][0].update(url="https://evil.example\\@acme.example.com/help")))
case("url-userinfo", "$.channels[0].url: must be an https URL a browser reads as written (a user name or password",
     mod(lambda d: d["channels"][0].update(url="https://acme.example.com@evil.example/help")))
case("url-ip-host", "$.sources[0].url: not a usable http(s) URL (an IP-address host)",
     mod(lambda d: d.update(sources=[{"url": "http://18.135.160.37/help", "kind": "official", "seen": "2026-01-01"}])))
case("url-port", "$.channels[0].url: must be an https URL a browser reads as written (a port other than the default (8443))",
     mod(lambda d: d["channels"][0].update(url="https://acme.example.com:8443/help")))
case("url-control-character", "$.channels[0].url: must be an https URL a browser reads as written (a control, invisible or direction character (U+001B))",
     mod(lambda d: d["channels"][0].update(url="https://acme.example.com/\x1b[2Jhelp")))
case("url-direction-character", "(a control, invisible or direction character (U+202E))",
     mod(lambda d: d["channels"][0].update(url="https://acme.example.com/\u202epleh")))
case("domain-public-suffix", "$.domains[0]: 'co.uk' is a public suffix", mod(lambda d: d.update(domains=["co.uk"])))
case("key-with-escape-sequence", "unknown key(s): x\\n<mapping>: $: all good\\x1b[0m",
     mod(lambda d: d.update({"x\n<mapping>: $: all good\x1b[0m": 1})))
case("blesses-recorded-fake", "$.channels[3].number: 95055 is recorded as a fake number of alipay in the built-in data",
     mod(lambda d: (d.update(regions=["GB", "CN"]), d["channels"].append(
         {**d["channels"][1], "number": "95055", "region": "CN"}))))
case("short-number-with-country-code", "$.channels[1].number: '+86 95099' is a short number of CN: publish it without a country code",
     mod(lambda d: d["channels"][1].update(number="+86 95099", carrier_short_code=False)))
case("number-with-words", "$.channels[1].number: 'acmetel:20 7946 0000' is not written as a phone number",
     mod(lambda d: d["channels"][1].update(number="acmetel:20 7946 0000")))
case("accept-fakes-not-a-flag", "$.accept_recorded_fakes: expected true or false", mod(lambda d: d.update(accept_recorded_fakes="yes")))
case("not-json", "not valid JSON", raw="NOTJSON")
# the second data wave: source kinds that carry nothing, copies, USSD menus, SMS senders, abroad lines
FARM = [{"url": "https://farm.example.org/a", "kind": "content-farm", "seen": "2026-01-01"},
        {"url": "https://paste.example.net/b", "kind": "paste", "seen": "2026-01-01"}]
case("content-farm-on-channel", "$.channels[1].sources[0].kind: a 'content-farm' source is never evidence",
     mod(lambda d: d["channels"][1].update(confidence="reported", sources=FARM)))
case("copy-without-original", "$.channels[1].sources[0].copy_of: a 'provider-copy' source names the original page",
     mod(lambda d: d["channels"][1].update(sources=[{"url": "https://mirror.example.org/acme", "kind": "provider-copy", "seen": "2026-01-01"}])))
case("bad-ussd-code", "$.channels[3].code: not a USSD code such as '*334#': '334'",
     mod(lambda d: d["channels"].append({"type": "ussd", "code": "334", "region": "GB", "opens": {"en": "menu"}, "confidence": "official", "sources": d["sources"], "verified_on": "2026-01-01"})))
case("bad-sms-sender", "$.channels[3].sender: not an SMS sender ID",
     mod(lambda d: d["channels"].append({"type": "sms-sender", "sender": "Acme Pay Official Alerts", "region": "GB", "confidence": "official", "sources": d["sources"], "verified_on": "2026-01-01"})))
case("abroad-published-without-line", "$.phone_support.abroad.status: 'published' exactly when a phone channel has abroad: true",
     mod(lambda d: d["phone_support"].update(abroad={"status": "published"})))

if __name__ == "__main__":
    for old in HERE.glob("[0-9][0-9]-*.json"):
        old.unlink()
    expected = {}
    for i, (name, expect, doc, raw) in enumerate(cases, 1):
        fname = f"{i:02d}-{name}.json"
        if raw == "DEEP":
            text = '{"schema": 1, "x": ' + "[" * 200 + "]" * 200 + "}"
        elif raw == "NOTJSON":
            text = '{"schema": 1, "id": "acme-pay",'
        else:
            text = json.dumps(doc if doc is not None else raw, ensure_ascii=False, indent=1)
        (HERE / fname).write_text(text + "\n", encoding="utf-8")
        expected[fname] = expect
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(len(cases), "documents")
