"""Checks beyond types: the data policy (sources, confidence, https, domains, numbers, dates).

Every problem is reported as ``"<origin>: <$.json.path>: <message>"``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from ..model import (
    REPORTED_KINDS,
    TOPICS,
    WEAK_KINDS,
    AbroadStatus,
    AppChannel,
    CommunityChannel,
    Confidence,
    EmailChannel,
    PhoneChannel,
    PhoneSupportStatus,
    Provider,
    ProviderKind,
    RecordedNumber,
    SmsSenderChannel,
    SocialChannel,
    Source,
    SourceKind,
    UssdChannel,
    WebsiteChannel,
)
from ..urls import registrable_domain, url_host, url_problem
from .documents import is_locale

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REGION_RE = re.compile(r"^[A-Z]{2}$")
DOMAIN_RE = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")
SLUG_RE = ID_RE
#: a USSD code: starts with * or #, digits and * inside, ends with # (``*334#``, ``*150*00#``)
USSD_RE = re.compile(r"^[*#]{1,2}\d{1,4}(?:\*\d{1,6}){0,4}#$")
#: an SMS sender: 3-11 letters, digits, spaces, dots, hyphens or ampersands, or a short number;
#: a leading ``#`` marks a registered sender where a scheme has one (Hong Kong's SSRS: ``#AlipayHK``)
SENDER_RE = re.compile(r"^#?(?=.*[A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9 .&_-]{1,10}$|^\+?\d{3,15}$")
EMAIL_RE = re.compile(r"^[^@\s]+@([a-z0-9.-]+)$")
DAYS = frozenset(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
#: Second-level labels of government domains (``gov.cn``, ``go.id``, ``gob.mx``, ``gouv.fr``,
#: ``govt.nz``, ``gub.uy``, ``police.uk``...), and government domains without one. The US ``.gov``
#: and ``.mil`` are top-level. A label further left (``gov.example.com``) does not count.
GOV_LABELS = frozenset({"gov", "go", "gob", "gub", "gouv", "govt", "gv", "mil", "gc", "police"})
#: government suffixes outside those labels (nic.in: the National Informatics Centre hosts the
#: Government of India's own sites; nothing private is registered under it)
GOV_DOMAINS = ("admin.ch", "bund.de", "europa.eu", "nic.in")


def is_government_host(host: str, provider: Provider) -> bool:
    """A government domain (see ``GOV_LABELS``/``GOV_DOMAINS``), or, for an authority, one of its
    own listed domains."""
    host = host.lower().rstrip(".")
    if provider.kind is ProviderKind.AUTHORITY and provider.is_official_domain(host):
        return True
    labels = host.split(".")
    if labels[-1] in ("gov", "mil") or (len(labels) >= 2 and labels[-2] in GOV_LABELS):
        return True  # ftc.gov; gov.cn, go.id, gob.mx, gouv.fr, govt.nz, gub.uy, police.uk, gc.ca...
    return any(host == d or host.endswith("." + d) for d in GOV_DOMAINS)


def _host(url: str) -> str:
    return url_host(url)


class _Problems:
    """Problems of one record; items another layer added (``moved``: their path in the record →
    the origin and path they were written at) are reported where they were written."""

    def __init__(self, origin: str, moved: Mapping[str, tuple[str, str]] | None = None) -> None:
        self.origin = origin
        self.moved = moved or {}
        self.items: list[str] = []

    def add(self, path: str, message: str) -> None:
        origin = self.origin
        for prefix, (written_in, written_at) in self.moved.items():
            if path == prefix or path.startswith((prefix + ".", prefix + "[")):
                origin, path = written_in, written_at + path[len(prefix) :]
                break
        self.items.append(f"{origin}: {path}: {message}")


def _check_sources(
    out: _Problems, path: str, sources: Sequence[Source], *, required: bool, today: dt.date, weak: bool = True
) -> None:
    """URLs, dates and kinds of ``sources``; ``weak``: paste, content-farm and code sources are
    problems here (everywhere except the records of fakes, unverified numbers and disagreements)."""
    if required and not sources:
        out.add(f"{path}.sources", "at least one source is required")
    for i, src in enumerate(sources):
        p = f"{path}.sources[{i}]"
        problem = url_problem(src.url, schemes=("https", "http"))
        if problem is not None:
            out.add(f"{p}.url", f"not a usable http(s) URL ({problem}): {src.url!r}")
        if src.seen > today:
            out.add(f"{p}.seen", f"date is in the future: {src.seen.isoformat()}")
        if src.kind is SourceKind.PROVIDER_COPY:
            if src.copy_of is None:
                out.add(f"{p}.copy_of", "a 'provider-copy' source names the original page it copies")
            elif (problem := url_problem(src.copy_of, schemes=("https", "http"))) is not None:
                out.add(f"{p}.copy_of", f"not a usable http(s) URL ({problem}): {src.copy_of!r}")
        elif src.copy_of is not None:
            out.add(f"{p}.copy_of", "only a 'provider-copy' source names an original page")
        if weak and src.kind in WEAK_KINDS:
            out.add(
                f"{p}.kind",
                f"a {src.kind.value!r} source is never evidence; drop it (or record the number under 'unverified')",
            )


def _evidence_host(src: Source) -> str:
    """The host whose page a source shows: the original's for a copy."""
    return _host(src.copy_of if src.kind is SourceKind.PROVIDER_COPY and src.copy_of else src.url)


