"""The one cattrs converter for all (de)serialisation, built lazily on first use.

Documents come in two shapes:

* a single-provider document: the provider object with ``"schema": 1`` beside its keys;
* an export document: ``{"schema": 1, "providers": [ ... ]}``.

Errors are reported as ``"<origin>: <$.json.path>: <message>"``; unknown keys are rejected.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from .._once import Once
from ..errors import DataError
from ..kinds import ENUMS
from ..model import (
    CHANNEL_CLASSES,
    Channel,
    GenericProcedure,
    LocalizedList,
    LocalizedText,
    Provider,
)

SCHEMA_VERSION = 1
#: Largest document accepted (bytes of JSON or TOML text).
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
#: Deepest nesting accepted in a document.
MAX_DEPTH = 24
#: Most values (objects, lists, strings, numbers) in one document, and items in one list.
MAX_NODES = 200_000
MAX_LIST_ITEMS = 10_000

_TAGS: dict[str, type[Any]] = {cls.TYPE.value: cls for cls in CHANNEL_CLASSES}

class _HookError(ValueError):
    """A structuring error whose message is already meant for people."""


def converter() -> cattrs.Converter:
    """The shared converter (created once, thread-safely)."""
    return _converter.get()


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)

    def date_hook(value: Any, _: Any) -> dt.date:
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, str):
            raise _HookError(f"expected an ISO date string (YYYY-MM-DD), got {_kind(value)}")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _HookError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None

    def str_hook(value: Any, _: Any) -> str:
        if not isinstance(value, str):
            raise _HookError(f"expected a string, got {_kind(value)}")
        if not value.strip():
            raise _HookError("must not be empty")
        return value

    def str_tuple_hook(value: Any, _: Any) -> tuple[str, ...]:
        if not isinstance(value, (list, tuple)):
            raise _HookError(f"expected a list of strings, got {_kind(value)}")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise _HookError(f"item [{i}] must be a non-empty string, got {_kind(item)}")
            out.append(item)
        return tuple(out)

    def seq_hook(value: Any, type_: Any) -> tuple[Any, ...]:
        # cattrs would read any iterable as a list: a string as its characters, an object as its keys
        if not isinstance(value, (list, tuple)):
            raise _HookError(f"expected a list, got {_kind(value)}")
        as_list: Any = list  # list[item type]: cattrs' own hook, with each item's index on errors
        return tuple(conv.structure(value, as_list[typing.get_args(type_)[0]]))

    def bool_hook(value: Any, _: Any) -> bool:
        if not isinstance(value, bool):
            raise _HookError(f"expected true or false, got {_kind(value)}")
        return value

    def enum_hook(value: Any, cls: Any) -> Any:
        try:
            return cls(value)
        except (ValueError, TypeError):
            allowed = ", ".join(repr(m.value) for m in cls)
            raise _HookError(f"{value!r} is not one of {allowed}") from None

    def text_hook(value: Any, _: Any) -> LocalizedText:
        if isinstance(value, LocalizedText):
            return value
        if isinstance(value, str) and value.strip():
            return LocalizedText((("en", value),))
        items = _locale_items(value)
        for loc, text in items:
            if not isinstance(text, str) or not text.strip():
                raise _HookError(f"text for locale {loc!r} must be a non-empty string")
        return LocalizedText(tuple(items))

    def list_hook(value: Any, _: Any) -> LocalizedList:
        if isinstance(value, LocalizedList):
            return value
        out = []
        for loc, items in _locale_items(value):
            if not isinstance(items, list) or not items:
                raise _HookError(f"locale {loc!r} needs a non-empty list of strings")
            for i, s in enumerate(items):
                if not isinstance(s, str) or not s.strip():
                    raise _HookError(f"locale {loc!r} item [{i}] must be a non-empty string")
            out.append((loc, tuple(items)))
        return LocalizedList(tuple(out))

    def channel_hook(value: Any, _: Any) -> Channel:
        if not isinstance(value, Mapping):
            raise _HookError(f"a channel must be an object, got {_kind(value)}")
        tag = value.get("type")
        cls = _TAGS.get(tag) if isinstance(tag, str) else None
        if cls is None:
            raise _HookError(f"unknown channel type {tag!r}; expected one of {', '.join(_TAGS)}")
        body = {k: v for k, v in value.items() if k != "type"}
        result: Channel = conv.structure(body, cls)
        return result

    def channel_unhook(value: Channel) -> dict[str, Any]:
        body = conv.unstructure(value, type(value))
        assert isinstance(body, dict)
        return {"type": value.TYPE.value, **body}

    conv.register_structure_hook(dt.date, date_hook)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(str, str_hook)
    conv.register_structure_hook(bool, bool_hook)
    for enum_cls in ENUMS:
        conv.register_structure_hook(enum_cls, enum_hook)
    conv.register_structure_hook_func(lambda t: t == tuple[str, ...], str_tuple_hook)
    conv.register_structure_hook_func(_is_homogeneous_tuple, seq_hook)
    conv.register_structure_hook(LocalizedText, text_hook)
    conv.register_unstructure_hook(LocalizedText, lambda t: t.as_dict())
    conv.register_structure_hook(LocalizedList, list_hook)
    conv.register_unstructure_hook(LocalizedList, lambda t: t.as_dict())
    conv.register_structure_hook_func(lambda t: t == Channel, channel_hook)
    conv.register_unstructure_hook_func(lambda t: t == Channel, channel_unhook)
    conv.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and t not in (LocalizedText, LocalizedList),
        lambda cls: _omit_defaults_unstructure(conv, cls),
    )
    return conv


_converter: Once[cattrs.Converter] = Once(_make_converter)


def _is_homogeneous_tuple(t: Any) -> bool:
    """``tuple[X, ...]`` (of anything but strings, which have their own hook)."""
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] is not str


def _omit_defaults_unstructure(conv: cattrs.Converter, cls: type[Any]) -> Callable[[Any], Any]:
    from cattrs.gen import make_dict_unstructure_fn

    return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True)


def _locale_items(value: Any) -> list[tuple[str, Any]]:
    if not isinstance(value, Mapping):
        raise _HookError(f"expected an object keyed by locale, got {_kind(value)}")
    if not value:
        raise _HookError("needs at least one locale")
    items = []
    for loc, text in value.items():
        if not isinstance(loc, str) or not is_locale(loc):
            raise _HookError(f"not a locale tag: {loc!r}")
        items.append((loc, text))
    if not any(loc == "en" for loc, _ in items):
        raise _HookError("an 'en' entry is required")
    return items


@functools.lru_cache(maxsize=512)
def is_locale(tag: str) -> bool:
    parts = tag.split("-")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isascii() and parts[0].isalpha()):
        return False
    return all(1 <= len(p) <= 8 and p.isascii() and p.isalnum() for p in parts[1:])


def key_list(keys: Any) -> str:
    names = sorted((k if isinstance(k, str) else repr(k))[:40] for k in keys)
    if len(names) > 20:
        return ", ".join(names[:20]) + f", ... ({len(names)} in all)"
    return ", ".join(names)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


# ---------------------------------------------------------------- errors with paths


def _format_exception(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, _HookError):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key(s): {key_list(exc.extra_fields)}"
    if isinstance(exc, AttributeError):
        return "expected an object"
    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, (TypeError, ValueError)):
        name = getattr(type_, "__name__", None) or str(type_)
        return f"invalid value, expected {name}"
    return f"{type(exc).__name__}: {exc}"


def _paths(exc: BaseException, path: str) -> list[str]:
    """Flatten a cattrs error tree into ``"<$.path>: <message>"`` lines."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        out: list[str] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(exc, IterableValidationError):
                sub_path = f"{path}[{note.index!r}]"
            else:
                name = getattr(note, "name", "?")
                if isinstance(sub, KeyError):
                    out.append(f"{path}.{name}: required key missing")
                    continue
                sub_path = f"{path}.{name}"
            out.extend(_paths(sub, sub_path))
        for sub in without:
            out.extend(_paths(sub, path))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        return [f"{path}: unknown key(s): {key_list(exc.extra_fields)}"]
    type_ = getattr(exc, "type", None)
    return [f"{path}: {_format_exception(exc, type_)}"]


