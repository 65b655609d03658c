"""The OpenAPI 3.1 description of the JSON API (served at ``/v1/openapi.json``)."""

from __future__ import annotations

from typing import Any

__all__ = ["openapi"]


def _q(name: str, description: str, *, required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description, "schema": {"type": "string"}}


_REGION = _q("region", "ISO 3166-1 alpha-2 region where the number is dialled (CN, KE, US...)")
_PROVIDER = _q("provider", "provider id or name (alipay, 微信, Safaricom)")
_LANG = _q("lang", "locale of the texts (en, zh-Hans, es...); else Accept-Language")
_ERROR = {
    "description": "an error",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def _get(summary: str, params: list[dict[str, Any]], schema: str = "object") -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": params,
            "responses": {
                "200": {"description": "the answer (the same JSON as the command line's --json)",
                        "content": {"application/json": {"schema": {"type": schema}}}},
                "404": _ERROR,
                "413": _ERROR,
                "422": _ERROR,
            },
        }
    }


def _post(summary: str, fields: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "summary": summary,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "properties": fields, "required": required}}}},
        "responses": {"200": {"description": "the answers, in order", "content": {"application/json": {"schema": {"type": "array"}}}},
                      "413": _ERROR, "422": _ERROR},
    }


def openapi(version: str) -> dict[str, Any]:
    sender = _q("sender", "the sender the message showed (an SMS sender ID, a short code, a number)")
    text_get = _get("check a whole message", [_q("text", "the message", required=True), _REGION, _PROVIDER, sender, _LANG])
    text_get["post"] = _post("check a whole message", {"text": {"type": "string"}, "region": {"type": "string"},
                                                      "provider": {"type": "string"}, "sender": {"type": "string"}},
                             ["text"])
    return {
        "openapi": "3.1.0",
        "info": {"title": "walletcontact", "version": version,
                 "description": "Official contacts of digital wallets, and checks of numbers, messages and links."},
        "paths": {
            "/v1/health": _get("liveness and the data version", []),
            "/v1/check/number": _get("is a number an official number?", [
                _q("number", "the number as written", required=True), _PROVIDER, _REGION,
                _q("direction", "inbound (you call it), outbound (it calls you) or both")]),
            "/v1/check/caller": _get("a call you received: is it from the claimed provider?", [
                _q("number", "the caller ID", required=True), {**_PROVIDER, "required": True}, _REGION]),
            "/v1/check/text": text_get,
            "/v1/check/link": _get("is a link or e-mail address the provider's?", [
                _q("link", "a URL, a host or an e-mail address", required=True), _PROVIDER, _LANG]),
            "/v1/batch/numbers": {"post": _post("check up to 500 numbers", {
                "numbers": {"type": "array", "items": {"type": "string"}, "maxItems": 500},
                "region": {"type": "string"}, "provider": {"type": "string"}}, ["numbers"])},
            "/v1/batch/texts": {"post": _post("check up to 500 messages", {
                "texts": {"type": "array", "items": {"type": "string"}, "maxItems": 500},
                "region": {"type": "string"}, "provider": {"type": "string"}}, ["texts"])},
            "/v1/providers": _get("list providers", [_REGION], "array"),
            "/v1/providers/{id}": _get("one provider's record", [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}, _REGION]),
            "/v1/procedures": _get("the procedure topics and their titles", [_LANG]),
            "/v1/procedures/{topic}": _get("what to do about a problem", [
                {"name": "topic", "in": "path", "required": True, "schema": {"type": "string"}}, _PROVIDER, _REGION, _LANG]),
            "/v1/report/{region}": _get("government fraud-report lines of a region", [
                {"name": "region", "in": "path", "required": True, "schema": {"type": "string"}}], "array"),
        },
        "components": {"schemas": {"Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}}}},
    }
