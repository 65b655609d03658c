"""Checking whole messages: the numbers, dial codes, links, e-mail addresses and provider names in
an SMS, a chat message or a web page's text, each judged, and the text's risk and advice.

>>> import walletcontact as wc
>>> t = wc.check_text("【支付宝】退款失败,请致电客服 400-826-8888 或访问 https://alipay-refund.cn", region="CN")
>>> t.risk.value, [p.id for p in t.providers]
('high', ['alipay'])
>>> [(f.kind, f.text) for f in t.findings]
[('provider', '支付宝'), ('number', '400-826-8888'), ('link', 'https://alipay-refund.cn')]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from ..catalog import Registry
from ..check import check_number
from ..check.evidence import regions_knowing
from ..check.result import NumberCheck, Reason, Risk, Verdict, inbound_numbers, local_first, name_params, reason
from ..kinds import ProviderKind
from ..model import Confidence, PhoneChannel, Provider, SmsSenderChannel
from ..phone.reading import is_region, read_raw
from ..phone.text import ONLY_DIGITS, scan
from ..registry import default_registry
from .folding import fold_text
from .links import SHORTENERS, domain_owner, lookalike_domain, parse_link, scripts_of
from .names import find_names
from .numbers import find_numbers
from .result import Finding, LinkCheck, SenderCheck, TextCheck, highest

__all__ = ["Finding", "LinkCheck", "SenderCheck", "TextCheck", "check_link", "check_sender", "check_text", "check_texts"]

#: a web address or e-mail address in running text
_LINK = re.compile(
    r"(?:https?:[/\\]{0,3}|www\.)[^\s<>\"'，。、；！？）】」]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@.-])(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,24}(?:/[^\s<>\"'，。、；！？）】」]*)?(?![\w@-])",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\"”’>"


def _registry(registry: Registry | None) -> Registry:
    return registry if registry is not None else default_registry()


def check_link(url_or_host: str, *, provider: str | Provider | None = None, registry: Registry | None = None) -> LinkCheck:
    """Judge a link (``https://…``), a bare host (``alipay-refund.cn``) or an e-mail address.

    Official when its host is one of the provider's ``domains`` or a subdomain of one, compared as
    a browser reads the host (``https://alipay.com@evil.cn`` goes to ``evil.cn``) and by the
    public suffix list (``alipay.com.evil.cn`` is not Alipay's). Never raises on any string.

    >>> c = check_link("https://alipay.com.evil.cn/refund", provider="alipay")
    >>> c.verdict.value, c.domain, c.lookalike_of, c.codes
    ('unofficial', 'evil.cn', 'alipay.com', ('LINK_LOOKALIKE',))
    >>> check_link("https://cs.alipay.com/x").provider.id
    'alipay'
    """
    from ..urls import registrable_domain

    reg = _registry(registry)
    prov = reg.get(provider) if isinstance(provider, str) else provider
    text = url_or_host if isinstance(url_or_host, str) else ""
    p = parse_link(text)
    reasons: list[Reason] = []
    if not p.host or (not p.ascii_host and not p.ip):
        reasons.append(reason("LINK_MALFORMED", link=text[:200]))
        return LinkCheck(link=text, verdict=Verdict.MALFORMED, risk=Risk.UNKNOWN, reasons=tuple(reasons), host=p.host,
                         domain=None, provider=prov, email=p.email)
    host = p.host
    if p.userinfo is not None:
        reasons.append(reason("LINK_USERINFO", userinfo=p.userinfo[:80], host=host))
    if p.backslash:
        reasons.append(reason("LINK_BACKSLASH", host=host))
    if p.ip:
        reasons.append(reason("LINK_IP_HOST", host=host))
        return LinkCheck(link=text, verdict=Verdict.UNOFFICIAL, risk=Risk.HIGH, reasons=tuple(reasons), host=host,
                         domain=None, provider=prov, email=p.email)
    domain = registrable_domain(p.ascii_host)
    if prov is not None:
        owner = prov if prov.is_official_domain(p.ascii_host) else None
    else:
        owner = domain_owner(p.ascii_host, reg)
    look = None
    if host != p.ascii_host:
        reasons.append(reason("LINK_PUNYCODE", host=host, ascii=p.ascii_host))
        scripts = scripts_of(host)
        if len(scripts) > 1:
            reasons.append(reason("LINK_MIXED_SCRIPTS", host=host, scripts=", ".join(s.title() for s in scripts)))
    if owner is None:
        look = lookalike_domain(p.ascii_host if host == p.ascii_host else host, domain or "", reg, prov)
        if look is not None:
            imitated, other, how = look
            reasons.append(reason("LINK_LOOKALIKE", host=host, official=imitated, how=f"domain:{how}",
                                  **name_params(other, "other")))
        elif prov is not None:
            reasons.append(reason("LINK_NOT_OFFICIAL", host=host, **name_params(prov)))
        else:
            reasons.append(reason("LINK_UNKNOWN", host=host))
        if (domain or p.ascii_host) in SHORTENERS or p.ascii_host in SHORTENERS:
            reasons.append(reason("LINK_SHORTENER", host=host))
    else:
        reasons.insert(0, reason("LINK_OFFICIAL", host=host, **name_params(owner)))
    if p.scheme == "http":
        reasons.append(reason("LINK_PLAIN_HTTP", host=host))
    found = {r.code for r in reasons}
    official = owner is not None and not found & {"LINK_USERINFO", "LINK_BACKSLASH", "LINK_MIXED_SCRIPTS"}
    if found & {"LINK_USERINFO", "LINK_BACKSLASH", "LINK_LOOKALIKE", "LINK_MIXED_SCRIPTS"}:
        risk = Risk.HIGH
    elif official and "LINK_PLAIN_HTTP" not in found:
        risk = Risk.LOW
    elif official or prov is not None or found & {"LINK_SHORTENER", "LINK_PLAIN_HTTP"}:
        risk = Risk.CAUTION
    else:
        risk = Risk.UNKNOWN
    return LinkCheck(
        link=text,
        verdict=Verdict.OFFICIAL if official else Verdict.UNOFFICIAL,
        risk=risk,
        reasons=tuple(reasons),
        host=host,
        domain=domain,
        provider=owner if owner is not None else (look[1] if look is not None and prov is None else prov),
        lookalike_of=look[0] if look is not None else None,
        email=p.email,
    )


_SENDER_NOISE = re.compile(r"[\s\-_.·]+")
#: longest sender kept: SMS sender IDs have at most 11 characters, short codes and numbers fewer than 20
_SENDER_MAX = 32


def _sender_key(sender: str, region: str | None) -> str:
    """A sender as compared: any width, any case, without spaces, hyphens, dots or underscores; a
    number by its national digits in ``region`` (``+263164`` and ``164`` in Zimbabwe are one
    sender, as are ``050-3199-1197`` and ``+81 50 3199 1197`` in Japan). A leading ``#`` stays:
    where senders are registered, it is what marks a registered one."""
    key = _SENDER_NOISE.sub("", unicodedata.normalize("NFKC", sender[: _SENDER_MAX * 4])).casefold()
    if key.lstrip("+").isdigit() and key.isascii() and (region is not None or key[0] == "+"):
        # read as check_number reads numbers; a short sender is no valid number, but its national
        # digits are still read (TOO_SHORT with a country code)
        home, _, nsn, cc, *_ = read_raw(key, region or "ZZ")
        if cc and (region is None or home == region):
            return f"tel:{nsn}"
    return key


@functools.lru_cache(maxsize=8)
def _senders(registry: Registry) -> dict[str, tuple[tuple[Provider, SmsSenderChannel], ...]]:
    """Every recorded sender ID of the registry, by its compared form (in its own region)."""
    found: dict[str, list[tuple[Provider, SmsSenderChannel]]] = {}
    for p in registry:
        for ch in p.channels:
            if isinstance(ch, SmsSenderChannel):
                found.setdefault(_sender_key(ch.sender, ch.region), []).append((p, ch))
    return {k: tuple(v) for k, v in found.items()}


def check_sender(sender: str, *, region: str | None = None, provider: str | Provider | None = None,
                 registry: Registry | None = None) -> SenderCheck:
    """Judge the sender a message shows: an SMS sender ID (``MPESA``), a short code or a number.

    Official when the data records it as a sender the provider's genuine messages come from (in
    ``region``, when given); with a ``provider`` claimed, unofficial when that provider's recorded
    senders there are others. A sender ID can be spoofed, so no answer says a message is genuine
    because of its sender. Never raises on any sender or region string.

    Raises:
        UnknownProviderError: ``provider`` is not known; AmbiguousProviderError: it names several
            providers and ``region`` does not settle which (both are ``LookupError``).

    >>> c = check_sender("MPESA", region="KE")
    >>> c.verdict.value, c.provider.id, c.codes
    ('official', 'm-pesa', ('SENDER_KNOWN', 'SENDER_SPOOFABLE'))
    >>> c = check_sender("+254 712 345678", region="KE", provider="m-pesa")
    >>> c.verdict.value, c.risk.value, [e.sender for e in c.expected]
    ('unofficial', 'high', ['MPESA'])
    """
    reg = _registry(registry)
    text = sender.strip() if isinstance(sender, str) else ""
    region = _region_code(region)
    prov = reg.get(provider, region) if isinstance(provider, str) else provider
    shown = text[:_SENDER_MAX]
    key = _sender_key(text, region if region is not None and is_region(region) else None)
    spoof = reason("SENDER_SPOOFABLE")
    if not key:
        return SenderCheck(sender=shown, verdict=Verdict.MALFORMED, risk=Risk.UNKNOWN,
                           reasons=(reason("SENDER_EMPTY"), spoof), provider=prov)
    hits = tuple((p, ch) for p, ch in _senders(reg).get(key, ()) if region is None or ch.region == region)
    if prov is not None:
        hits = tuple(h for h in hits if h[0].id == prov.id) or hits
    if hits and (prov is None or hits[0][0].id == prov.id):
        p, ch = hits[0]
        return SenderCheck(sender=shown, verdict=Verdict.OFFICIAL, risk=Risk.LOW, provider=p, channel=ch,
                           reasons=(reason("SENDER_KNOWN", sender=shown, region=ch.region, **name_params(p)), spoof))
    if prov is None:
        return SenderCheck(sender=shown, verdict=Verdict.UNOFFICIAL, risk=Risk.UNKNOWN,
                           reasons=(reason("SENDER_UNKNOWN", sender=shown), spoof))
    expected = tuple(ch for ch in prov.channels
                     if isinstance(ch, SmsSenderChannel) and (region is None or ch.region == region))
    reasons: list[Reason] = []
    if hits:  # another provider's sender ID
        reasons.append(reason("SENDER_OTHER_PROVIDER", sender=shown, **name_params(hits[0][0], "other"), **name_params(prov)))
    if expected:
        where = region or expected[0].region
        reasons.append(reason("SENDER_NOT_PROVIDERS", sender=shown, region=where,
                              expected=", ".join(c.sender for c in expected), **name_params(prov)))
        # the provider's own pages say where its messages come from: any other sender is a red flag
        confirmed = any(c.confidence is Confidence.OFFICIAL for c in expected)
        risk = Risk.HIGH if confirmed or hits else Risk.CAUTION
    else:
        reasons.append(reason("SENDER_NOT_RECORDED", sender=shown, **name_params(prov)))
        risk = Risk.HIGH if hits else Risk.UNKNOWN
    reasons.append(spoof)
    return SenderCheck(sender=shown, verdict=Verdict.UNOFFICIAL, risk=risk, reasons=tuple(reasons), provider=prov,
                       expected=expected)


@functools.lru_cache(maxsize=16384)
def _number(text: str, provider: Provider | None, region: str | None, registry: Registry) -> NumberCheck:
    return check_number(text, provider=provider, region=region, registry=registry)


def _known(check: NumberCheck) -> bool:
    """Whether the data knows the number read (a published, recorded or weakly sourced one)."""
    if check.channel is not None or check.provider is not None:
        return True
    return bool(
        set(check.codes)
        & {"KNOWN_FAKE", "UNVERIFIED", "OTHER_PROVIDER", "AUTHORITY_NUMBER", "AMBIGUOUS", "SHORT_NUMBER_ABROAD",
           "LETTERS_AS_DIGITS", "PROVIDER_MENU", "OTHER_PROVIDER_MENU"}
    )


_SEPARATED = re.compile(r"\d[\s\-.()\u00a0\u2010-\u2015\u2212]+\d")


def _is_number(piece: str, called: Callable[[], bool], region: str | None, registry: Registry) -> bool:
    """Whether a digit run is a number: valid in the region, known to the data (in the region or,
    for a short service number, anywhere), an imitation of an official number written as a number
    (``95188-7``), or a possible number offered as one to call (``call 07700 900461``)."""
    r = _number(piece, None, region, registry)
    if r.normalized is not None and r.normalized.startswith("+") and r.verdict is not Verdict.MALFORMED:
        # every digit written is part of the number read (no second number or extension glued on)
        written = (
            piece.translate(ONLY_DIGITS)
            if piece.isascii()
            else "".join(str(unicodedata.digit(c)) for c in piece if c.isdigit())
        )
        read = r.normalized[1:]
        return len(written) <= len(read) + 1 and written[-4:] == read[-4:]
    if _known(r):
        return True
    if _known_elsewhere(piece, region, registry) and _known(_number(piece, None, None, registry)):
        return True  # a service number of another region (95516 quoted in Hong Kong)
    separated = bool(_SEPARATED.search(piece)) or piece.lstrip().startswith("+")
    if separated and "LOOKALIKE" in r.codes:
        return True
    return separated and len(re.sub(r"\D", "", piece)) >= 6 and called() and _possible(piece, region)


def _known_elsewhere(piece: str, region: str | None, registry: Registry) -> bool:
    """Whether a piece read in ``region`` is worth reading without it too: written in national
    form, with digits that some region's data knows (else no region can make it a number of
    anyone's, and the reading is skipped)."""
    return (
        region is not None
        and not piece.lstrip().startswith("+")
        and bool(regions_knowing(scan(piece).digits, registry.phone_index()))
    )


def _region_code(region: object) -> str | None:
    """A region argument as the message checks compare it: stripped, in capitals; None for none."""
    return region.strip().upper() if isinstance(region, str) and region.strip() else None


def _possible(piece: str, region: str | None) -> bool:
    import phonenumbers

    try:
        n = phonenumbers.parse(piece, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(n)) or len(str(n.national_number)) >= 7


def _judge_number(piece: str, named: list[Provider], region: str | None, registry: Registry) -> NumberCheck:
    """The check of ``piece`` for the providers the text names: official for one of them if it is,
    else as a number of the first (strong claims first)."""
    anyone = _number(piece, None, region, registry)  # (asked already, by _is_number: remembered)
    if not named:
        return anyone
    # in a region, a number official for nobody is official for no named provider either; without
    # one, a provider's regions can settle digits that are no one region's official number alone
    if anyone.is_official or region is None:
        for p in named:
            r = _number(piece, p, region, registry)
            if r.is_official:
                return r
    first = _number(piece, named[0], region, registry)
    if _known_elsewhere(piece, region, registry):
        for p in named:  # a service number of the provider's home region quoted elsewhere (95188)
            r = _number(piece, p, None, registry)
            if r.is_official:
                return r
    return first


def _own_or_report_line(check: NumberCheck | LinkCheck) -> bool:
    """A contact that may stand in a genuine message of a named provider although it is not its
    official inbound line: a government report line or site, or the provider's own number used
    the other way (the line it calls from)."""
    if isinstance(check, NumberCheck):
        codes = set(check.codes)
        if "AUTHORITY_NUMBER" in codes or "WRONG_DIRECTION" in codes:
            return True
        ch = check.channel
        return isinstance(ch, PhoneChannel) and check.provider is not None and check.provider.kind is ProviderKind.AUTHORITY
    from ..load.policy import is_government_host

    host = check.host
    return bool(host) and check.provider is not None and (
        is_government_host(host, check.provider) or check.provider.kind is ProviderKind.AUTHORITY
    ) and not set(check.codes) & {"LINK_USERINFO", "LINK_BACKSLASH", "LINK_LOOKALIKE", "LINK_MIXED_SCRIPTS"}


def _links(text: str) -> Iterator[tuple[int, int, str]]:
    if "." not in text and "@" not in text and ":" not in text:
        return  # every link _LINK reads has one of them (a dot, an @, or the colon of http:)
    for m in _LINK.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in _TRAILING:
            e -= 1
        value = text[s:e]
        if "@" not in value and not value.lower().startswith(("http", "www.")):
            from ..urls import registrable_domain

            host = value.split("/")[0].lower()
            if registrable_domain(host) is None or host.replace(".", "").isdigit():
                continue  # "1.5", "v2.0": no registrable domain, not a link
        yield s, e, value


def check_text(text: str, *, region: str | None = None, provider: str | Provider | None = None,
               sender: str | None = None, registry: Registry | None = None) -> TextCheck:
    """Find and judge every number, dial code, link, e-mail address and provider name in ``text``.

    The text's risk: ``high`` when it speaks for a provider and gives any contact that is not that
    provider's official one, or asks to dial a code; ``low`` when every contact is official (the
    advice still reminds that genuine numbers are quoted in scams too); ``unknown`` when it names
    no provider and nothing known. ``sender``: the sender the message showed (an SMS sender ID,
    a short code, a number), judged with :func:`check_sender` against the provider the text speaks
    for: a sender that is not one of that provider's raises the risk; a genuine one never lowers
    it (sender IDs can be spoofed). Never raises on any string.
    """
    reg = _registry(registry)
    text = text if isinstance(text, str) else ""
    region = _region_code(region)
    prov = reg.get(provider, region) if isinstance(provider, str) else provider
    folded = fold_text(text, casefold=True)  # one folding for names and numbers
    names = find_names(text, reg, region, folded)
    links = [(s, e, value, parse_link(value).ascii_host) for s, e, value in _links(text)]
    # a name inside a link or an address is part of it, not a mention (alipay-refund.cn), unless
    # the link is on that provider's own domain (Coins.ph, MERCADOPAGO.COM.AR)
    names = [
        h for h in names
        if not any(h.span[0] < le and ls < h.span[1] and not h.provider.is_official_domain(host) for ls, le, _, host in links)
    ]
    named: list[Provider] = [prov] if prov is not None else []
    for h in sorted(names, key=lambda h: not h.strong):
        if h.provider not in named:
            named.append(h.provider)
    sc: SenderCheck | None = None
    if sender is not None:
        # judged against who the text speaks for; a sender ID of a provider the text does not
        # name is itself a claim to be that provider
        sc = check_sender(sender, region=region, provider=named[0] if named else None, registry=reg)
        if sc.is_official and sc.provider is not None and sc.provider not in named:
            named.append(sc.provider)
    findings = [Finding(kind="provider", span=h.span, text=h.text, provider=h.provider, strong=h.strong) for h in names]
    for s, e, value, host in links:
        lc = check_link(value, provider=_link_owner(host, named), registry=reg)
        findings.append(Finding(kind="email" if lc.email else "link", span=(s, e), text=value, check=lc))
    link_spans = [(s, e) for s, e, _, _ in links]
    for c in find_numbers(text, lambda piece, called: _is_number(piece, called, region, reg), folded):
        if any(c.span[0] < le and ls < c.span[1] for ls, le in link_spans):
            continue
        check = _judge_number(c.text, named, region, reg)
        findings.append(Finding(kind="dial-code" if c.dial else "number", span=c.span, text=c.text, check=check))
    findings.sort(key=lambda f: f.span)
    providers = tuple(dict.fromkeys(h.provider for h in names)) if prov is None else tuple(dict.fromkeys([prov, *(h.provider for h in names)]))
    if sc is not None and sc.is_official and sc.provider is not None and sc.provider not in providers:
        providers = (*providers, sc.provider)
    risk = _risk(findings, named)
    if sc is not None and sc.risk in (Risk.HIGH, Risk.CAUTION):
        risk = highest(risk, sc.risk)  # a sender that is not the provider's; a genuine one never lowers it
    first = named[0] if named else None
    official = local_first(inbound_numbers(first), region) if first is not None else ()
    rep_region = region or (first.regions[0] if first is not None and len(first.regions) == 1 else None)
    report_to = reg.reports(rep_region) if rep_region else ()
    report_online = reg.reports_online(rep_region) if rep_region else ()
    return TextCheck(text=text, region=region, risk=risk, providers=providers, findings=tuple(findings),
                     official_contacts=official, report_to=tuple(report_to), report_online=tuple(report_online),
                     sender=sc)


def _link_owner(host: str, named: list[Provider]) -> Provider | None:
    """The named provider whose domain the link (``host``, ASCII) is on, else the first named
    (None: none named)."""
    for p in named:
        if host and p.is_official_domain(host):
            return p
    return named[0] if named else None


def _risk(findings: list[Finding], named: list[Provider]) -> Risk:
    contacts = [f for f in findings if f.kind != "provider" and f.check is not None]
    levels: list[Risk] = []
    for f in contacts:
        check = f.check
        assert check is not None
        if _own_or_report_line(check):
            levels.append(Risk.LOW)  # a report line quoted in a warning, the provider's calling line
            continue
        level = check.risk
        if named and not check.is_official and level is not Risk.LOW:  # low and not official: the provider's own menu
            level = Risk.HIGH  # speaks for a provider, gives a contact that is not its own
        if f.kind == "dial-code" and level is not Risk.LOW:
            level = Risk.HIGH
        levels.append(level)
    if not levels:
        return Risk.UNKNOWN
    return highest(*levels)


def check_texts(texts: Iterable[str | tuple[str, str | None]], *, region: str | None = None,
                provider: str | Provider | None = None, registry: Registry | None = None) -> Iterator[TextCheck]:
    """:func:`check_text` over a stream, lazily, in constant memory (like ``check_many``). An item
    may be a ``(text, sender)`` pair: the message and the sender it showed."""
    reg = _registry(registry)
    for t in texts:
        if isinstance(t, tuple):
            body, shown = (t[0], t[1]) if len(t) == 2 else ("", None)
            yield check_text(body, region=region, provider=provider, sender=shown, registry=reg)
        else:
            yield check_text(t, region=region, provider=provider, registry=reg)
