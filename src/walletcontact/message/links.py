"""Links and e-mail addresses in messages, read the way browsers read them (the WHATWG URL
standard's host parser), and judged against the providers' official domains.

A browser ignores what stands before ``@`` (``https://alipay.com@evil.cn`` goes to ``evil.cn``),
reads a backslash as a slash, takes any number of slashes after ``https:``, maps full-width letters
and ideographic full stops (``。``) to ASCII, decodes percent-escapes in the host, and reads a host
whose last label is a number (``0x7f.1``, ``3232235777``) as an IPv4 address. :func:`parse_link`
does the same, so the host it gives is the host the link leads to.

>>> p = parse_link("https://alipay.com@evil.cn/refund")
>>> p.host, p.userinfo
('evil.cn', 'alipay.com')
>>> parse_link("https:\\\\\\\\ａｌｉｐａｙ。ｃｏｍ\\\\x").host
'alipay.com'
>>> parse_link("http://0x7f.1/").ip
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ..catalog import Registry
    from ..model import Provider

__all__ = ["ParsedLink", "domain_owner", "lookalike_domain", "parse_link", "skeleton"]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: Dots that IDNA (UTS #46) maps to a full stop: ideographic, full-width and half-width.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_NUMBER = re.compile(r"^(?:0[xX][0-9a-fA-F]*|[0-9]+)$")
_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")

#: Hosts of URL shorteners: where the link really goes is hidden.
SHORTENERS = frozenset(
    {
        "bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "t.cn", "url.cn",
        "dwz.cn", "s.id", "cutt.ly", "rebrand.ly", "shorturl.at", "rb.gy", "tiny.cc", "v.gd",
        "lnkd.in", "t.ly", "shorte.st", "adf.ly", "bitly.com", "tinyurl.is", "clck.ru", "u.nu",
    }
)


@attrs.frozen
class ParsedLink:
    """What a browser makes of a link: its scheme (None for a bare host), the host in Unicode and
    in ASCII (``xn--`` labels), what stood before ``@``, whether the host is an IP address, and
    whether the text needed a browser's repairs (backslashes)."""

    text: str
    scheme: str | None
    host: str  #: Unicode form, lower case, no final dot ("" when there is none)
    ascii_host: str  #: the form DNS sees ("" when the host cannot be encoded)
    userinfo: str | None = None
    port: str | None = None
    ip: bool = False
    backslash: bool = False
    email: bool = False


def _percent_decode(host: str) -> str:
    if "%" not in host:
        return host
    try:
        from urllib.parse import unquote

        return unquote(host, errors="strict")
    except UnicodeDecodeError:
        return host


def _to_ascii(label: str) -> str | None:
    if label.isascii():
        return label
    try:
        return "xn--" + label.encode("punycode").decode("ascii")
    except UnicodeError:
        return None


