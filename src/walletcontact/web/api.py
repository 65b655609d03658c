"""The JSON API under ``/v1/``: the same answers and the same JSON as the command line's ``--json``.

Every error is JSON, ``{"error": {"code": ..., "message": ...}}``, with a 4xx status; an
unexpected failure is a 500 with code ``internal``, never a stack trace.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .. import __version__
from ..errors import InvalidArgumentError, UnknownProviderError, UnknownTopicError, WalletContactError
from ..jsonviews import procedure_json, providers_json, report_json, topics_json
from ..load.documents import unstructure_provider

__all__ = ["LIMITS", "ApiError", "data_version", "handle"]

#: Request limits: body bytes, items in a batch, characters in a text or number.
LIMITS = {"body_bytes": 256 * 1024, "batch_items": 500, "text_chars": 5000, "number_chars": 100}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


def data_version(registry: Any) -> str:
    """The library version and the date the newest record was verified: what the answers rest on."""
    newest = max((p.verified_on for p in registry), default=dt.date(1970, 1, 1))
    return f"{__version__}+{newest.isoformat()}"


def _str(params: dict[str, Any], name: str, *, required: bool = False, limit: int = 100) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise ApiError(422, "missing_parameter", f"'{name}' is required")
        return None
    if not isinstance(value, str):
        raise ApiError(422, "bad_parameter", f"'{name}' must be a string")
    if len(value) > limit:
        raise ApiError(413, "too_long", f"'{name}' is longer than {limit} characters")
    return value


def _list(params: dict[str, Any], name: str, limit: int) -> list[str]:
    value = params.get(name)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(422, "bad_parameter", f"'{name}' must be a list of strings")
    if len(value) > LIMITS["batch_items"]:
        raise ApiError(413, "batch_too_large", f"at most {LIMITS['batch_items']} items in '{name}'")
    if any(len(v) > limit for v in value):
        raise ApiError(413, "too_long", f"an item of '{name}' is longer than {limit} characters")
    return value


def _region(params: dict[str, Any]) -> str | None:
    region = _str(params, "region", limit=8)
    return region.strip().upper() if region else None


def _errors(exc: WalletContactError) -> ApiError:
    if isinstance(exc, (UnknownProviderError, UnknownTopicError)):
        return ApiError(404, "not_found", str(exc).splitlines()[0])
    if isinstance(exc, (InvalidArgumentError, LookupError)):
        return ApiError(422, "bad_parameter", str(exc).splitlines()[0])
    return ApiError(400, "bad_request", str(exc).splitlines()[0])


def handle(route: str, params: dict[str, Any], registry: Any, locale: str) -> Any:
    """The JSON answer of ``route`` (the path after ``/v1/``) for ``params`` (query or body)."""
    from .. import check_caller, check_link, check_many, check_number, check_text, check_texts
    from ..registry import providers

    try:
        if route == "check/number":
            number = _str(params, "number", required=True, limit=LIMITS["number_chars"])
            return check_number(number or "", provider=_str(params, "provider"), region=_region(params),
                                direction=_str(params, "direction") or "inbound", registry=registry).to_dict()
        if route == "check/caller":
            number = _str(params, "number", required=True, limit=LIMITS["number_chars"])
            provider = _str(params, "provider", required=True)
            return check_caller(number or "", claimed_provider=provider or "", region=_region(params),
                                registry=registry).to_dict()
        if route == "check/text":
            text = _str(params, "text", required=True, limit=LIMITS["text_chars"])
            return check_text(text or "", region=_region(params), provider=_str(params, "provider"),
                              sender=_str(params, "sender", limit=LIMITS["number_chars"]), registry=registry).to_dict(locale)
        if route == "check/link":
            link = _str(params, "link", required=True, limit=2000)
            return check_link(link or "", provider=_str(params, "provider"), registry=registry).to_dict(locale)
        if route == "batch/numbers":
            numbers = _list(params, "numbers", LIMITS["number_chars"])
            return [r.to_dict() for r in check_many(numbers, provider=_str(params, "provider"), region=_region(params),
                                                    registry=registry)]
        if route == "batch/texts":
            texts = _list(params, "texts", LIMITS["text_chars"])
            return [t.to_dict(locale) for t in check_texts(texts, region=_region(params), provider=_str(params, "provider"),
                                                           registry=registry)]
        if route == "providers":
            region = _region(params)
            return providers_json(providers(region=region, registry=registry))
        if route.startswith("providers/"):
            return unstructure_provider(registry.get(route.split("/", 1)[1], _region(params)))
        if route == "procedures":
            return topics_json(locale, registry)
        if route.startswith("procedures/"):
            provider = _str(params, "provider")
            prov = registry.get(provider, _region(params)) if provider else None
            return procedure_json(route.split("/", 1)[1], provider=prov, region=_region(params), locale=locale,
                                  registry=registry)
        if route.startswith("report/"):
            region = route.split("/", 1)[1].strip().upper()
            if len(region) != 2 or not region.isalpha():
                raise ApiError(422, "bad_parameter", f"not a region code: {region!r}")
            return report_json(region, registry)
    except WalletContactError as exc:
        raise _errors(exc) from None
    raise ApiError(404, "not_found", f"no such endpoint: /v1/{route}")


def parse_body(raw: bytes) -> dict[str, Any]:
    if len(raw) > LIMITS["body_bytes"]:
        raise ApiError(413, "body_too_large", f"the body is larger than {LIMITS['body_bytes']} bytes")
    try:
        body = json.loads(raw.decode("utf-8")) if raw else {}
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "bad_json", "the body is not JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, "bad_json", "the body must be a JSON object")
    return body
