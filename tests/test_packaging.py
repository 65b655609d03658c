"""The wheel a user installs carries the code, py.typed and every data file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contents(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("walletcontact-*.whl")
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