def _to_unicode(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return label
    return label


def parse_link(text: str) -> ParsedLink:
    """The parts of ``text`` (a URL, a bare host such as ``alipay-refund.cn/x``, or an e-mail
    address) as a browser or mail client reads them. Never raises."""
    s = text.strip() if isinstance(text, str) else ""
    backslash = "\\" in s
    m = _SCHEME.match(s)
    scheme: str | None = None
    rest = s
    if m is not None and m.group(1).lower() in ("http", "https"):
        scheme = m.group(1).lower()
        rest = s[m.end() :].replace("\\", "/").lstrip("/")
    elif m is not None and m.group(1).lower() == "mailto":
        rest = s[m.end() :]
    elif m is not None and not rest[m.end() :].lstrip("/").split("/")[0].isdigit():
        # another scheme (javascript:, tel:): not a web address; "host:port" has digits after ':'
        if "." not in m.group(1) and "@" not in s:
            return ParsedLink(text, m.group(1).lower(), "", "")
    else:
        rest = rest.replace("\\", "/") if scheme else rest
    end = len(rest)
    for stop in "/?#":
        i = rest.find(stop)
        if 0 <= i < end:
            end = i
    authority = rest[:end]
    email = scheme is None and "@" in authority and "/" not in s
    userinfo: str | None = None
    if "@" in authority:
        userinfo, _, authority = authority.rpartition("@")
        if email:
            userinfo = None
    port: str | None = None
    if authority.startswith("["):
        return ParsedLink(text, scheme, authority.lower(), authority.lower(), userinfo, None, True, backslash, email)
    if ":" in authority:
        authority, _, port = authority.rpartition(":")
    host = unicodedata.normalize("NFKC", _percent_decode(authority)).casefold().translate(_DOTS).rstrip(".")
    if not host or any(c.isspace() for c in host):
        return ParsedLink(text, scheme, "", "", userinfo, port or None, False, backslash, email)
    labels = host.split(".")
    if _NUMBER.match(labels[-1]):
        return ParsedLink(text, scheme, host, host, userinfo, port or None, True, backslash, email)
    ascii_labels = [_to_ascii(label) for label in labels]
    if any(a is None or not _LABEL.match(a) for a in ascii_labels):
        return ParsedLink(text, scheme, host, "", userinfo, port or None, False, backslash, email)
    unicode_host = ".".join(_to_unicode(a or "") for a in ascii_labels)
    return ParsedLink(text, scheme, unicode_host, ".".join(a or "" for a in ascii_labels), userinfo,
                      port or None, False, backslash, email)


# ---------------------------------------------------------------- look-alike domains

#: ASCII stand-ins used in look-alike names (``paypa1``, ``rn`` for ``m``).
_ASCII_LOOKS = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"), ("3", "e"), ("5", "s"), ("!", "i"))


def skeleton(text: str) -> str:
    """What ``text`` looks like, folded to ASCII letters where a character imitates one (Unicode's
    confusables, full-width forms, ``0`` for ``o``, ``rn`` for ``m``).

    >>> skeleton("pаypаl"), skeleton("PAYPA1"), skeleton("ａｌｉｐａｙ")
    ('paypal', 'paypal', 'alipay')
    """
    from ..data.confusables import SKELETON

    norm = unicodedata.normalize("NFKC", text).casefold()
    out = "".join(SKELETON.get(c, c) for c in norm)
    for a, b in _ASCII_LOOKS:
        out = out.replace(a, b)
    return out


def scripts_of(host: str) -> tuple[str, ...]:
    """The scripts of the letters in ``host`` (Latin, Cyrillic, Greek, Han...), in order met."""
    found: dict[str, None] = {}
    for c in host:
        if c.isalpha():
            name = unicodedata.name(c, "")
            found.setdefault(name.split(" ")[0] if name else "?", None)
    return tuple(found)


def _close(a: str, b: str) -> bool:
    """One edit apart: one letter changed, added or dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def _may_be_close(a: str, b: str) -> bool:
    """A cheap necessary condition of :func:`_close` (one edit keeps the first or the last letter)."""
    return abs(len(a) - len(b)) <= 1 and (a[0] == b[0] or a[-1] == b[-1])


class _Brands:
    """Every provider domain's brand label (``alipay`` of ``alipay.com``), as it looks
    (skeleton), grouped by length; and the official domains, to tell an official host at once."""

    def __init__(self, registry: Registry) -> None:
        from ..urls import registrable_domain

        self.by_len: dict[int, list[tuple[str, str, Provider]]] = {}
        self.official: dict[str, Provider] = {}
        for p in registry:
            for d in p.domains:
                self.official.setdefault(d, p)
                label = (registrable_domain(d) or d).split(".")[0]
                if len(label) >= 4:
                    look = skeleton(label)
                    self.by_len.setdefault(len(look), []).append((look, d, p))

    def owner(self, host: str) -> Provider | None:
        """The provider one of whose domains ``host`` is, or is under."""
        labels = host.split(".")
        for i in range(len(labels) - 1):
            found = self.official.get(".".join(labels[i:]))
            if found is not None:
                return found
        return None

    def near(self, word: str) -> list[tuple[str, str, Provider]]:
        """Brands as long as ``word``, or one letter longer or shorter."""
        return [b for k in (len(word) - 1, len(word), len(word) + 1) for b in self.by_len.get(k, ())]


@functools.lru_cache(maxsize=8)
def _brands(registry: Registry) -> _Brands:
    return _Brands(registry)


def domain_owner(ascii_host: str, registry: Registry) -> Provider | None:
    """The provider one of whose ``domains`` the host is, or is under (a dictionary lookup per
    label, not a scan of every provider)."""
    return _brands(registry).owner(ascii_host)


@functools.lru_cache(maxsize=4096)
def lookalike_domain(
    host: str, domain: str, registry: Registry, provider: Provider | None
) -> tuple[str, Provider, str] | None:
    """(the official domain imitated, its provider, how) when ``host`` (registrable domain
    ``domain``) imitates a provider's domain without being one; the claimed provider's first."""
    brands = _brands(registry)
    if not domain or brands.owner(host) is not None:
        return None
    label = _to_unicode(domain.split(".", maxsplit=1)[0])
    look = skeleton(label)
    words = [w for w in re.split(r"[.\-_]+", skeleton(host)) if w]
    found: list[tuple[int, str, Provider, str]] = []

    def add(official: str, p: Provider, how: str) -> None:
        found.append((0 if provider is not None and p.id == provider.id else 1, official, p, how))

    for brand, official, p in brands.by_len.get(len(look), ()):
        if look == brand:
            add(official, p, "homoglyph" if label != brand else "other-domain")
    for w in set(words):
        for brand, official, p in brands.by_len.get(len(w), ()):
            if w == brand and w != look:
                add(official, p, "inserted-words")
        for brand, official, p in brands.near(w):
            if len(brand) >= 5 and w != brand and _may_be_close(w, brand) and _close(w, brand) and (w == look or w in words[:-1]):
                add(official, p, "one-edit")
    if not found:
        return None
    found.sort(key=lambda t: t[0])
    _, official, p, how = found[0]
    return official, p, how
