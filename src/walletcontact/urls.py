"""URLs in data, read the way browsers read them (the WHATWG URL standard), so that a URL's host is
the host a browser goes to.

Data URLs (channels, sources) are held to a strict form in which a browser and a naive reader can
never disagree about the host: ``https://host/path?query#fragment`` (``http://`` for sources), an
ASCII host name (an internationalised one in its ``xn--`` form), no user name or password, no
port other than the scheme's default, no backslash (a browser reads it as a slash), no control,
space, invisible or direction character, and no IP-address host. :func:`url_problem` says what a
URL breaks; :func:`url_host` gives the host of a URL that breaks nothing.

>>> url_host("https://Help.Acme.example.com/faq?q=1")
'help.acme.example.com'
>>> url_problem("https://evil.example\\\\@acme.example.com/help")
'a backslash (browsers read it as a slash)'
>>> url_problem("https://acme.example.com@evil.example/")
'a user name or password before the host'
>>> url_problem("https://0x7f.1/"), url_problem("https://acme.example.com:8443/")
('an IP-address host', 'a port other than the default (8443)')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["registrable_domain", "url_host", "url_problem"]

_DEFAULT_PORTS = {"https": "443", "http": "80"}
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
#: WHATWG: a host whose last label is a number (decimal, 0x hex, or octal) is an IPv4 address
_NUMBER = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")


def _bad_character(url: str) -> str | None:
    for c in url:
        if c.isspace():
            return "a space or line break"
        cat = unicodedata.category(c)
        if cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            return f"a control, invisible or direction character (U+{ord(c):04X})"
    return None


def _split(url: str, schemes: tuple[str, ...]) -> tuple[str, str, str] | str:
    """(scheme, host, port) of ``url``, or what is wrong with it."""
    if not isinstance(url, str) or not url:
        return "not a URL"
    bad = _bad_character(url)
    if bad is not None:
        return bad
    if "\\" in url:
        return "a backslash (browsers read it as a slash)"
    scheme, sep, rest = url.partition("://")
    scheme = scheme.lower()
    if not sep or scheme not in schemes:
        return f"not an {' or '.join(schemes)} URL"
    end = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    authority = rest[:end]
    if "@" in authority:
        return "a user name or password before the host"
    host, _, port = authority.partition(":") if not authority.startswith("[") else (authority, "", "")
    return scheme, host, port


def url_problem(url: str, *, schemes: tuple[str, ...] = ("https",)) -> str | None:
    """What makes ``url`` unfit for data (None when nothing does)."""
    parts = _split(url, schemes)
    if isinstance(parts, str):
        return parts
    scheme, host, port = parts
    if port and port != _DEFAULT_PORTS[scheme]:
        return f"a port other than the default ({port})"
    if not host:
        return "no host"
    if host.startswith("["):
        return "an IP-address host"
    if not host.isascii():
        return "a host that is not ASCII (write an internationalised name in its xn-- form)"
    if "%" in host:
        return "a percent-encoded host"
    labels = host.lower().rstrip(".").split(".")
    if _NUMBER.match(labels[-1]):
        return "an IP-address host"
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return "a host that is not a domain name"
    return None


def url_host(url: str, *, schemes: tuple[str, ...] = ("https", "http")) -> str:
    """The host of ``url`` in lower case, without a final dot; ``""`` when :func:`url_problem`
    finds anything wrong with it."""
    if url_problem(url, schemes=schemes) is not None:
        return ""
    parts = _split(url, schemes)
    return parts[1].lower().rstrip(".") if not isinstance(parts, str) else ""


_PSL = None


def registrable_domain(host: str) -> str | None:
    """The registrable domain of ``host`` by the public suffix list (``alipay.com.evil.cn`` →
    ``evil.cn``), None when ``host`` is itself a public suffix (``com.cn``, ``github.io``)."""
    global _PSL
    if _PSL is None:
        from publicsuffixlist import PublicSuffixList

        _PSL = PublicSuffixList()
    found = _PSL.privatesuffix(host.lower().rstrip("."))
    return str(found) if found else None
