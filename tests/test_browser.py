"""The page in a real browser: headless Chromium (from the system's packages; .ci/run installs it)
loads the page, submits a scam SMS and a real number through the form (a GET form: submitting it
is loading its URL), and checks what a person sees. Screenshots go to build/screenshots/."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytest.importorskip("starlette")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")]
SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    from walletcontact.web import background

    with background() as base:
        yield base


def _chromium(*args: str) -> str:
    cmd = [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--no-first-run", "--disable-dev-shm-usage", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout


def _visit(url: str, shot: str, lang: str) -> str:
    SHOTS.mkdir(parents=True, exist_ok=True)
    _chromium(f"--lang={lang}", "--window-size=412,1400", f"--screenshot={SHOTS / shot}", url)
    assert (SHOTS / shot).stat().st_size > 1000
    return _chromium(f"--lang={lang}", "--dump-dom", url)


def test_a_scam_sms_on_a_phone_screen(server: str) -> None:
    form = {"q": "【支付宝】您的订单退款失败,请致电客服 400-826-8888 或访问 https://alipay-refund.cn", "region": "CN",
            "lang": "zh-Hans"}
    dom = _visit(f"{server}/?{urlencode(form)}", "scam-sms-zh-Hans.png", "zh-CN")
    assert 'data-risk="high"' in dom and "高风险" in dom
    assert "400-826-8888" in dom and "alipay-refund.cn" in dom
    assert "95188" in dom and "96110" in dom  # Alipay's real number and the report line


def test_a_real_number(server: str) -> None:
    form = {"q": "1-855-684-1966", "provider": "paypal", "region": "US", "lang": "en"}
    dom = _visit(f"{server}/?{urlencode(form)}", "real-number-en.png", "en-US")
    assert 'data-risk="low"' in dom and "LOW RISK" in dom and "OFFICIAL" in dom
    assert "Caller ID and sender names can be faked" in dom


def test_the_empty_page_has_the_form(server: str) -> None:
    dom = _visit(server + "/?lang=es", "empty.png", "es-AR")
    assert "<form" in dom and 'name="q"' in dom and "¿Es el número real?" in dom