def carries_official(provider: Provider, src: Source) -> bool:
    """Whether ``src`` can carry ``official`` for ``provider``: a provider page (or a faithful
    copy of one) on its domains, a government page on a government domain, or a regulator's page."""
    if src.kind in (SourceKind.PROVIDER, SourceKind.PROVIDER_COPY):
        return provider.is_official_domain(_evidence_host(src))
    if src.kind is SourceKind.GOVERNMENT:
        return is_government_host(_host(src.url), provider)
    return src.kind is SourceKind.REGULATOR


def _confidence_ok(provider: Provider, confidence: Confidence, sources: Sequence[Source]) -> str | None:
    if any(carries_official(provider, s) for s in sources):
        return None
    if confidence is Confidence.OFFICIAL:
        return (
            "'official' needs a source of kind 'provider' (or 'provider-copy' of a page) on one of the "
            "provider's domains, 'government' on a government domain, or 'regulator'"
        )
    families = {registrable_domain(_host(s.url)) or _host(s.url) for s in sources if s.kind in REPORTED_KINDS}
    if len(families) < 2:
        return (
            "'reported' needs two sources of kinds press, directory, regulator or forum from different "
            "site families (paste, content-farm and code sources never count)"
        )
    return None


def validate_provider(
    provider: Provider,
    origin: str,
    path: str = "$",
    *,
    check_numbers: bool = True,
    today: dt.date | None = None,
    moved: Mapping[str, tuple[str, str]] | None = None,
) -> list[str]:
    """All policy problems of one provider record (empty when it is fine).

    ``moved`` names the items an extension added: their path in the record → (origin, path) of
    the extension, where their problems are reported.
    """
    today = today or dt.date.today()
    out = _Problems(origin, moved)
    p = provider
    if not ID_RE.match(p.id):
        out.add(f"{path}.id", f"not a lower-case slug with hyphens: {p.id!r}")
    if not p.regions:
        out.add(f"{path}.regions", "must list at least one region")
    for i, region in enumerate(p.regions):
        if not _region_ok(region, check_numbers):
            out.add(f"{path}.regions[{i}]", f"not an ISO 3166-1 alpha-2 region: {region!r}")
    if p.kind is ProviderKind.WALLET and not p.domains:
        out.add(f"{path}.domains", "a wallet must list at least one official domain")
    everyday_seen: set[tuple[str, str]] = set()
    for i, everyday in enumerate(p.everyday_names):
        ep = f"{path}.everyday_names[{i}]"
        if not everyday.name.strip() or everyday.name != everyday.name.strip() or not everyday.name.isprintable():
            out.add(f"{ep}.name", f"not a name: {everyday.name!r}")
        if not is_locale(everyday.locale):
            out.add(f"{ep}.locale", f"not a locale tag: {everyday.locale!r}")
        key = (everyday.name.casefold(), everyday.locale)
        if key in everyday_seen:
            out.add(f"{ep}.name", f"listed twice: {everyday.name!r}")
        everyday_seen.add(key)
    for i, domain in enumerate(p.domains):
        if not DOMAIN_RE.match(domain):
            out.add(f"{path}.domains[{i}]", f"not a lower-case domain name: {domain!r}")
        elif registrable_domain(domain) is None:
            out.add(
                f"{path}.domains[{i}]",
                f"{domain!r} is a public suffix (anyone can register names under it); list the provider's own domain",
            )
    if not p.sources:
        out.add(f"{path}.sources", "at least one source is required")
    _check_sources(out, path, p.sources, required=False, today=today)
    if p.verified_on > today:
        out.add(f"{path}.verified_on", f"date is in the future: {p.verified_on.isoformat()}")

    ps = p.phone_support
    _check_sources(out, f"{path}.phone_support", ps.sources, required=False, today=today)
    if ps.abroad is not None:
        ap = f"{path}.phone_support.abroad"
        _check_sources(out, ap, ps.abroad.sources, required=False, today=today)
        if ps.abroad.status is AbroadStatus.NONE and not ps.abroad.sources:
            out.add(f"{ap}.sources", "status 'none' needs a source")
        if ps.abroad.status is AbroadStatus.UNLISTED and ps.abroad.note is None:
            out.add(f"{ap}.note", "status 'unlisted' needs a note saying where callers abroad can turn")
        if (ps.abroad.status is AbroadStatus.PUBLISHED) != any(c.abroad for c in p.phones):
            out.add(f"{ap}.status", "'published' exactly when a phone channel has abroad: true")
    if ps.status in (PhoneSupportStatus.NONE, PhoneSupportStatus.VIA_BANK) and not ps.sources:
        out.add(f"{path}.phone_support.sources", f"status {ps.status.value!r} needs a source")
    if ps.status is PhoneSupportStatus.PUBLISHED and not p.phones:
        out.add(f"{path}.phone_support.status", "'published' but the record has no phone channel")

    for i, ch in enumerate(p.channels):
        cp = f"{path}.channels[{i}]"
        _check_sources(out, cp, ch.sources, required=True, today=today)
        if ch.verified_on > today:
            out.add(f"{cp}.verified_on", f"date is in the future: {ch.verified_on.isoformat()}")
        problem = _confidence_ok(p, ch.confidence, ch.sources)
        if problem:
            out.add(f"{cp}.confidence", problem)
        if isinstance(ch, PhoneChannel):
            _check_phone(out, cp, p, ch, check_numbers)
        elif isinstance(ch, WebsiteChannel):
            _check_url(out, f"{cp}.url", ch.url, p, official=True)
        elif isinstance(ch, EmailChannel):
            m = EMAIL_RE.match(ch.address)
            if not m:
                out.add(f"{cp}.address", f"not an e-mail address: {ch.address!r}")
            elif not p.is_official_domain(m.group(1)):
                out.add(f"{cp}.address", f"domain of {ch.address!r} is not one of the provider's domains")
        elif isinstance(ch, (SocialChannel, CommunityChannel)):
            if ch.url is not None:
                _check_url(out, f"{cp}.url", ch.url, p, official=False)
        elif isinstance(ch, AppChannel) and not ch.path.values:
            out.add(f"{cp}.path", "an app channel needs a path")
        elif isinstance(ch, UssdChannel):
            if not USSD_RE.match(ch.code):
                out.add(f"{cp}.code", f"not a USSD code such as '*334#': {ch.code!r}")
            _check_region_and_purposes(out, cp, ch.region, ch.purposes, check_numbers)
        elif isinstance(ch, SmsSenderChannel):
            if not SENDER_RE.match(ch.sender):
                out.add(f"{cp}.sender", f"not an SMS sender ID (3-11 letters/digits, or a short number): {ch.sender!r}")
            _check_region_and_purposes(out, cp, ch.region, ch.purposes, check_numbers)

    for i, pol in enumerate(p.caller_policies):
        pp = f"{path}.caller_policies[{i}]"
        if not SLUG_RE.match(pol.code):
            out.add(f"{pp}.code", f"not a slug: {pol.code!r}")
        _check_sources(out, pp, pol.sources, required=True, today=today)

    for field, numbers in (("known_fakes", p.known_fakes), ("unverified", p.unverified)):
        for i, rec in enumerate(numbers):
            rp = f"{path}.{field}[{i}]"
            _check_sources(out, rp, rec.sources, required=True, today=today, weak=False)
            _check_recorded(out, rp, rec, check_numbers)

    for i, proc in enumerate(p.procedures):
        pp = f"{path}.procedures[{i}]"
        if proc.topic not in TOPICS:
            out.add(f"{pp}.topic", f"unknown topic {proc.topic!r}; expected one of {', '.join(TOPICS)}")
        _check_sources(out, pp, proc.sources, required=False, today=today)

    for i, d in enumerate(p.disagreements):
        _check_sources(out, f"{path}.disagreements[{i}]", d.sources, required=False, today=today, weak=False)
    return out.items


