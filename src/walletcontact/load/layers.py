"""Reading provider data: the packaged files (through Traversables only), custom files, mappings,
provider objects and plugin packages, layered into a new :class:`~walletcontact.registry.Registry`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Union

import attrs

from ..catalog import BUILTIN, LOADER, Registry
from ..errors import DataError
from ..model import PhoneChannel, Provider
from .documents import (
    check_shape,
    key_list,
    parse_text,
    provider_dicts,
    structure_field,
    structure_provider,
)
from .packaged import builtin_registry
from .policy import cross_check, validate_provider

#: Entry-point group under which plugin packages advertise provider data.
ENTRY_POINT_GROUP = "walletcontact.providers"
#: Most files read from one directory source, and how deep its directories may nest.
MAX_FILES = 10_000
MAX_DEPTH = 16

Source = Union[str, "os.PathLike[str]", Mapping[str, Any], Provider, Registry, Any]


from .builtin import load_builtin  # noqa: E402,F401 - re-exported for scripts

# ---------------------------------------------------------------- custom layers


@attrs.frozen
class _Record:
    provider: Provider
    origin: str
    path: str
    #: (channel index, origin) of channels another layer added (a registry used as a source)
    added: tuple[tuple[int, str], ...] = ()


@attrs.frozen
class _Extension:
    id: str
    origin: str
    path: str
    raw: Mapping[str, Any]


_EXTENSION_KEYS = ("channels", "caller_policies", "known_fakes", "unverified", "procedures")


#: The document key with which a layer says it means to publish numbers the built-in data records
#: as fakes (otherwise refused; ``walletcontact lint`` reports them either way).
ACCEPT_FAKES = "accept_recorded_fakes"


def _read_document(
    data: Any, origin: str, accepting: set[str] | None = None
) -> tuple[list[_Record], list[_Extension], list[str]]:
    """Records, extensions and problems of one document; ``accepting`` collects the origins of
    documents that say ``"accept_recorded_fakes": true``."""
    records: list[_Record] = []
    extensions: list[_Extension] = []
    problems: list[str] = []
    if isinstance(data, Mapping) and ACCEPT_FAKES in data:
        flag = data[ACCEPT_FAKES]
        data = {k: v for k, v in data.items() if k != ACCEPT_FAKES}
        if not isinstance(flag, bool):
            problems.append(f"{origin}: $.{ACCEPT_FAKES}: expected true or false")
        elif flag and accepting is not None:
            accepting.add(origin)
        if set(data) <= {"schema"}:
            data = {**data, "providers": []}
    if isinstance(data, Mapping) and "extensions" in data:
        items = data["extensions"]
        data = {k: v for k, v in data.items() if k != "extensions"}
        if not isinstance(items, list):
            problems.append(f"{origin}: $.extensions: expected a list")
            items = []
        for i, ext in enumerate(items):
            p = f"$.extensions[{i}]"
            if not isinstance(ext, Mapping) or not isinstance(ext.get("id"), str):
                problems.append(f"{origin}: {p}: an extension is an object with an 'id'")
                continue
            extra = sorted(set(ext) - {"id", *_EXTENSION_KEYS})
            if extra:
                problems.append(f"{origin}: {p}: unknown key(s): {key_list(extra)}")
                continue
            extensions.append(_Extension(ext["id"], origin, p, ext))
        if set(data) <= {"schema"}:
            data = {**data, "providers": []}
    for path, raw in provider_dicts(data, origin):
        prov, errs = structure_provider(raw, origin, path)
        problems.extend(errs)
        if prov is not None:
            records.append(_Record(prov, origin, path))
    return records, extensions, problems


def _read_tree(
    top: Any, origin: str, accepting: set[str] | None = None
) -> tuple[list[_Record], list[_Extension], list[str]]:
    """A data file, or every ``.json``/``.toml`` file under a directory, depth first in name
    order; ``top`` is a ``Path`` or any importlib-resources Traversable (a zip, a package)."""
    files: list[tuple[Any, str]] = []

    def collect(entry: Any, where: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise DataError(f"{where}: $: directories nested more than {MAX_DEPTH} deep")
        for child in sorted(entry.iterdir(), key=lambda e: e.name):
            child_origin = f"{where}/{child.name}"
            if child.is_dir():
                collect(child, child_origin, depth + 1)
            elif child.name.lower().endswith((".json", ".toml")):
                files.append((child, child_origin))
                if len(files) > MAX_FILES:
                    raise DataError(f"{origin}: $: more than {MAX_FILES} files")

    if top.is_dir():
        collect(top, origin, 0)
    else:
        files.append((top, origin))
    recs: list[_Record] = []
    exts: list[_Extension] = []
    probs: list[str] = []
    for entry, where in files:
        kind = _not_a_regular_file(entry)
        if kind is not None:  # a FIFO would block the read for ever; a device may never end
            probs.append(f"{where}: $: not a regular file ({kind}); only regular files are read")
            continue
        fmt = "toml" if entry.name.lower().endswith(".toml") else "json"
        r, e, p = _read_document(parse_text(_read_limited(entry, where), where, fmt=fmt), where, accepting)
        recs += r
        exts += e
        probs += p
    return recs, exts, probs


def _not_a_regular_file(entry: Any) -> str | None:
    """What ``entry`` is when it is not a regular file (a symbolic link is followed), else None.
    A Traversable that is no path (in a zip) is a regular file when it says it is a file."""
    if isinstance(entry, Path):
        try:
            mode = entry.stat().st_mode
        except OSError as exc:
            return f"cannot be read: {exc.strerror or exc}"
        if stat.S_ISREG(mode):
            return None
        for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                           (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")):
            if test(mode):
                return name
        return "not a regular file"
    try:
        return None if entry.is_file() else "not a regular file"
    except OSError as exc:  # pragma: no cover - a Traversable that cannot say
        return f"cannot be read: {exc}"


def _read_limited(entry: Any, origin: str) -> bytes:
    """Read a file, never more than the size limit (plus one byte to notice). A path is opened
    without blocking and checked to be a regular file on the open descriptor, so a file swapped
    for a FIFO after it was listed cannot hang the read either."""
    from .documents import MAX_DOCUMENT_BYTES

    try:
        if isinstance(entry, Path):
            fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "rb") as f:
                st = os.fstat(f.fileno())
                if not stat.S_ISREG(st.st_mode):
                    raise DataError(f"{origin}: $: not a regular file; only regular files are read")
                if st.st_size > MAX_DOCUMENT_BYTES:  # not even a part
                    raise DataError(
                        f"{origin}: $: document is too large ({st.st_size} bytes; the limit is {MAX_DOCUMENT_BYTES})"
                    )
                raw: bytes = f.read(MAX_DOCUMENT_BYTES + 1)
        else:
            with entry.open("rb") as f:
                raw = f.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise DataError(f"{origin}: $: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DataError(f"{origin}: $: document is too large (more than {MAX_DOCUMENT_BYTES} bytes)")
    return raw


def _read_source(
    src: Source, origin: str | None = None, accepting: set[str] | None = None
) -> tuple[list[_Record], list[_Extension], list[str]]:
    """Records and extensions of one source; ``origin`` (a plugin's name) replaces the default
    name of a mapping, a path or a Traversable."""
    if isinstance(src, Provider):
        return [_Record(src, "<python>", "$")], [], []
    if isinstance(src, Registry):
        return [_Record(p, src.origin(p.id), "$", _added_channels(src, p)) for p in src], [], []
    if isinstance(src, Mapping):
        where = origin or "<mapping>"
        check_shape(src, where)
        return _read_document(src, where, accepting)
    if isinstance(src, (str, os.PathLike)):
        path = Path(src)
        if not path.exists():
            raise DataError(f"{path}: $: no such file or directory")
        return _read_tree(path, origin or _not_builtin(str(path)), accepting)
    if hasattr(src, "iterdir") and hasattr(src, "read_bytes"):
        return _read_tree(src, origin or _not_builtin(str(getattr(src, "name", "<traversable>"))), accepting)
    if isinstance(src, Iterable):
        recs2: list[_Record] = []
        for item in src:
            if not isinstance(item, Provider):
                raise TypeError(f"not a provider data source: {type(item).__name__}")
            recs2.append(_Record(item, "<python>", "$"))
        return recs2, [], []
    raise TypeError(f"not a provider data source: {type(src).__name__}")


def _not_builtin(origin: str) -> str:
    """A file or folder named ``builtin`` is ``./builtin``: only the loader marks data as built in."""
    return f"./{origin}" if origin == BUILTIN else origin


def _added_channels(reg: Registry, p: Provider) -> tuple[tuple[int, str], ...]:
    """The channels of ``p`` that ``reg`` says came from another origin than the record."""
    own = reg.origin(p.id)
    found = ((i, reg.origin(p.id, i)) for i in range(len(p.channels)))
    return tuple((i, origin) for i, origin in found if origin != own)


def plugin_sources(names: bool | Sequence[str]) -> list[tuple[str, Any]]:
    """``(origin, data)`` for the installed plugins asked for (all when ``names`` is True)."""
    from importlib.metadata import entry_points

    eps = list(entry_points(group=ENTRY_POINT_GROUP))
    if names is True:
        chosen = eps
    else:
        wanted = list(names) if not isinstance(names, bool) else []
        by_name = {ep.name: ep for ep in eps}
        missing = [n for n in wanted if n not in by_name]
        if missing:
            raise DataError(
                [f"plugin:{n}: $: no installed plugin of that name in {ENTRY_POINT_GROUP!r}" for n in missing]
            )
        chosen = [by_name[n] for n in wanted]
    out: list[tuple[str, Any]] = []
    for ep in sorted(chosen, key=lambda e: e.name):
        try:
            obj = ep.load()
            data = obj() if callable(obj) else obj
        except Exception as exc:  # a broken plugin is a data problem, reported with its name
            raise DataError(f"plugin:{ep.name}: $: could not be loaded: {exc}") from exc
        out.append((f"plugin:{ep.name}", data))
    return out


def load_registry(
    *sources: Source,
    builtin: bool = True,
    replace: bool = False,
    extend: bool = False,
    plugins: bool | Sequence[str] = False,
    _accepted: list[str] | None = None,
) -> Registry:
    """A new registry: the built-in data (unless ``builtin=False``), then plugins if asked for,
    then each source in order.

    A source is a path to a JSON or TOML file, a directory of them (read recursively, in name
    order), a mapping (a document), a :class:`~walletcontact.Provider`, or a
    :class:`~walletcontact.Registry`.

    * A new id adds a provider. An id a lower layer already has raises :class:`DataError` unless
      ``replace=True`` (the record is then replaced whole).
    * A document's ``"extensions"`` list adds channels, caller policies, known fakes, unverified
      numbers or procedures to an existing provider; it is honoured only with ``extend=True``.
    * Plugins (entry-point group ``walletcontact.providers``) load only when asked:
      ``plugins=True`` for all, or a list of names.
    * A number the built-in data records as a fake is refused as another layer's channel unless
      that layer's document says ``"accept_recorded_fakes": true``.

    Every record and every added channel remembers its origin (:meth:`Registry.origin`,
    :attr:`NumberCheck.origin`). Nothing is half-loaded: any problem raises :class:`DataError`
    listing every problem with its file and JSON path, and no registry is returned.

    Raises:
        DataError: bad data, clashes between layers, or an unknown plugin.
        TypeError: a source of an unsupported type.
    """
    layers: list[tuple[list[_Record], list[_Extension]]] = []
    problems: list[str] = []
    accepting: set[str] = set()
    base: Registry | None = builtin_registry() if builtin else None
    if plugins:
        for origin, data in plugin_sources(plugins):
            recs, exts, probs = _read_source(data, origin, accepting)
            layers.append((recs, exts))
            problems += probs
    for src in sources:
        recs, exts, probs = _read_source(src, None, accepting)
        layers.append((recs, exts))
        problems += probs

    merged: dict[str, _Record] = {}
    channel_origins: dict[tuple[str, int], str] = {}
    #: per provider, the items extensions added: path in the record → (origin, path) written at
    moved: dict[str, dict[str, tuple[str, str]]] = {}
    if base is not None:
        for p in base:
            merged[p.id] = _Record(p, base.origin(p.id), "$", _added_channels(base, p))
            channel_origins.update({(p.id, i): origin for i, origin in merged[p.id].added})
    for recs, exts in layers:
        in_layer: dict[str, _Record] = {}
        for rec in recs:
            pid = rec.provider.id
            if pid in in_layer:
                problems.append(
                    f"{rec.origin}: {rec.path}.id: duplicate provider id {pid!r} "
                    f"(also at {in_layer[pid].origin}: {in_layer[pid].path})"
                )
                continue
            in_layer[pid] = rec
            if pid in merged and not replace:
                problems.append(
                    f"{rec.origin}: {rec.path}.id: provider {pid!r} already exists "
                    f"(from {merged[pid].origin}); pass replace=True to replace it whole"
                )
                continue
            merged[pid] = rec
            channel_origins = {k: v for k, v in channel_origins.items() if k[0] != pid}
            channel_origins.update({(pid, i): origin for i, origin in rec.added})
            moved.pop(pid, None)
        for ext in exts:
            if not extend:
                problems.append(
                    f"{ext.origin}: {ext.path}: extensions of existing providers need extend=True"
                )
                continue
            target = merged.get(ext.id)
            if target is None:
                problems.append(f"{ext.origin}: {ext.path}.id: no provider {ext.id!r} to extend")
                continue
            extended, errs = _apply_extension(target.provider, ext)
            problems += errs
            if extended is not None:
                moves = moved.setdefault(ext.id, {})
                for key in _EXTENSION_KEYS:
                    first = len(getattr(target.provider, key))
                    for k in range(len(getattr(extended, key)) - first):
                        moves[f"{target.path}.{key}[{first + k}]"] = (ext.origin, f"{ext.path}.{key}[{k}]")
                        if key == "channels":
                            channel_origins[(ext.id, first + k)] = ext.origin
                merged[ext.id] = _Record(extended, target.origin, target.path)

    # policy checks on everything that did not come from the built-in layer unchanged
    for pid, rec in merged.items():
        # only the very records the package shipped skip the checks (an origin string proves nothing)
        if builtin_registry().find(pid) is rec.provider and not any(k[0] == pid for k in channel_origins):
            continue
        problems += validate_provider(rec.provider, rec.origin, rec.path, moved=moved.get(pid))
    if not problems:
        problems += _cross_layer(merged, channel_origins, moved)
    if not problems:
        refused, accepted = _recorded_fakes(merged, channel_origins, moved, accepting)
        problems += refused
        if _accepted is not None:
            _accepted += accepted
    if problems:
        raise DataError(problems)

    origins = {pid: rec.origin for pid, rec in merged.items()}
    for (pid, i), origin in channel_origins.items():
        origins[f"{pid}#{i}"] = origin
    procs = tuple(base.generic_procedures.values()) if base is not None else _builtin_procedures()
    return Registry([rec.provider for rec in merged.values()], origins=origins, procedures=procs, _by=LOADER)


def _builtin_procedures() -> tuple[Any, ...]:
    return tuple(builtin_registry().generic_procedures.values())


def _apply_extension(prov: Provider, ext: _Extension) -> tuple[Provider | None, list[str]]:
    """The provider with the extension's channels, policies, numbers and procedures appended."""
    added: dict[str, Any] = {}
    problems: list[str] = []
    for key in _EXTENSION_KEYS:
        if key in ext.raw:
            value, errs = structure_field(key, ext.raw[key], ext.origin, f"{ext.path}.{key}")
            problems += errs
            added[key] = value
    if problems:
        return None, problems
    return attrs.evolve(prov, **{k: getattr(prov, k) + v for k, v in added.items()}), []


def _cross_layer(
    merged: Mapping[str, _Record],
    channel_origins: Mapping[tuple[str, int], str],
    moved: Mapping[str, Mapping[str, tuple[str, str]]],
) -> list[str]:
    from ..phone.reading import key_for

    keys: dict[str, list[tuple[str, str, str]]] = {}
    for pid, rec in merged.items():
        for i, ch in enumerate(rec.provider.channels):
            if not isinstance(ch, PhoneChannel) or ch.carrier_short_code:
                # a carrier short code only works on that carrier's network: the same digits
                # legitimately belong to different carriers' wallets
                continue
            key = key_for(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
            if key is None:
                continue
            item = f"{rec.path}.channels[{i}]"
            origin, path = moved.get(pid, {}).get(item) or (channel_origins.get((pid, i), rec.origin), item)
            keys.setdefault(key, []).append((pid, origin, f"{path}.number"))
    return cross_check((r.provider for r in merged.values()), keys)


def lint_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Every problem in custom data files, as ``"<file>: <$.path>: <message>"`` lines, and every
    number a file publishes that the built-in data records as a fake, accepted or not."""
    problems: list[str] = []
    for p in paths:
        accepted: list[str] = []
        try:
            load_registry(p, builtin=True, replace=True, extend=True, _accepted=accepted)
        except DataError as exc:
            problems.extend(exc.problems)
        problems.extend(accepted)
    return problems


def _recorded_fakes(
    merged: Mapping[str, _Record],
    channel_origins: Mapping[tuple[str, int], str],
    moved: Mapping[str, Mapping[str, tuple[str, str]]],
    accepting: set[str],
) -> tuple[list[str], list[str]]:
    """(refused, accepted): channels of custom layers whose number the built-in data records as a
    fake number of any provider (numbers recorded as unverified are only weakly sourced: a layer
    may well publish one)."""
    from ..phone.reading import key_for

    index = builtin_registry().phone_index()
    refused: list[str] = []
    accepted: list[str] = []
    for pid, rec in merged.items():
        builtin = builtin_registry().find(pid)
        for i, ch in enumerate(rec.provider.channels):
            if not isinstance(ch, PhoneChannel):
                continue
            if builtin is not None and i < len(builtin.channels) and builtin.channels[i] is ch:
                continue  # shipped as it is
            key = key_for(ch.number, ch.region, carrier_short_code=ch.carrier_short_code)
            # a "display" record is a real number shown by spoofed calls, not a fake number
            recorded = [e for e in index.fakes.get(key or "", ()) if not e.record.display and e.provider.id != pid]
            if not recorded:
                continue
            item = f"{rec.path}.channels[{i}]"
            origin, path = moved.get(pid, {}).get(item) or (channel_origins.get((pid, i), rec.origin), item)
            owners = ", ".join(sorted({e.provider.id for e in recorded}))
            if origin in accepting:
                accepted.append(
                    f"{origin}: {path}.number: {ch.number} is recorded as a fake number of {owners} in the "
                    f"built-in data; published anyway ({ACCEPT_FAKES})"
                )
            else:
                refused.append(
                    f"{origin}: {path}.number: {ch.number} is recorded as a fake number of {owners} in the "
                    f"built-in data; a layer that means to publish it says \"{ACCEPT_FAKES}\": true"
                )
    return refused, accepted
