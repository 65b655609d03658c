"""docs/catalogue.md is generated from the data: it must match what the generator writes today.

When this fails after a data change, run ``python scripts/gen_catalogue.py docs/catalogue.md``
and commit the result.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_catalogue.py"
PAGE = ROOT / "docs" / "catalogue.md"


def _generate(out: Path) -> str:
    # a fresh process: the page is built from the built-in data, whatever other tests set as default
    subprocess.run([sys.executable, str(SCRIPT), str(out)], check=True, capture_output=True, timeout=300)
    return out.read_text(encoding="utf-8")


def test_catalogue_page_is_up_to_date(tmp_path: Path) -> None:
    generated = _generate(tmp_path / "catalogue.md")
    assert generated == PAGE.read_text(encoding="utf-8"), (
        "docs/catalogue.md is out of date: run 'python scripts/gen_catalogue.py docs/catalogue.md'"
    )


def test_catalogue_is_deterministic(tmp_path: Path) -> None:
    assert _generate(tmp_path / "a.md") == _generate(tmp_path / "b.md")