def _check_region_and_purposes(
    out: _Problems, cp: str, region: str, purposes: Sequence[str], check_numbers: bool
) -> None:
    if not _region_ok(region, check_numbers):
        out.add(f"{cp}.region", f"not an ISO 3166-1 alpha-2 region: {region!r}")
    for j, slug in enumerate(purposes):
        if not SLUG_RE.match(slug):
            out.add(f"{cp}.purposes[{j}]", f"not a slug: {slug!r}")


def _region_ok(region: str, strict: bool) -> bool:
    if not REGION_RE.match(region):
        return False
    if strict:
        from ..phone.numbering import SUPPORTED_REGIONS

        return region in SUPPORTED_REGIONS
    return True


def _check_url(out: _Problems, path: str, url: str, p: Provider, *, official: bool) -> None:
    problem = url_problem(url)
    if problem is not None:
        out.add(path, f"must be an https URL a browser reads as written ({problem}): {url!r}")
    elif official and not p.is_official_domain(_host(url)):
        out.add(path, f"host {_host(url)!r} is not one of the provider's domains")


def _check_phone(out: _Problems, cp: str, p: Provider, ch: PhoneChannel, check_numbers: bool) -> None:
    if not _region_ok(ch.region, check_numbers):
        out.add(f"{cp}.region", f"not an ISO 3166-1 alpha-2 region: {ch.region!r}")
        return
    for j, slug in enumerate(ch.purposes):
        if not SLUG_RE.match(slug):
            out.add(f"{cp}.purposes[{j}]", f"not a slug: {slug!r}")
    for j, other in enumerate(ch.shared_with):
        if other == p.id or not ID_RE.match(other):
            out.add(f"{cp}.shared_with[{j}]", f"not another provider's id: {other!r}")
    spans = [(f"{cp}.busy[{j}]", span) for j, span in enumerate(ch.busy)]
    if ch.hours is not None:
        spans += [(f"{cp}.hours.spans[{j}]", span) for j, span in enumerate(ch.hours.spans)]
        if "/" not in ch.hours.time_zone and ch.hours.time_zone != "UTC":
            out.add(f"{cp}.hours.time_zone", f"not an IANA time zone: {ch.hours.time_zone!r}")
    for where, span in spans:
        if not span.days or any(d not in DAYS for d in span.days):
            out.add(f"{where}.days", "days must be a non-empty list of mon..sun")
        if not TIME_RE.match(span.start) or span.start == "24:00":
            out.add(f"{where}.start", f"not a time HH:MM: {span.start!r}")
        if not TIME_RE.match(span.end) or span.end <= span.start:
            out.add(f"{where}.end", f"not a time HH:MM after start: {span.end!r}")
    if check_numbers:
        from ..phone.numbering import key_info  # data is checked with phonenumbers itself, never the table
        from ..phone.text import scan

        written = scan(ch.number)
        if written.words or written.other or written.imitations or written.invisible or written.bidi or written.control:
            # published as a phone number is written, or the checks would never call it official
            shown = written.other or written.imitations or "words or hidden characters"
            out.add(f"{cp}.number", f"{ch.number!r} is not written as a phone number ({shown!r})")
            return
        info = key_info(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
        if info is None:
            out.add(
                f"{cp}.number",
                f"{ch.number!r} is not a valid number for {ch.region} (full or short); "
                "a carrier short code phonenumbers does not know needs carrier_short_code: true",
            )
        elif ch.abroad and not info[0].startswith("+"):
            out.add(f"{cp}.abroad", f"{ch.number!r} is a short number: callers abroad cannot dial it")
        elif not info[0].startswith("+"):
            home = info[0].partition(":")[0]
            if scan(ch.number).international or "+" in ch.number or home != ch.region:
                # a short number only works inside its region, dialled without a country code
                out.add(
                    f"{cp}.number",
                    f"{ch.number!r} is a short number of {home}: publish it without a country code, "
                    f"with region {home!r}",
                )


def _check_recorded(out: _Problems, rp: str, rec: RecordedNumber, check_numbers: bool) -> None:
    if not _region_ok(rec.region, check_numbers):
        out.add(f"{rp}.region", f"not an ISO 3166-1 alpha-2 region: {rec.region!r}")
        return
    if check_numbers:
        from ..phone.text import scan

        s = scan(rec.number)
        if s.bidi or s.control or not any(c.isdigit() for c in s.text) or len(s.text) > 40:
            out.add(f"{rp}.number", f"not a phone number: {rec.number!r}")


def cross_check(providers: Iterable[Provider], keys: Mapping[str, list[tuple[str, str, str]]]) -> list[str]:
    """Numbers owned by two providers and not declared shared (``shared_with``) by the newer one.

    ``keys`` maps number key → [(provider id, origin, path)]; built-in owners are blamed only when
    no other layer claims the number.
    """
    shared: dict[str, set[str]] = {}
    for prov in providers:
        for ch in prov.phones:
            shared.setdefault(prov.id, set()).update(ch.shared_with)
    problems: list[str] = []
    for key, owners in keys.items():
        ids = {o[0] for o in owners}
        if len(ids) < 2:
            continue
        newer = [o for o in owners if o[1] != "builtin"]
        for pid, origin, path in newer or owners:
            others = ids - {pid}
            if not others <= shared.get(pid, set()):
                problems.append(
                    f"{origin}: {path}: number {key} is also claimed by "
                    f"{', '.join(sorted(others))}; declare it in shared_with if the number is shared"
                )
    return problems
