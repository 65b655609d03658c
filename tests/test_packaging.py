"""The wheel a user installs carries the code, py.typed and every data file."""

from __future__ import annotations

import subprocess
import sys
import types
import zipfile
from pathlib import Path

import pytest

import walletcontact as wc
from walletcontact import _snapshot
from walletcontact._builtin import load_builtin

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (built,) = out.glob("walletcontact-*.whl")
    return built


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = ROOT / "src" / "walletcontact" / "data"
    expected = {f"walletcontact/data/providers/{p.name}" for p in (data / "providers").glob("*.json")}
    expected |= {
        "walletcontact/py.typed",
        "walletcontact/data/numbers.json",
        "walletcontact/data/procedures.json",
        "walletcontact/__init__.py",
        "walletcontact/cli.py",
    }
    assert expected <= names, sorted(expected - names)
    assert not any("tests/" in n or "__pycache__" in n for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "walletcontact = walletcontact.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_wheel_carries_the_prebuilt_registry_of_its_own_data(
    wheel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build hook made walletcontact/_prebuilt.py from the JSON in this very wheel."""
    with zipfile.ZipFile(wheel) as zf:
        text = zf.read("walletcontact/_prebuilt.py").decode()
        numbers = zf.read("walletcontact/data/numbers.json")
    mod = types.ModuleType(_snapshot.MODULE)
    exec(compile(text, "walletcontact/_prebuilt.py", "exec"), mod.__dict__)
    assert mod.HEADER["walletcontact"] == wc.__version__
    assert numbers == mod.NUMBERS
    monkeypatch.setitem(sys.modules, _snapshot.MODULE, mod)
    reg = _snapshot.load_packaged()
    assert reg is not None
    assert reg._state() == load_builtin()._state()

