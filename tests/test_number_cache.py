"""The packaged number cache is current, and answers without importing phonenumbers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cache_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "numbers.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_number_cache.py"), str(out)], check=True,
                   capture_output=True, timeout=300)
    packaged = ROOT / "src" / "walletcontact" / "data" / "numbers.json"
    assert out.read_text(encoding="utf-8") == packaged.read_text(encoding="utf-8"), (
        "data/numbers.json is stale: run python scripts/gen_number_cache.py"
    )


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          timeout=120, env=dict(os.environ)).stdout.strip()


def test_published_numbers_answer_without_phonenumbers() -> None:
    out = _run(
        "import sys, walletcontact as wc;"
        "r = wc.check_number('95188', provider='alipay', region='CN');"
        "r2 = wc.check_number('+1 (800) 969-1940', provider='cash-app', region='US');"
        "print(r.verdict.value, r2.verdict.value, 'phonenumbers' in sys.modules)"
    )
    assert out == "official official False"


def test_other_numbers_still_use_phonenumbers() -> None:
    out = _run(
        "import sys, walletcontact as wc;"
        "r = wc.check_number('+86 138 0013 8000', provider='alipay');"
        "print(r.verdict.value, 'phonenumbers' in sys.modules)"
    )
    assert out == "unofficial True"


def test_cache_ignored_for_another_phonenumbers_version(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from walletcontact import _reading

    monkeypatch.setattr(_reading, "_installed_phonenumbers_version", lambda: "0.0.0")
    _reading._cache.reset()
    try:
        assert not _reading.cache().usable
        assert _reading.read("95188", "CN").key == "CN:95188"  # phonenumbers answers instead
    finally:
        monkeypatch.undo()
        _reading._cache.reset()
    assert _reading.cache().usable
