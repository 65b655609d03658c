"""The wheel a user installs carries the code, py.typed and every data file."""

from __future__ import annotations

import subprocess
import sys
import types
import zipfile
from pathlib import Path

import pytest

import walletcontact as wc
from walletcontact.load import prebuilt as _snapshot
from walletcontact.load.builtin import load_builtin

ROOT = Path(__file__).resolve().parent.parent


#: building a wheel takes seconds (CI runs the slow tests too: see .ci/run)
pytestmark = pytest.mark.slow


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
        "walletcontact/data/keys.py",
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
    mod = types.ModuleType(_snapshot.MODULE)
    exec(compile(text, "walletcontact/_prebuilt.py", "exec"), mod.__dict__)
    assert mod.HEADER["walletcontact"] == wc.__version__
    monkeypatch.setitem(sys.modules, _snapshot.MODULE, mod)
    reg = _snapshot.load_packaged()
    assert reg is not None
    assert reg._state() == load_builtin()._state()



def test_loading_a_wheels_data_needs_no_converter_json_or_resources(wheel: Path, tmp_path: Path) -> None:
    """From a wheel, the first load unpickles the prebuilt module and builds the number index from
    the packaged keys, whatever phonenumbers is installed: cattrs, json, pickle.py,
    importlib-resources and phonenumbers stay unimported (they cost the first query ~25 ms), and so
    they do for the first check of a published number."""
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(tmp_path)
    code = f"""
import sys
sys.path.insert(0, {str(tmp_path)!r})
import walletcontact as wc
assert wc.__file__.startswith({str(tmp_path)!r}), wc.__file__
wc.default_registry().phone_index()
assert wc.check_number("95188", provider="alipay", region="CN").is_official
assert "walletcontact._prebuilt" in sys.modules and "walletcontact.load.builtin" not in sys.modules
print(sorted(m for m in ("cattrs", "json", "pickle", "importlib_resources", "importlib.resources",
                         "phonenumbers", "walletcontact.load.documents") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]"