# ---------------------------------------------------------------- documents


def parse_text(text: str | bytes, origin: str, *, fmt: str = "json", trusted: bool = False) -> Any:
    """Parse a JSON (or TOML) document with size and depth limits; raises :class:`DataError`.

    ``trusted`` (the packaged data, checked by the tests) skips the depth walk."""
    size = len(text)
    if size > MAX_DOCUMENT_BYTES:
        raise DataError(
            f"{origin}: $: document is too large ({size} bytes; the limit is {MAX_DOCUMENT_BYTES})"
        )
    try:
        if fmt == "toml":
            raw = text.decode("utf-8") if isinstance(text, bytes) else text
            if sys.version_info >= (3, 11):
                import tomllib  # novermin - guarded: TOML is read only where the standard library can

                data: Any = tomllib.loads(raw)
            else:  # pragma: no cover
                raise DataError(f"{origin}: $: reading TOML needs Python 3.11 or later")
        else:
            data = json.loads(text)
    except RecursionError:
        raise DataError(f"{origin}: $: document is nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{origin}: $: not UTF-8 text ({exc.reason})") from None
    except ValueError as exc:  # json.JSONDecodeError, tomllib.TOMLDecodeError
        raise DataError(f"{origin}: $: not valid {fmt.upper()}: {exc}") from None
    if not trusted:
        check_shape(data, origin)
    return data


