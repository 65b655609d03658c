"""Custom data: broken documents with their messages, layering, replace/extend, plugins, lint."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import walletcontact as wc
from walletcontact.load import packaged

BROKEN = Path(__file__).parent / "broken"
EXPECTED: dict[str, str] = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))


def test_corpus_is_large_enough() -> None:
    assert len(EXPECTED) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_document_message(name: str) -> None:
    before = wc.default_registry()
    with pytest.raises(wc.DataError) as info:
        wc.load_registry(BROKEN / name)
    err = info.value
    assert isinstance(err, ValueError)
    text = str(err)
    assert EXPECTED[name] in text, text
    # every problem names the file and a JSON path
    assert all(p.startswith(str(BROKEN / name) + ": $") for p in err.problems), err.problems
    assert wc.default_registry() is before  # nothing half-loaded, default untouched


def test_lint_command_reports_every_problem(tmp_path: Path) -> None:
    bad = BROKEN / "10-official-without-official-source.json"
    out = subprocess.run(
        [sys.executable, "-m", "walletcontact", "lint", str(bad), str(BROKEN / "05-impossible-number.json")],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert any("$.channels[1].confidence" in line and str(bad) in line for line in lines)
    assert any("$.channels[1].number" in line for line in lines)
    assert "Traceback" not in out.stderr


def test_lint_ok(acme_file: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "walletcontact", "lint", str(acme_file)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout


def test_new_provider_adds_and_checks(acme_file: Path) -> None:
    reg = wc.load_registry(acme_file)
    r = wc.check_number("+44 20 7946 0000", provider="acme-pay", registry=reg)
    assert r.is_official and r.origin == str(acme_file)
    assert reg.origin("acme-pay") == str(acme_file) and reg.origin("alipay") == "builtin"
    assert wc.find_provider("acme-pay") is None  # the default registry is untouched
    assert len(reg) == len(wc.default_registry()) + 1


def test_sources_of_every_kind(tmp_path: Path, acme_doc: dict[str, Any]) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(acme_doc), encoding="utf-8")
    toml = folder / "b.toml"
    toml.write_text(
        'schema = 1\nid = "toml-pay"\noperator = "T"\nregions = ["GB"]\ndomains = ["toml.example.com"]\n'
        'verified_on = 2026-01-01\n[names]\nen = "Toml Pay"\n[phone_support]\nstatus = "unlisted"\n'
        '[[sources]]\nurl = "https://toml.example.com/"\nkind = "official"\nseen = 2026-01-01\n',
        encoding="utf-8",
    )
    reg = wc.load_registry(folder)
    assert {"acme-pay", "toml-pay"} <= {p.id for p in reg}
    provider = reg.get("acme-pay")
    reg2 = wc.load_registry(provider, {"schema": 1, "providers": []})
    assert reg2.get("acme-pay") == provider
    no_builtin = wc.load_registry(acme_doc, builtin=False)
    assert [p.id for p in no_builtin] == ["acme-pay"]


def test_replace_must_be_asked_for(acme_doc: dict[str, Any]) -> None:
    fix = dict(acme_doc, id="alipay", regions=["CN"], domains=["alipay.com"])
    fix["channels"] = [dict(acme_doc["channels"][0], url="https://alipay.com/help",
                             sources=[{"url": "https://alipay.com/help", "kind": "official", "seen": "2026-01-01"}])]
    fix["phone_support"] = {"status": "unlisted"}
    fix["sources"] = [{"url": "https://alipay.com/", "kind": "official", "seen": "2026-01-01"}]
    with pytest.raises(wc.DataError, match="replace=True"):
        wc.load_registry(fix)
    reg = wc.load_registry(fix, replace=True)
    assert reg.get("alipay").phones == ()
    assert not wc.check_number("95188", provider="alipay", region="CN", registry=reg).is_official
    assert wc.check_number("95188", provider="alipay", region="CN").is_official  # default untouched


def test_extension_needs_extend_and_remembers_origin(tmp_path: Path) -> None:
    ext = {
        "schema": 1,
        "extensions": [{
            "id": "wechat-pay",
            "channels": [{
                "type": "phone", "number": "+86 571 9501 7000", "region": "CN", "direction": "inbound",
                "confidence": "official",
                "sources": [{"url": "https://pay.weixin.qq.com/x", "kind": "official", "seen": "2026-01-01"}],
                "verified_on": "2026-01-01",
            }],
        }],
    }
    path = tmp_path / "ext.json"
    path.write_text(json.dumps(ext), encoding="utf-8")
    with pytest.raises(wc.DataError, match="extend=True"):
        wc.load_registry(path)
    reg = wc.load_registry(path, extend=True)
    r = wc.check_number("+86 571 9501 7000", provider="wechat-pay", registry=reg)
    assert r.is_official and r.origin == str(path)
    assert wc.check_number("95017", provider="wechat-pay", registry=reg).origin == "builtin"
    # an extension cannot make a number official without an official source on the provider's domain
    ext["extensions"][0]["channels"][0]["sources"] = [{"url": "https://evil.example.com/", "kind": "official", "seen": "2026-01-01"}]
    path.write_text(json.dumps(ext), encoding="utf-8")
    with pytest.raises(wc.DataError, match="confidence") as info:
        wc.load_registry(path, extend=True)
    # reported where it was written: the extension's file and path, not the built-in record
    assert info.value.problems[0].startswith(f"{path}: $.extensions[0].channels[0].confidence: "), info.value.problems
    # a registry used as a source keeps where each added channel came from
    again = wc.load_registry(reg, builtin=False)
    added = len(again.get("wechat-pay").channels) - 1
    assert again.origin("wechat-pay", added) == str(path) and again.origin("wechat-pay", 0) == "builtin"


def test_an_extension_cannot_take_a_number_and_is_named_for_it(tmp_path: Path) -> None:
    phone = {
        "type": "phone", "number": "95017", "region": "CN", "direction": "inbound", "confidence": "official",
        "sources": [{"url": "https://www.alipay.com/x", "kind": "official", "seen": "2026-01-01"}],
        "verified_on": "2026-01-01",
    }
    path = tmp_path / "ext.json"
    path.write_text(json.dumps({"schema": 1, "extensions": [{"id": "alipay", "channels": [phone]}]}), encoding="utf-8")
    with pytest.raises(wc.DataError) as info:
        wc.load_registry(path, extend=True)
    assert info.value.problems == (
        f"{path}: $.extensions[0].channels[0].number: number CN:95017 is also claimed by wechat-pay; "
        "declare it in shared_with if the number is shared",
    )


def test_lower_layer_cannot_take_over_a_builtin_number(acme_doc: dict[str, Any]) -> None:
    acme_doc["regions"] = ["CN"]
    acme_doc["channels"][1].update(number="95017", region="CN")
    with pytest.raises(wc.DataError, match="also claimed by wechat-pay"):
        wc.load_registry(acme_doc)
    # unless it declares the number shared, as the message says
    acme_doc["channels"][1]["shared_with"] = ["wechat-pay"]
    reg = wc.load_registry(acme_doc)
    r = wc.check_number("95017", provider="acme-pay", region="CN", registry=reg)
    assert r.is_official and r.origin == "<mapping>"


def test_set_default_registry_swaps_in_one_step(acme_file: Path) -> None:
    reg = wc.load_registry(acme_file)
    previous = wc.set_default_registry(reg)
    try:
        assert wc.get_provider("acme-pay").id == "acme-pay"
        assert wc.check_number("+44 20 7946 0000", provider="acme-pay").is_official
    finally:
        wc.set_default_registry(previous)
    assert wc.find_provider("acme-pay") is None
    with pytest.raises(TypeError):
        wc.set_default_registry("nope")  # type: ignore[arg-type]


def test_registry_load_count_unchanged_by_custom_loads(acme_file: Path) -> None:
    before = packaged.loads
    wc.load_registry(acme_file)
    assert packaged.loads == before


def test_oversized_document(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text('{"schema": 1, "providers": [' + ",".join(['"x"'] * 3_000_000) + "]}", encoding="utf-8")
    with pytest.raises(wc.DataError, match="too large"):
        wc.load_registry(big)


@pytest.mark.parametrize(
    ("extensions", "message"),
    [
        ({"id": "alipay"}, "$.extensions: expected a list"),
        ([{"channels": []}], "$.extensions[0]: an extension is an object with an 'id'"),
        (["alipay"], "$.extensions[0]: an extension is an object with an 'id'"),
        ([{"id": "alipay", "names": {"en": "x"}}], "$.extensions[0]: unknown key(s): names"),
        ([{"id": "no-such-wallet", "channels": []}], "$.extensions[0].id: no provider 'no-such-wallet' to extend"),
        ([{"id": "alipay", "channels": [{"type": "fax"}]}], "$.extensions[0].channels[0]: unknown channel type 'fax'"),
        ([{"id": "alipay", "channels": 1.5}], "$.extensions[0].channels: expected a list, got a number"),
        ([{"id": "alipay", "known_fakes": {"number": "1"}}], "$.extensions[0].known_fakes: expected a list, got an object"),
    ],
)
def test_bad_extensions(extensions: Any, message: str) -> None:
    with pytest.raises(wc.DataError) as info:
        wc.load_registry({"schema": 1, "extensions": extensions}, extend=True)
    assert any(message in p for p in info.value.problems), info.value.problems


def test_unsupported_sources() -> None:
    with pytest.raises(TypeError):
        wc.load_registry(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        wc.load_registry(["not a provider"])  # type: ignore[list-item]
    with pytest.raises(wc.DataError, match="no such file"):
        wc.load_registry("/nonexistent/walletcontact.json")


def test_hours_problems_name_the_span_they_are_in(acme_doc: dict[str, Any]) -> None:
    phone = acme_doc["channels"][1]
    phone["busy"] = [{"days": ["mon"], "start": "09:00", "end": "10:00"}]
    phone["hours"] = {"time_zone": "Europe/London", "spans": [{"days": ["mon"], "start": "25:00", "end": "26:00"}]}
    with pytest.raises(wc.DataError) as info:
        wc.load_registry(acme_doc)
    assert any("$.channels[1].hours.spans[0].start: not a time HH:MM: '25:00'" in p for p in info.value.problems)
    assert not any(".busy[" in p or "spans[1]" in p for p in info.value.problems), info.value.problems


def test_set_default_registry_returns_what_restores_the_default(acme_file: Path) -> None:
    """The previous default is returned even before anything was loaded (the built-in data),
    and custom data always layers onto the built-in data, not onto the current default."""
    fresh = subprocess.run(
        [sys.executable, "-c", (
            "import walletcontact as wc\n"
            "empty = wc.Registry.from_providers([])\n"
            "old = wc.set_default_registry(empty)\n"
            "print(old is not empty, len(wc.default_registry()))\n"
            "print(wc.load_registry().find('alipay') is not None, 'payment-failed' in wc.load_registry(builtin=False).generic_procedures)\n"
            "wc.set_default_registry(old)\n"
            "print(wc.find_provider('alipay').id)\n"
        )],
        capture_output=True, text=True, timeout=120, check=True,
    )
    assert fresh.stdout.split() == ["True", "0", "True", "True", "alipay"], fresh.stdout
    reg = wc.load_registry(acme_file)
    previous = wc.set_default_registry(reg)
    try:
        assert wc.load_registry().find("acme-pay") is None  # built on the built-in data
    finally:
        assert wc.set_default_registry(previous) is reg


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("sources", "https://acme.example.com/", "a string"),  # was one error per character
        ("channels", {"type": "website"}, "an object"),  # was read key by key
        ("known_fakes", "12345", "a string"),
        ("channels", None, "null"),
    ],
)
def test_a_list_field_given_something_else_is_one_clear_problem(
    acme_doc: dict[str, Any], field: str, value: Any, kind: str
) -> None:
    acme_doc[field] = value
    with pytest.raises(wc.DataError) as info:
        wc.load_registry(acme_doc)
    assert info.value.problems == (f"<mapping>: $.{field}: expected a list, got {kind}",)


def test_directories_are_read_to_the_bottom_on_disk_and_in_a_zip(tmp_path: Path, acme_doc: dict[str, Any]) -> None:
    """A plugin's data folder may have subfolders; a zip (a Traversable) is read as deep as a
    directory on disk, and the problems name the file inside it."""
    import zipfile

    tree = tmp_path / "tree"
    (tree / "sub" / "deeper").mkdir(parents=True)
    (tree / "sub" / "deeper" / "acme.JSON").write_text(json.dumps(acme_doc), encoding="utf-8")
    (tree / "sub" / "notes.txt").write_text("not data", encoding="utf-8")
    archive = tmp_path / "tree.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(tree / "sub" / "deeper" / "acme.JSON", "tree/sub/deeper/acme.JSON")
        zf.write(tree / "sub" / "notes.txt", "tree/sub/notes.txt")
    on_disk = wc.load_registry(tree, builtin=False)
    zipped = wc.load_registry(zipfile.Path(archive, "tree/"), builtin=False)
    assert [p.id for p in on_disk] == [p.id for p in zipped] == ["acme-pay"]
    assert on_disk.origin("acme-pay") == f"{tree}/sub/deeper/acme.JSON"
    assert zipped.origin("acme-pay").endswith("tree/sub/deeper/acme.JSON")
