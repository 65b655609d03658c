"""The prebuilt registry that wheels carry: the same data as the JSON, or not used at all."""

from __future__ import annotations

import random
import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest

import walletcontact as wc
from walletcontact import registry
from walletcontact.check import check_number
from walletcontact.load import packaged
from walletcontact.load import prebuilt as _snapshot
from walletcontact.load.builtin import load_builtin
from walletcontact.registry import Registry


@pytest.fixture(scope="module")
def from_json() -> Registry:
    return load_builtin()


@pytest.fixture(scope="module")
def source(from_json: Registry) -> str:
    return _snapshot.render(from_json)


def _module(source: str, **changes: Any) -> types.ModuleType:
    mod = types.ModuleType(_snapshot.MODULE)
    exec(compile(source, "<prebuilt>", "exec"), mod.__dict__)
    for name, value in changes.items():
        if name == "header":
            mod.HEADER = {**mod.HEADER, **value}
        else:
            setattr(mod, name, value)
    return mod


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Install a prebuilt module (as a wheel would) for one test; the caches forget it after."""

    def install(mod: types.ModuleType) -> None:
        monkeypatch.setitem(sys.modules, _snapshot.MODULE, mod)
        packaged._builtin.reset()
        monkeypatch.setattr(registry, "_default", None)

    yield install
    packaged._builtin.reset()


def _numbers(reg: Registry) -> list[tuple[str, str | None, str | None]]:
    """Every shipped number, fake and unverified number, neighbours of them, and random ones."""
    rng = random.Random(7)
    out: list[tuple[str, str | None, str | None]] = []
    for p in reg:
        for ch in p.phones:
            out.append((ch.number, p.id, ch.region))
            digits = "".join(c for c in ch.number if c.isdigit())
            if len(digits) > 3:
                i = rng.randrange(len(digits))
                out.append((digits[:i] + str((int(digits[i]) + 1) % 10) + digits[i + 1 :], None, ch.region))
        for rec in (*p.known_fakes, *p.unverified):
            out.append((rec.number, p.id, rec.region))
    out += [(str(rng.randrange(10**10, 10**11)), None, "CN") for _ in range(50)]
    out += [("", None, None), ("Private Number", None, "US"), ("+1 (402) 935-7733", "paypal", None)]
    return out


def test_round_trip_is_the_same_registry(from_json: Registry) -> None:
    back = _snapshot.loads(_snapshot.dumps(from_json))
    assert back is not None
    assert back.providers == from_json.providers
    assert back._state() == from_json._state()
    assert back.generic_procedures == from_json.generic_procedures
    # no number index is stored: it is built on first use from the version-free keys, and its
    # providers are the very providers of the registry, not copies
    assert back._index is None
    entry = next(iter(back.phone_index().by_key.values()))[0]
    assert any(entry.provider is p for p in back.providers)


def test_answers_are_the_same(from_json: Registry) -> None:
    back = _snapshot.loads(_snapshot.dumps(from_json))
    assert back is not None
    for number, pid, region in _numbers(from_json):
        ours = check_number(number, provider=pid, region=region, registry=back)
        theirs = check_number(number, provider=pid, region=region, registry=from_json)
        assert ours.to_dict() == theirs.to_dict(), (number, pid, region)
        assert ours.advice() == theirs.advice()


def test_sharing_keeps_values(from_json: Registry) -> None:
    """Equal sources and dates become one object; nothing else changes."""
    back = _snapshot.loads(_snapshot.dumps(from_json))
    assert back is not None
    sources = [s for p in back for ch in p.channels for s in ch.sources]
    assert len({id(s) for s in sources}) < len(sources)
    assert [p.channels for p in back] == [p.channels for p in from_json]


def test_the_default_registry_comes_from_the_prebuilt_module(
    source: str, from_json: Registry, installed: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed(_module(source))
    json_loads = []
    monkeypatch.setattr("walletcontact.load.builtin.load_builtin", lambda: json_loads.append(1))
    reg = wc.default_registry()
    assert json_loads == []
    assert reg.providers == from_json.providers
    assert reg._index is None  # nothing in the module depends on phonenumbers: built on first use
    assert wc.check_number("95188", provider="alipay", region="CN", registry=reg).is_official


@pytest.mark.parametrize(
    "changes",
    [
        {"header": {"walletcontact": "0.0.0"}},
        {"header": {"format": _snapshot.FORMAT + 1}},
        {"header": {"layout": "Source:url,kind"}},
        {"HEADER": "not a header"},
        {"REGISTRY": b"\x80\x04 damaged"},
        {"REGISTRY": b""},
    ],
    ids=["other-version", "other-format", "other-slot-layout", "no-header", "damaged", "empty"],
)
def test_an_unusable_module_falls_back_to_the_json(
    source: str, from_json: Registry, installed: Any, monkeypatch: pytest.MonkeyPatch, changes: dict[str, Any]
) -> None:
    installed(_module(source, **changes))
    assert _snapshot.load_packaged() is None
    reg = wc.default_registry()  # read from the JSON instead, and correct
    assert reg.providers == from_json.providers
    assert wc.check_number("95188", provider="alipay", region="CN", registry=reg).is_official


def test_no_module_in_a_source_checkout() -> None:
    """Tests run from an editable install: the JSON is what they read."""
    assert _snapshot.MODULE not in sys.modules or sys.modules[_snapshot.MODULE] is None
    assert _snapshot.load_packaged() is None


def test_header_names_the_versions(source: str) -> None:
    mod = _module(source)
    assert mod.HEADER["format"] == _snapshot.FORMAT
    assert mod.HEADER["walletcontact"] == wc.__version__
    # nothing in it depends on the installed phonenumbers, so no phonenumbers release can stale it
    assert "phonenumbers" not in mod.HEADER
