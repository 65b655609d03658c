"""The prebuilt registry: the built-in data, ready made, so that the first query is quick.

Reading the 130-odd JSON files and structuring them through the converter takes tens of
milliseconds, most of it cattrs generating and compiling its structuring functions. A wheel
therefore also carries a generated module, ``walletcontact/_prebuilt.py``, written when the wheel
is built (``hatch_build.py`` runs :func:`write`) from exactly the JSON files in that wheel: the
registry the converter made from them, with its name, region and report indexes, pickled. Loading
it needs neither cattrs, nor the JSON, nor importlib-resources (which alone costs about 10 ms to
import): it is an ordinary module, read by the import system like any other, from a directory or
a zip. It holds nothing that depends on the installed phonenumbers: the number index is built on
first use from the version-free table :mod:`walletcontact.data.keys`, in about a millisecond.

The JSON stays the one source of truth. The prebuilt registry is used only when it was made by
this version of walletcontact. When it is missing (a source checkout, an editable install), stale
or unreadable, the JSON is read instead: a broken prebuilt module costs time, never correctness.

Unpickling can run code named in what it reads, so only this package's own generated module is
ever read this way; user data always goes through the converter.
"""

from __future__ import annotations

import io
import sys
from typing import Any

try:  # the C unpickler itself: what pickle.Unpickler is on CPython, without importing pickle.py
    from _pickle import Unpickler as _CUnpickler
    from _pickle import UnpicklingError
except ImportError:  # pragma: no cover - an implementation without the accelerator
    from pickle import Unpickler as _CUnpickler
    from pickle import UnpicklingError

from .._version import __version__
from ..catalog import Registry

#: the generated module's name
MODULE = "walletcontact._prebuilt"
#: bumped whenever what the module holds changes shape
FORMAT = 2


def _prebuilt() -> Any:
    """The generated module, or None when this installation has none (or a damaged one)."""
    import importlib

    try:
        mod = importlib.import_module(MODULE)
        header = mod.HEADER
    except Exception:  # not there (a source checkout, an editable install) or damaged
        return None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("walletcontact") != __version__:
        return None
    return mod


def load_packaged() -> Registry | None:
    """The prebuilt registry, or None (no prebuilt module, or not usable here)."""
    mod = _prebuilt()
    if mod is None:
        return None
    return loads(mod.REGISTRY)


def loads(raw: bytes) -> Registry | None:
    """The registry pickled by :func:`dumps`; None when ``raw`` is not one."""
    try:
        state = _Unpickler(io.BytesIO(raw)).load()
        return Registry._from_state(state)
    except Exception:  # damaged: the JSON is read instead
        return None


def dumps(registry: Registry) -> bytes:
    """``registry``, pickled, equal values shared."""
    import pickle

    # attrs instances pickle the way attrs documents (a dict of their fields), so any attrs
    # version since 22.2 reads them back
    return pickle.dumps(_shared(registry._state()), protocol=4)


def render(registry: Registry) -> str:
    """The source of the prebuilt module for ``registry``."""
    header = {
        "format": FORMAT,
        "walletcontact": __version__,
        "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
    }
    return (
        '"""Generated when this wheel was built, by walletcontact.load.prebuilt; do not edit."""\n\n'
        f"HEADER = {header!r}\n"
        f"REGISTRY = {dumps(registry)!r}\n"
    )


def write(target: str) -> None:
    """Write the prebuilt module of the packaged JSON data to ``target`` (when building a wheel)."""
    from .builtin import load_builtin

    with open(target, "w", encoding="utf-8") as fh:
        fh.write(render(load_builtin()))


#: the modules whose own classes a snapshot may name (besides ``datetime.date``)
_ALLOWED = {"walletcontact.model", "walletcontact.kinds"}


class _Unpickler(_CUnpickler):
    """Refuses any global but the classes (and enums) the model and the index define, and ``date``.

    The module is the package's own, but a file that names anything else (``os.system``, a
    function, a module the model imports, a dotted path walking from one of them) is damaged or
    tampered with, and is refused before anything in it runs.
    """

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("datetime", "date"):
            return super().find_class(module, name)
        if module in _ALLOWED and name.isidentifier() and not name.startswith("_"):
            found = super().find_class(module, name)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise UnpicklingError(f"a snapshot may not name {module}.{name}")


def _shared(obj: Any) -> Any:
    """A copy of ``obj`` in which equal strings, dates and sources are one object.

    The data repeats the same few dates, URLs and sources many times; sharing them makes the
    prebuilt registry smaller and quicker to read. Everything else keeps its identity (a provider
    in the number index is the very provider in the registry).
    """
    import datetime

    import attrs

    from ..model import Source

    memo: dict[int, Any] = {}
    equal: dict[Any, Any] = {}
    shareable = (str, datetime.date, Source)

    def walk(o: Any) -> Any:
        done = memo.get(id(o))
        if done is not None:
            return done
        t = type(o)
        new: Any
        if t is tuple:
            new = tuple(walk(x) for x in o)
        elif t is dict:
            new = {walk(k): walk(v) for k, v in o.items()}
        elif t is frozenset:
            new = frozenset(walk(x) for x in o)
        elif t is list:
            new = [walk(x) for x in o]
        elif attrs.has(t):
            state = {k: walk(v) for k, v in o.__getstate__().items()}
            new = t.__new__(t)
            new.__setstate__(state)
        else:
            new = o
        if t in shareable:
            new = equal.setdefault(new, new)
        memo[id(o)] = new
        return new

    return walk(obj)  # ``obj`` keeps every original alive meanwhile, so no id() is reused