def check_shape(data: Any, origin: str) -> None:
    """Depth, total size and list lengths, checked before any structuring (bounded work)."""
    nodes = 0
    stack: list[tuple[Any, int, str]] = [(data, 1, "$")]
    while stack:
        node, level, path = stack.pop()
        nodes += 1
        if level > MAX_DEPTH:
            raise DataError(f"{origin}: {path}: document is nested too deeply (more than {MAX_DEPTH} levels)")
        if nodes > MAX_NODES:
            raise DataError(f"{origin}: $: document has too many values (more than {MAX_NODES})")
        if isinstance(node, dict):
            for k, v in node.items():
                if not isinstance(k, str):
                    raise DataError(f"{origin}: {path}: keys must be strings, got {k!r:.40}")
                if isinstance(v, (dict, list)):
                    stack.append((v, level + 1, f"{path}.{k}"))
                else:
                    nodes += 1
        elif isinstance(node, list):
            if len(node) > MAX_LIST_ITEMS:
                raise DataError(f"{origin}: {path}: list has too many items ({len(node)} > {MAX_LIST_ITEMS})")
            for n, v in enumerate(node):
                if isinstance(v, (dict, list)):
                    stack.append((v, level + 1, f"{path}[{n}]"))
                else:
                    nodes += 1
        if nodes > MAX_NODES:
            raise DataError(f"{origin}: $: document has too many values (more than {MAX_NODES})")


def provider_dicts(data: Any, origin: str) -> list[tuple[str, Any]]:
    """Split a document into ``(json path, provider mapping)`` pairs; check the schema version."""
    if not isinstance(data, Mapping):
        raise DataError(f"{origin}: $: a document must be a JSON object, got {_kind(data)}")
    schema = data.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION or isinstance(schema, bool):
        raise DataError(f"{origin}: $.schema: unsupported schema {schema!r}; expected 1")
    if "providers" in data:
        extra = set(data) - {"schema", "providers"}
        if extra:
            raise DataError(f"{origin}: $: unknown key(s): {key_list(extra)}")
        items = data["providers"]
        if not isinstance(items, list):
            raise DataError(f"{origin}: $.providers: expected a list, got {_kind(items)}")
        return [(f"$.providers[{i}]", item) for i, item in enumerate(items)]
    body = {k: v for k, v in data.items() if k != "schema"}
    return [("$", body)]


def structure_provider(raw: Any, origin: str, path: str) -> tuple[Provider | None, list[str]]:
    """Structure one provider mapping; returns the provider or the problems found."""
    if not isinstance(raw, Mapping):
        return None, [f"{origin}: {path}: a provider must be an object, got {_kind(raw)}"]
    try:
        return converter().structure(dict(raw), Provider), []
    except (ClassValidationError, IterableValidationError, _HookError) as exc:
        return None, [f"{origin}: {line}" for line in _paths(exc, path)]


def structure_field(name: str, raw: Any, origin: str, path: str) -> tuple[Any, list[str]]:
    """Structure the value of one ``Provider`` field on its own (for extensions)."""
    type_ = typing.get_type_hints(Provider)[name]
    try:
        return converter().structure(raw, type_), []
    except (ClassValidationError, IterableValidationError, _HookError) as exc:
        return None, [f"{origin}: {line}" for line in _paths(exc, path)]


def structure_procedures(data: Any, origin: str) -> tuple[GenericProcedure, ...]:
    if not isinstance(data, Mapping) or set(data) != {"schema", "procedures"}:
        raise DataError(f"{origin}: $: expected keys 'schema' and 'procedures'")
    items = data["procedures"]
    if not isinstance(items, list):
        raise DataError(f"{origin}: $.procedures: expected a list")
    out: list[GenericProcedure] = []
    problems: list[str] = []
    for i, item in enumerate(items):
        try:
            out.append(converter().structure(item, GenericProcedure))
        except (ClassValidationError, IterableValidationError, _HookError) as exc:
            problems.extend(f"{origin}: {line}" for line in _paths(exc, f"$.procedures[{i}]"))
    if problems:
        raise DataError(problems)
    return tuple(out)


def unstructure_provider(provider: Provider) -> dict[str, Any]:
    out = converter().unstructure(provider, Provider)
    assert isinstance(out, dict)
    return out


def export_document(providers: Iterable[Provider]) -> dict[str, Any]:
    """The ``{"schema": 1, "providers": [...]}`` document (what ``walletcontact export`` prints)."""
    return {"schema": SCHEMA_VERSION, "providers": [unstructure_provider(p) for p in providers]}
