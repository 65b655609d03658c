"""The dependency floors pyproject.toml declares are the ones CI tests (.ci/floors.txt)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = pytest.importorskip("tomli")


def _floors() -> dict[str, str]:
    pins = {}
    for raw in (ROOT / ".ci" / "floors.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def test_declared_floors_are_the_tested_ones() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {}
    for requirement in project["project"]["dependencies"]:
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", requirement)
        assert m is not None, requirement
        declared[m.group(1).lower()] = m.group(2)
    assert declared == _floors()
    # the build runs the library's own loader (the prebuilt registry): the same floors there
    build = {r.split(">=")[0].lower(): r.split(">=")[1] for r in project["build-system"]["requires"] if ">=" in r}
    assert build and all(declared[k] == v for k, v in build.items() if k in declared)
