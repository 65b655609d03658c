"""The built-in data, loaded once (thread-safely) on first use: the wheel's prebuilt registry when
it has a usable one, otherwise the packaged JSON through the converter."""

from __future__ import annotations

from .._once import Once
from ..catalog import Registry

#: how many times the built-in data was read (the tests check it is once)
loads = 0


def _load() -> Registry:
    global loads
    from .prebuilt import load_packaged

    loads += 1
    reg = load_packaged()  # a wheel's ready-made registry, when it has a usable one
    if reg is None:
        from .builtin import load_builtin

        reg = load_builtin()
    return reg


_builtin: Once[Registry] = Once(_load)


def builtin_registry() -> Registry:
    """The built-in data, whatever the default registry is."""
    return _builtin.get()
