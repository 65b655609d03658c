"""Number verdicts: is this an official number of a provider, for calling out or for a call received?

The answer explains itself (coded reasons), names the official number a look-alike imitates, and
never raises for any number or region string. Caller ID can be spoofed, so no answer ever promises
that a caller is genuine.

One engine answers every question: :mod:`.evidence` gathers what the data says about the digits,
:mod:`.rules` gives one reason per code that applies, and :mod:`.result` builds the answer.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import MalformedNumberError, UnofficialNumberError, WalletContactError
from ..index import PhoneIndex
from ..kinds import choice
from ..model import Direction, Provider
from ..phone.reading import is_region, key_for
from ..registry import Registry, default_registry
from .evidence import gather
from .lookalike import lookalike_kind
from .result import NumberCheck, Reason, Risk, Verdict, build
from .rules import reasons

__all__ = [
    "NumberCheck",
    "Reason",
    "Risk",
    "Verdict",
    "check_caller",
    "check_many",
    "check_number",
    "is_official_number",
    "lookalike_kind",
    "providers_for_number",
    "validate_number",
]

#: Longest provider or region string kept in the answer memo's keys: a padded argument that
#: still resolves (``"CN" + " " * 10**6``) is answered, but never held on to.
_KEY_MAX = 64


def _question(provider: object, region: object, direction: object) -> tuple[Any, ...] | None:
    """The official-answer memo's key for a question, less the number (the key is ``(number,
    *question)``): the arguments as given, when they are strings (a Direction for the direction)
    short enough to keep; None when the memo is not used for the question."""
    if (
        type(direction) in (str, Direction)
        and (provider is None or (type(provider) is str and len(provider) <= _KEY_MAX))
        and (region is None or (type(region) is str and len(region) <= _KEY_MAX))
    ):
        return (provider, region, direction)
    return None


def _answer(
    number: object, prov: Provider | None, region: object, want: Direction, reg: Registry, idx: PhoneIndex, *, caller: bool
) -> NumberCheck:
    """Evidence, then reasons, then the answer."""
    ev = gather(number, prov, region, want, idx, caller)
    return build(ev, reasons(ev), reg)


def check_number(
    number: str,
    *,
    provider: str | Provider | None = None,
    region: str | None = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
) -> NumberCheck:
    """Check whether ``number`` is an official number (of ``provider``, or of anyone we know).

    ``direction="inbound"`` (the default) asks "may I call it?"; ``"outbound"`` asks "may a call
    from it be the provider?" (see :func:`check_caller`). Without ``region`` a national-form number
    is read in the provider's regions (or every region the data covers).

    >>> r = check_number("95189", provider="alipay", region="CN")
    >>> r.verdict, r.lookalike_of.number
    (<Verdict.UNOFFICIAL: 'unofficial'>, '95188')
    >>> check_number("95017", region="CN").provider.id
    'wechat-pay'
    >>> check_number("hello", region="CN").verdict.value
    'malformed'

    Raises:
        UnknownProviderError: ``provider`` is not known (the only error for bad input).
        AmbiguousProviderError: ``provider`` names several providers and ``region`` does not
            settle which (both are ``LookupError``).
        InvalidArgumentError: ``direction`` is not inbound, outbound or both (a ``ValueError``).
    """
    reg = registry if registry is not None else default_registry()
    idx = reg.phone_index()
    question = _question(provider, region, direction) if type(number) is str else None
    if question is not None:
        # an earlier official answer to the very same question: no reading at all
        found: NumberCheck | None = idx.memo.get((number, *question))
        if found is not None:
            return found
    want = direction if isinstance(direction, Direction) else choice(Direction, direction, "direction")
    prov = reg.get(provider, region if isinstance(region, str) else None) if provider is not None else None
    result = _answer(number, prov, region, want, reg, idx, caller=False)
    if question is not None and result.is_official:
        idx.remember((number, *question), result)
    return result


def check_caller(
    number: str,
    *,
    claimed_provider: str | Provider,
    region: str | None = None,
    registry: Registry | None = None,
) -> NumberCheck:
    """Someone phoned from ``number`` claiming to be ``claimed_provider``: what does the data say?

    Official only when the number is a published *outbound* number of that provider. Caller ID can
    be spoofed, so even then the advice is to hang up and call an official number yourself; the
    reasons always include ``SPOOFABLE``, and the provider's caller policies and the region's
    fraud-report lines come with the answer.

    >>> r = check_caller("+86 138 0013 8000", claimed_provider="alipay")
    >>> r.is_official, "SPOOFABLE" in r.codes
    (False, True)

    Raises:
        UnknownProviderError: ``claimed_provider`` is not known.
    """
    reg = registry if registry is not None else default_registry()
    prov = reg.get(claimed_provider, region if isinstance(region, str) else None)
    return _answer(number, prov, region, Direction.OUTBOUND, reg, reg.phone_index(), caller=True)


def validate_number(
    number: str,
    *,
    provider: str | Provider | None = None,
    region: str | None = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
) -> NumberCheck:
    """Return the check of an official number; raise for anything else.

    >>> validate_number("95017", provider="wechat-pay", region="CN").channel.number
    '95017'

    Raises:
        MalformedNumberError: not a number for the region, or an unknown region.
        UnofficialNumberError: a real number, but not an official one of the provider.
        UnknownProviderError: ``provider`` is not known.
    """
    result = check_number(number, provider=provider, region=region, direction=direction, registry=registry)
    if result.verdict is Verdict.MALFORMED:
        raise MalformedNumberError(result)
    if result.verdict is Verdict.UNOFFICIAL:
        raise UnofficialNumberError(result)
    return result


def is_official_number(
    number: object,
    *,
    provider: str | Provider | None = None,
    region: object = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
) -> bool:
    """``True`` only for an official number; never raises (an unknown provider gives ``False``).

    >>> is_official_number("95188", provider="alipay", region="CN")
    True
    >>> is_official_number("95189", provider="alipay", region="CN")
    False
    """
    try:
        return check_number(
            number,  # type: ignore[arg-type]
            provider=provider,
            region=region,  # type: ignore[arg-type]
            direction=direction,
            registry=registry,
        ).is_official
    except (WalletContactError, ValueError, TypeError):
        return False


def providers_for_number(
    number: str, *, region: str | None = None, registry: Registry | None = None
) -> tuple[Provider, ...]:
    """Every provider for which ``number`` is an official number (either direction).

    Without ``region``, a number in national form is read in every region the data has numbers
    for, so digits such as ``100`` list their owners in each region.

    >>> [p.id for p in providers_for_number("95017", region="CN")]
    ['wechat-pay']
    """
    reg = registry if registry is not None else default_registry()
    idx = reg.phone_index()
    results = [check_number(number, region=region, direction=Direction.BOTH, registry=reg)]
    if region is None and isinstance(number, str) and not results[0].is_official:
        # a national-form number without a region is official nowhere in particular: list the
        # owners it has in each region the data covers
        results += [check_number(number, region=r, direction=Direction.BOTH, registry=reg) for r in idx.regions if is_region(r)]
    out: dict[str, Provider] = {}
    for result in results:
        if not result.is_official or result.normalized is None:
            continue
        keys = [result.normalized]
        if result.channel is not None:
            ch = result.channel
            k = key_for(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
            if k:
                keys.append(k)
        for k in keys:
            for e in idx.by_key.get(k, ()):
                out.setdefault(e.provider.id, e.provider)
    return tuple(out.values())


def check_many(
    numbers: Iterable[str],
    *,
    provider: str | Provider | None = None,
    region: str | None = None,
    direction: str | Direction = "inbound",
    registry: Registry | None = None,
    cache_size: int = 4096,
) -> Iterator[NumberCheck]:
    """Check a stream of numbers lazily, in constant memory, caching repeated strings (at most
    ``cache_size`` answers, a few MiB by default; official answers are also kept in the
    registry's bounded memo, as :func:`check_number` keeps them).

    >>> [r.verdict.value for r in check_many(["95188", "95189", "95188"], region="CN")]
    ['official', 'unofficial', 'official']

    Raises:
        UnknownProviderError: ``provider`` is not known (before the first result).
    """
    reg = registry if registry is not None else default_registry()
    prov = reg.get(provider, region if isinstance(region, str) else None) if provider is not None else None
    want = direction if isinstance(direction, Direction) else choice(Direction, direction, "direction")
    idx = reg.phone_index()

    memo = idx.memo
    # official answers also live in the registry's memo, under check_number's keys: the few
    # official numbers of a long stream stay answered however many other strings pass the cache
    question = _question(provider, region, direction)

    @functools.lru_cache(maxsize=cache_size)
    def one(text: str) -> NumberCheck:
        if question is not None:
            found: NumberCheck | None = memo.get((text, *question))
            if found is not None:
                return found
        ev = gather(text, prov, region, want, idx, False)
        result = build(ev, reasons(ev), reg)
        if question is not None and result.verdict is Verdict.OFFICIAL:
            idx.remember((text, *question), result)
        return result

    def gen() -> Iterator[NumberCheck]:
        for n in numbers:
            yield one(n) if type(n) is str else _answer(n, prov, region, want, reg, idx, caller=False)

    return gen()
