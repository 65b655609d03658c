"""JSON Schema (draft 2020-12) of the data documents, generated from the attrs model."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

from ..model import CHANNEL_CLASSES, Channel, LocalizedList, LocalizedText, Provider, SourceKind
from .documents import SCHEMA_VERSION

_LOCALE = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is str:
        return {"type": "string", "minLength": 1}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    if tp is LocalizedText:
        return {"$ref": "#/$defs/LocalizedText"}
    if tp is LocalizedList:
        return {"$ref": "#/$defs/LocalizedList"}
    if tp == Channel:
        return {"$ref": "#/$defs/Channel"}
    if tp is SourceKind:  # the first vocabulary's values are still read (see SourceKind)
        return {"enum": [m.value for m in tp] + ["official", "news", "third-party"]}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _type_schema(rest[0], defs)
        return {"anyOf": [_type_schema(a, defs) for a in rest]}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {tp!r}")  # pragma: no cover


def _class_schema(cls: type[Any], defs: dict[str, Any], *, tag: str | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in attrs.fields(cls):
        props[f.name] = _type_schema(hints[f.name], defs)
        if f.default is attrs.NOTHING:
            required.append(f.name)
    if tag is not None:
        props = {"type": {"const": tag}, **props}
        required = ["type", *required]
    return {"type": "object", "properties": props, "required": required, "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """The schema of an export document (``{"schema": 1, "providers": [...]}``)."""
    defs: dict[str, Any] = {
        "LocalizedText": {
            "type": "object",
            "required": ["en"],
            "minProperties": 1,
            "propertyNames": {"pattern": _LOCALE},
            "additionalProperties": {"type": "string", "minLength": 1},
        },
        "LocalizedList": {
            "type": "object",
            "required": ["en"],
            "propertyNames": {"pattern": _LOCALE},
            "additionalProperties": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string", "minLength": 1},
            },
        },
    }
    channel_refs = []
    for cls in CHANNEL_CLASSES:
        name = cls.__name__
        defs[name] = _class_schema(cls, defs, tag=cls.TYPE.value)
        channel_refs.append({"$ref": f"#/$defs/{name}"})
    defs["Channel"] = {"oneOf": channel_refs}
    provider_ref = _type_schema(Provider, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://walletcontact.readthedocs.io/schema/v1.json",
        "title": "walletcontact provider data",
        "type": "object",
        "properties": {
            "schema": {"const": SCHEMA_VERSION},
            "providers": {"type": "array", "items": provider_ref},
            "accept_recorded_fakes": {
                "type": "boolean",
                "description": "this layer means to publish numbers the built-in data records as fakes",
            },
        },
        "required": ["schema", "providers"],
        "additionalProperties": False,
        "$defs": defs,
    }
