"""attrs validators for users' own classes.

>>> import attrs
>>> from walletcontact.validators import official_number
>>> @attrs.define
... class Hotline:
...     number: str = attrs.field(validator=official_number(provider="alipay", region="CN"))
>>> Hotline("95188").number
'95188'
>>> Hotline("95189")
Traceback (most recent call last):
...
walletcontact.errors.UnofficialNumberError: '95189': ...
"""

from __future__ import annotations

from typing import Any

import attrs

from .registry import Registry

__all__ = ["official_number"]


@attrs.frozen(repr=False)
class _OfficialNumber:
    provider: str | None
    region: str | None
    direction: str
    registry: Registry | None

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        from .check import validate_number

        if not isinstance(value, str):
            raise TypeError(f"{attr.name} must be a string, got {type(value).__name__}")
        validate_number(
            value,
            provider=self.provider,
            region=self.region,
            direction=self.direction,
            registry=self.registry,
        )

    def __repr__(self) -> str:
        return f"<official_number validator provider={self.provider!r} region={self.region!r}>"


def official_number(
    provider: str | None = None,
    region: str | None = None,
    *,
    direction: str = "inbound",
    registry: Registry | None = None,
) -> _OfficialNumber:
    """An attrs validator: the value must be an official number (of ``provider``, in ``region``).

    Raises (when the validator runs) :class:`~walletcontact.MalformedNumberError` or
    :class:`~walletcontact.UnofficialNumberError`, both ``ValueError``.
    """
    return _OfficialNumber(provider, region, direction, registry)
