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
from types import MemberDescriptorType
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
FORMAT = 3


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
    if header.get("layout") != layout():
        return None  # the installed attrs lays the model's slots out differently: read the JSON
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


def slots(cls: type) -> tuple[str, ...]:
    """Every slot an instance of the slotted class ``cls`` fills, base classes' first."""
    out: dict[str, None] = {}
    for klass in reversed(cls.__mro__):
        for name in klass.__dict__.get("__slots__", ()):
            if name != "__weakref__":
                out.setdefault(name, None)
    return tuple(out)


def layout() -> str:
    """The model classes' slots, as the prebuilt module fills them (its header records the layout
    it was written for: another attrs release could add or rename a slot)."""
    import attrs

    from .. import model

    return ";".join(
        f"{name}:{','.join(slots(cls))}"
        for name, cls in sorted(vars(model).items())
        if isinstance(cls, type) and cls.__module__ == model.__name__ and attrs.has(cls)
    )


def dumps(registry: Registry) -> bytes:
    """``registry``, pickled, equal values shared, model objects filled slot by slot (see
    :class:`_ModelPickler`)."""
    buf = io.BytesIO()
    _model_pickler()(buf).dump(_shared(registry._state()))
    return buf.getvalue()


def _model_pickler() -> Any:
    """The pickler class (made on use: ``pickle.py`` is imported only when a wheel is built)."""
    import pickle

    import attrs

    base: Any = pickle._Pickler  # the pure-Python pickler (its save() can be extended); typeshed lists little of it

    class ModelPickler(base):  # type: ignore[misc]
        """Writes each model object as "a new instance, then each slot set by the slot's own
        descriptor" (``Source.url.__set__(obj, value)``): the C unpickler then makes the object
        without running any Python code, where attrs' ``__setstate__`` is a Python call per
        object. About 5,000 objects: 4-5 ms of the first load. Written by the pure-Python
        pickler, once, when a wheel is built."""

        def __init__(self, file: io.BytesIO) -> None:
            super().__init__(file, protocol=4)
            self._setters: dict[tuple[type, str], Any] = {}

        def save_global(self, obj: Any, name: str | None = None) -> None:
            if obj is _date_class():  # the C module's own name for it: reading needs no datetime.py
                self.save("_datetime")
                self.save("date")
                self.write(pickle.STACK_GLOBAL)
                self.memoize(obj)
                return
            super().save_global(obj, name)

        def save(self, obj: Any, save_persistent_id: bool = True) -> None:
            t = type(obj)
            if not attrs.has(t):
                super().save(obj, save_persistent_id)
                return
            seen = self.memo.get(id(obj))
            if seen is not None:
                self.write(self.get(seen[0]))
                return
            self.save(t)
            self.write(pickle.EMPTY_TUPLE + pickle.NEWOBJ)
            self.memoize(obj)
            at = self.memo[id(obj)][0]
            for name in slots(t):
                setter = self._setters.get((t, name))
                if setter is None:
                    setter = self._setters[(t, name)] = getattr(t, name).__set__
                known = self.memo.get(id(setter))
                if known is None:
                    self.save(t.__module__)
                    self.save(f"{t.__qualname__}.{name}.__set__")
                    self.write(pickle.STACK_GLOBAL)
                    self.memoize(setter)
                else:
                    self.write(self.get(known[0]))
                self.write(self.get(at))
                self.save(getattr(obj, name, None))  # attrs' hash cache slot starts empty (None)
                self.write(pickle.TUPLE2 + pickle.REDUCE + pickle.POP)

    return ModelPickler


def render(registry: Registry) -> str:
    """The source of the prebuilt module for ``registry``."""
    header = {
        "format": FORMAT,
        "walletcontact": __version__,
        "layout": layout(),
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


def _date_class() -> type:
    """``datetime.date``, from the C module when there is one (importing ``datetime.py`` too costs
    about 1 ms of the first load on CPython 3.11; the class is the same object)."""
    import importlib

    try:
        found: type = importlib.import_module("_datetime").date
    except ImportError:  # pragma: no cover - an implementation without it
        import datetime

        found = datetime.date
    return found


#: the modules whose own classes a snapshot may name (besides ``datetime.date``)
_ALLOWED = {"walletcontact.model", "walletcontact.kinds"}


class _Unpickler(_CUnpickler):
    """Refuses any global but the classes (and enums) the model and the index define, ``date``,
    and the slot setters of the model's classes (``Source.url.__set__``).

    The module is the package's own, but a file that names anything else (``os.system``, a
    function, a module the model imports, a dotted path walking from one of them) is damaged or
    tampered with, and is refused before anything in it runs.
    """

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in (("datetime", "date"), ("_datetime", "date")):
            return _date_class()
        if module in _ALLOWED:
            owner, _, rest = name.partition(".")
            if owner.isidentifier() and not owner.startswith("_"):
                found = super().find_class(module, owner)
                if isinstance(found, type) and found.__module__ == module:
                    if not rest:
                        return found
                    slot, _, method = rest.partition(".")
                    desc = getattr(found, slot, None) if method == "__set__" and slot in slots(found) else None
                    if isinstance(desc, MemberDescriptorType):
                        return desc.__set__  # sets that one slot of an instance of the class, nothing else
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
