from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import walletcontact as wc
from _factory import SEEN, make_provider

__all__ = ["SEEN", "make_provider"]


@pytest.fixture
def acme_doc() -> dict[str, Any]:
    return copy.deepcopy(make_provider())


@pytest.fixture
def acme_file(tmp_path: Any, acme_doc: dict[str, Any]) -> Any:
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(acme_doc), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def builtin() -> wc.Registry:
    return wc.default_registry()


# The atheris harnesses are programs, run by tests/test_fuzz.py in a subprocess; pytest's
# doctest collection must not import them (atheris may not be installed).
collect_ignore_glob = ["fuzz/*.py"]
