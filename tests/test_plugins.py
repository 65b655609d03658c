"""The example plugin package, installed for real: its numbers are official only when asked for."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "walletcontact-plugin-example"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--target", str(target), str(EXAMPLE)],
        check=True, capture_output=True, timeout=300,
    )
    return target


def _py(site: Path, code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_plugin_only_when_asked(site: Path) -> None:
    out = _py(site, """
        import walletcontact as wc
        n = "+44 20 7946 0123"
        default = wc.check_number(n, region="GB")
        plain = wc.load_registry()
        asked = wc.load_registry(plugins=["example"])
        every = wc.load_registry(plugins=True)
        r = wc.check_number(n, provider="example-pay", registry=asked)
        print(default.is_official, wc.find_provider("example-pay") is None, plain.find("example-pay") is None,
              r.is_official, r.origin, every.find("example-pay") is not None)
        """)
    assert out == "False True True True plugin:example/example-pay.json True"


def test_unknown_plugin_name(site: Path) -> None:
    out = _py(site, """
        import walletcontact as wc
        try:
            wc.load_registry(plugins=["nope"])
        except wc.DataError as e:
            print(e.problems[0])
        """)
    assert out.startswith("plugin:nope: $: no installed plugin")
