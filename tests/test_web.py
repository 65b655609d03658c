"""The web face: the JSON API's answers equal the library's (and the command line's --json), errors
are JSON with a code, limits hold, headers are set, and the page answers in the person's language.
One test starts `walletcontact serve` itself and talks to it over loopback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
from typing import Any

import pytest

import walletcontact as wc

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from walletcontact.web import create_app  # noqa: E402
from walletcontact.web.api import LIMITS  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return TestClient(create_app())


def _cli(*args: str) -> Any:
    out = subprocess.run([sys.executable, "-m", "walletcontact", *args], capture_output=True, text=True, encoding="utf-8")
    return json.loads(out.stdout)


def test_answers_are_the_library_and_the_cli_json(client: Any) -> None:
    r = client.get("/v1/check/number", params={"number": "95189", "provider": "alipay", "region": "CN"})
    assert r.status_code == 200
    assert r.json() == wc.check_number("95189", provider="alipay", region="CN").to_dict()
    assert r.json() == _cli("check", "95189", "--provider", "alipay", "--region", "CN", "--json")
    assert client.get("/v1/report/CN").json() == _cli("report", "CN", "--json")
    assert client.get("/v1/providers", params={"region": "HK"}).json() == _cli("providers", "--region", "HK", "--json")
    assert client.get("/v1/procedures/password-reset", params={"provider": "paypal"}).json() == _cli(
        "help-with", "password-reset", "--provider", "paypal", "--json", "--locale", "en")
    assert client.get("/v1/providers/alipay").json()["id"] == "alipay"
    caller = client.get("/v1/check/caller", params={"number": "0722000000", "provider": "m-pesa", "region": "KE"})
    assert caller.json() == wc.check_caller("0722000000", claimed_provider="m-pesa", region="KE").to_dict()


def test_texts_links_and_batches(client: Any) -> None:
    sms = "【支付宝】退款请致电 400-826-8888"
    post = client.post("/v1/check/text", json={"text": sms, "region": "CN"})
    get = client.get("/v1/check/text", params={"text": sms, "region": "CN"})
    assert post.json() == get.json() == wc.check_text(sms, region="CN").to_dict()
    assert post.json()["risk"] == "high"
    mpesa = "M-PESA: Confirmed. Ksh500.00 received."
    sent = client.get("/v1/check/text", params={"text": mpesa, "region": "KE", "sender": "0712345678"}).json()
    assert sent == wc.check_text(mpesa, region="KE", sender="0712345678").to_dict()
    assert sent["sender"]["expected"] == ["MPESA"] and sent["risk"] == "high"
    assert client.post("/v1/check/text", json={"text": mpesa, "region": "KE", "sender": "MPESA"}).json()["sender"]["verdict"] == "official"
    link = client.get("/v1/check/link", params={"link": "https://alipay.com@evil.cn", "provider": "alipay"}).json()
    assert link["host"] == "evil.cn" and link["verdict"] == "unofficial"
    batch = client.post("/v1/batch/numbers", json={"numbers": ["95188", "95189"], "region": "CN"}).json()
    assert [b["verdict"] for b in batch] == ["official", "unofficial"]
    texts = client.post("/v1/batch/texts", json={"texts": [sms, "晚上见"], "region": "CN"}).json()
    assert [t["risk"] for t in texts] == ["high", "unknown"]


@pytest.mark.parametrize(
    ("method", "path", "kw", "status", "code"),
    [
        ("get", "/v1/check/number", {}, 422, "missing_parameter"),
        ("get", "/v1/providers/no-such-wallet", {}, 404, "not_found"),
        ("get", "/v1/nothing-here", {}, 404, "not_found"),
        ("get", "/v1/report/CHINA", {}, 422, "bad_parameter"),
        ("get", "/v1/check/number", {"params": {"number": "1" * 500}}, 413, "too_long"),
        ("post", "/v1/check/text", {"content": b"not json"}, 400, "bad_json"),
        ("post", "/v1/check/text", {"content": b"[1, 2]"}, 400, "bad_json"),
        ("post", "/v1/batch/numbers", {"json": {"numbers": ["1"] * (LIMITS["batch_items"] + 1)}}, 413, "batch_too_large"),
        ("post", "/v1/batch/numbers", {"json": {"numbers": "95188"}}, 422, "bad_parameter"),
        ("post", "/v1/check/text", {"content": b"{" + b" " * (LIMITS["body_bytes"] + 10) + b"}"}, 413, "body_too_large"),
        ("get", "/v1/check/caller", {"params": {"number": "95188"}}, 422, "missing_parameter"),
    ],
)
def test_errors_are_json_with_a_code(client: Any, method: str, path: str, kw: dict[str, Any], status: int, code: str) -> None:
    r = getattr(client, method)(path, **kw)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]["code"] == code and "Traceback" not in r.text


def test_headers(client: Any) -> None:
    r = client.get("/v1/check/number", params={"number": "95188", "region": "CN"})
    assert r.headers["cache-control"].startswith("public")
    health = client.get("/v1/health").json()
    assert health["status"] == "ok" and r.headers["x-walletcontact-data"] == health["data_version"]
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "<script" not in page.text
    # no external assets: every link, form and stylesheet stays on the page's own origin
    assert not re.search(r'(?:src|href|action)="(?:[a-z]+:)?//', page.text)
    assert re.findall(r'href="([^"]+)"', page.text) and all(
        h.startswith("/") for h in re.findall(r'(?:src|href|action)="([^"]+)"', page.text))
    spec = client.get("/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.") and "/v1/check/text" in spec["paths"]


@pytest.mark.parametrize(
    ("accept", "lang", "expected"),
    [("zh-CN,zh;q=0.9", None, "高风险"), ("zh-TW", None, "高風險"), ("es-AR,es;q=0.8", None, "RIESGO ALTO"),
     ("fr-FR", None, "HIGH RISK"), ("zh-CN", "en", "HIGH RISK")],
)
def test_the_page_answers_in_the_persons_language(client: Any, accept: str, lang: str | None, expected: str) -> None:
    params = {"q": "【支付宝】退款请致电 400-826-8888", "region": "CN", **({"lang": lang} if lang else {})}
    r = client.get("/", params=params, headers={"accept-language": accept})
    assert r.status_code == 200 and expected in r.text
    assert "95188" in r.text and "96110" in r.text  # the real number and the report line
    assert "<script" not in r.text


def test_the_page_escapes_what_it_echoes(client: Any) -> None:
    r = client.get("/", params={"q": "<script>alert(1)</script> 95188", "region": "CN"})
    assert "<script>alert" not in r.text and "&lt;script&gt;" in r.text


def test_the_page_judges_the_sender_a_message_showed(client: Any) -> None:
    text = "M-PESA: Confirmed. Ksh500.00 received. Call 0712 345 678 to reverse."
    page = client.get("/", params={"q": text, "region": "KE", "sender": "0712345678<b>"}).text
    assert 'name="sender" value="0712345678&lt;b&gt;"' in page and "<b>" not in page.split("<form", 1)[1]
    assert "MPESA" in page and 'data-risk="high"' in page
    fine = client.get("/", params={"q": "M-PESA: Confirmed. Ksh500.00 received.", "region": "KE", "sender": "MPESA"}).text
    assert "can be faked" in fine and "sender=MPESA" in fine  # the language links keep the sender


def test_serve_starts_and_answers_over_loopback() -> None:
    from walletcontact.web import background

    with background() as base:
        assert httpx.get(base + "/v1/health").json()["status"] == "ok"
        answer = httpx.get(base + "/v1/check/number", params={"number": "95188", "region": "CN"})
        assert answer.json()["verdict"] == "official"
