"""The command line, driven as a user would: subprocess, exit codes, JSON, stdin, locales."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def run(*args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "walletcontact", *args],
        input=stdin, capture_output=True, text=True, timeout=120, env={**base, **env},
    )


def test_check_official_exit_0() -> None:
    out = run("check", "95188", "--provider", "alipay", "--region", "CN")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("LOW RISK  OFFICIAL")  # the risk level first
    assert "alipay" in out.stdout and "Sources" in out.stdout and "http" in out.stdout
    assert "\033[" not in out.stdout  # no colour when not a terminal


def test_check_unofficial_exit_1_with_lookalike() -> None:
    out = run("check", "95189", "-p", "alipay", "-r", "CN")
    assert out.returncode == 1
    assert "NOT OFFICIAL" in out.stdout and "95188" in out.stdout and "LOOKALIKE" in out.stdout


def test_check_json() -> None:
    out = run("check", "+86 95189", "--provider", "alipay", "--json")
    assert out.returncode == 1
    data: dict[str, Any] = json.loads(out.stdout)
    assert {"verdict", "provider", "normalized", "reasons"} <= set(data)
    assert data["verdict"] == "unofficial" and data["provider"] == "alipay"
    assert data["lookalike_of"]["number"] == "95188"
    assert all({"code", "message"} <= set(r) for r in data["reasons"])


def test_check_malformed_and_unknown_region() -> None:
    assert run("check", "hello", "-r", "CN").returncode == 1
    out = run("check", "95188", "-r", "XX", "--json")
    assert out.returncode == 1 and json.loads(out.stdout)["verdict"] == "malformed"


def test_caller() -> None:
    out = run("check", "+86 138 0013 8000", "--caller", "--provider", "alipay")
    assert out.returncode == 1
    assert "SPOOFABLE" in out.stdout and "Hang up" in out.stdout
    assert run("check", "+86 138 0013 8000", "--caller").returncode == 2


def test_stdin_streaming_json_lines() -> None:
    numbers = ["95188", "95017", "95189", "", "junk"]
    out = run("check", "-", "--region", "CN", "--json", stdin="\n".join(numbers) + "\n")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["verdict"] for r in rows] == ["official", "official", "unofficial", "malformed"]
    assert out.returncode == 1
    ok = run("check", "-", "-r", "CN", stdin="95188\n95017\n")
    assert ok.returncode == 0
    assert ok.stdout.splitlines() == ["official\talipay\tCN:95188\t95188", "official\twechat-pay\tCN:95017\t95017"]


@pytest.mark.parametrize("encoding", [None, "utf-8:strict"])
def test_bytes_that_are_not_utf8_never_reach_the_output(encoding: str | None) -> None:
    """A log with a stray byte: every line is still answered, and --json stays valid UTF-8 JSON."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    out = subprocess.run(
        [sys.executable, "-m", "walletcontact", "check", "-", "-r", "CN", "--json"],
        input=b"\xff\xfe95188\n95017\n", capture_output=True, timeout=120, env=env,
    )
    rows = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
    assert [(r["number"], r["verdict"]) for r in rows] == [("\ufffd\ufffd95188", "official"), ("95017", "official")]
    arg = subprocess.run(
        [sys.executable, "-m", "walletcontact", "check", b"\xff95188", "-r", "CN", "--json"],
        capture_output=True, timeout=120, env=env,
    )
    assert json.loads(arg.stdout.decode("utf-8"))["number"] == "\ufffd95188"


@pytest.mark.parametrize(
    ("env", "args", "needle"),
    [
        ({"LANG": "zh_CN.UTF-8"}, (), "非官方号码"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, (), "非官方號碼"),
        ({"LANG": "zh_CN.UTF-8"}, ("--locale", "en"), "NOT OFFICIAL"),
        ({}, ("--locale", "zh-Hant"), "非官方號碼"),
    ],
)
def test_locales(env: dict[str, str], args: tuple[str, ...], needle: str) -> None:
    out = run("check", "95189", "-p", "alipay", "-r", "CN", *args, **env)
    assert needle in out.stdout


def test_show_providers_help_with() -> None:
    show = run("show", "wechat-pay", "--locale", "zh-Hans")
    assert show.returncode == 0 and "95017" in show.stdout and "微信支付" in show.stdout
    js = json.loads(run("show", "paypal", "--json").stdout)
    assert js["id"] == "paypal" and js["channels"]
    prov = json.loads(run("providers", "--region", "HK", "--json").stdout)
    assert prov and all("HK" in p["regions"] for p in prov)
    help_ = run("help-with", "unknown-transaction", "--provider", "paypal")
    assert help_.returncode == 0 and "Before you call" in help_.stdout
    js2 = json.loads(run("help-with", "payment-failed", "--json", "--locale", "zh-Hans").stdout)
    assert len(js2["steps"]) >= 3 and js2["before_calling"]


def test_report_export_schema_freshness() -> None:
    assert "96110" in run("report", "CN").stdout
    # no report line, but a report website: shown, exit 0; the JSON lists phone lines only
    bf = run("report", "BF")
    assert bf.returncode == 0 and "https://alerte.bclcc.gov.bf" in bf.stdout
    bf_json = run("report", "BF", "--json")
    assert bf_json.returncode == 1 and json.loads(bf_json.stdout) == []
    # a region the data has nothing for: exit 1, and said; not a region at all: a usage error
    none = run("report", "AE")
    assert none.returncode == 1 and none.stdout == "" and "no report line or report website for AE" in none.stderr
    for args in (("report", "ZZ"), ("providers", "--region", "ZZ"), ("report", "C N")):
        bad = run(*args)
        assert bad.returncode == 2 and bad.stdout == "", args
        assert bad.stderr.startswith("walletcontact: error: unknown region"), bad.stderr
    helped = json.loads(run("help-with", "unknown-transaction", "--provider", "wave", "--json").stdout)
    assert "https://alerte.bclcc.gov.bf" in helped["report_online"]
    doc = json.loads(run("export").stdout)
    assert doc["schema"] == 1 and len(doc["providers"]) >= 50
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    fresh = run("freshness", "--json")
    assert fresh.returncode == 0 and json.loads(fresh.stdout)["stale"] == []


def test_export_validates_against_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    doc = json.loads(run("export").stdout)
    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(doc)
    for p in doc["providers"]:
        for ch in p.get("channels", []):
            assert ch["type"] in ("phone", "website", "app", "social", "community", "email", "ussd", "sms-sender")
            if ch["type"] == "phone":
                assert {"number", "region", "direction", "sources", "verified_on"} <= set(ch)
                assert all("url" in s for s in ch["sources"])


def test_export_round_trips(tmp_path: Any) -> None:
    import walletcontact as wc

    path = tmp_path / "all.json"
    path.write_text(run("export").stdout, encoding="utf-8")
    again = wc.load_registry(path, builtin=False)
    assert [p for p in again] == [p for p in wc.default_registry()]


@pytest.mark.parametrize(
    "args",
    [("check",), ("bogus",), ("check", "1", "--provider", "no-such"), ("help-with", "nope"), ("show", "nope"),
     ("freshness", "--months", "x"), ("freshness", "--months", "-5")],
)
def test_usage_errors_are_one_line(args: tuple[str, ...]) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_no_command_prints_help() -> None:
    out = run()
    assert out.returncode == 2 and "check" in out.stdout


def test_help_lists_every_command_though_each_run_builds_only_its_own() -> None:
    from walletcontact.cli import COMMANDS

    out = run("--help")
    assert out.returncode == 0
    listed = [line.split()[0] for line in out.stdout.splitlines() if line[:4] == "    " and line[4:5].isalpha()]
    assert listed == list(COMMANDS)
    wrong = run("chek", "95188")
    assert wrong.returncode == 2
    assert all(repr(name) in wrong.stderr for name in COMMANDS), wrong.stderr
    one = run("check", "--help")
    assert one.returncode == 0 and "--provider" in one.stdout and "freshness" not in one.stdout


@pytest.mark.parametrize("columns", [60, 200])
def test_help_fits_the_terminal_width(columns: int) -> None:
    """COLUMNS is honoured as argparse honours it (the width is read without shutil)."""
    out = run("check", "--help", COLUMNS=str(columns))
    assert max(len(line) for line in out.stdout.splitlines()) <= columns - 2
    usage = out.stdout.split("\n\n")[0]
    assert (len(usage.splitlines()) == 1) is (columns == 200)


def _documented_runs() -> list[tuple[str, list[str]]]:
    """Each ``$ walletcontact ...`` line in docs/cli.md with the output shown under it."""
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    runs: list[tuple[str, list[str]]] = []
    shown: list[str] | None = None  # the output lines of the run being read, inside a block
    for line in text.splitlines():
        if line.startswith("```"):
            shown = None
        elif line.startswith("$ walletcontact "):
            shown = []
            runs.append((line[2:], shown))
        elif shown is not None:
            shown.append(line)
    return runs


@pytest.mark.parametrize(("command", "shown"), _documented_runs(), ids=lambda v: v if isinstance(v, str) else "")
def test_documented_output_is_what_the_command_prints(command: str, shown: list[str]) -> None:
    import shlex

    out = run(*shlex.split(command)[1:], COLUMNS="100")
    lines = out.stdout.splitlines()
    if shown and shown[0].startswith("{"):
        assert [json.loads(x) for x in lines] == [json.loads(x) for x in shown]
    elif shown and shown[-1].strip() == "...":
        assert lines[: len(shown) - 1] == shown[:-1]
    else:
        assert lines == shown


def test_freshness_names_what_is_stale() -> None:
    from datetime import date

    from walletcontact.registry import stale_records

    later = stale_records(18, today=date(2031, 1, 1))  # everything is older than 18 months by then
    assert any(r["record"] == "alipay" for r in later)
    assert any(r["record"].startswith("alipay.channels[") for r in later)
    assert stale_records(18, today=date(2026, 12, 1)) == []
    out = run("freshness", "--months", "0", "--json")  # nothing was verified later than today
    assert out.returncode == 1 and json.loads(out.stdout)["stale"]


def test_every_option_and_argument_has_help_text() -> None:
    from walletcontact.cli import _build_parser

    parser = _build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():  # type: ignore[union-attr]
        for action in sub._actions:
            assert action.help, (name, action.dest)


def test_an_unknown_provider_gets_did_you_mean() -> None:
    out = run("check", "95188", "--provider", "Paytem", "--region", "IN")
    assert out.returncode == 2
    assert "did you mean: paytm" in out.stderr


def test_an_ambiguous_name_lists_the_candidates_and_the_region_that_settles_it() -> None:
    out = run("check", "95188", "--provider", "微信")
    assert out.returncode == 2
    assert "wechat-pay-hk" in out.stderr and "wechat-pay" in out.stderr and "--region CN or --region HK" in out.stderr
    settled = run("check", "95017", "--provider", "微信", "--region", "CN")
    assert settled.returncode == 0 and "wechat-pay" in settled.stdout


def test_help_with_lists_its_topics_in_the_chosen_locale() -> None:
    out = run("help-with", "--locale", "zh-Hans")
    assert out.returncode == 0 and "payment-failed" in out.stdout and "支付失败" in out.stdout
    assert "payment-failed" in run("help-with", "--help").stdout


def test_help_with_labels_report_lines_with_their_region_and_repeats_no_step() -> None:
    out = run("help-with", "unknown-transaction", "--provider", "paypal", "--region", "GB", "--json")
    doc = json.loads(out.stdout)
    assert len(doc["steps"]) == len(set(doc["steps"]))
    assert not set(doc["steps"]) & set(doc["before_calling"])
    text = run("help-with", "unknown-transaction", "--provider", "alipay").stdout
    assert "96110 (CN)" in text


def test_data_option_layers_custom_data(tmp_path: Path) -> None:
    from _factory import make_provider

    data = tmp_path / "acme.json"
    data.write_text(json.dumps(make_provider()), encoding="utf-8")
    out = run("check", "+44 20 7946 0000", "--provider", "acme-pay", "--region", "GB", "--data", str(data))
    assert out.returncode == 0, out.stderr
    assert run("show", "acme-pay", "--data", str(data)).returncode == 0
    assert run("show", "acme-pay").returncode == 2  # not without the layer
    assert "acme-pay" in run("providers", "--region", "GB", "--data", str(data)).stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    broken = run("check", "95188", "--data", str(bad))
    assert broken.returncode == 2 and "bad.json" in broken.stderr


def _data_strings() -> list[str]:
    """Every text of the data (names, labels, notes, steps...): it falls back to English where the
    data has no translation, and is not the command line's own words."""
    import walletcontact as wc

    found: set[str] = set()

    def walk(o: Any) -> None:
        if isinstance(o, str):
            found.add(o)
        elif isinstance(o, dict):
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    walk(wc.export())
    for topic in ("payment-failed", "password-reset", "unknown-transaction", "close-account", "transfer-failed",
                  "before-calling", "call-timing"):
        proc = wc.get_procedure(topic)
        found.update([proc.title, *proc.steps, proc.escalate, proc.limits or ""])
    return sorted((s for s in found if len(s) > 2), key=len, reverse=True)


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "es", "pt", "id", "ja", "ko", "vi", "th", "hi"])
def test_no_english_word_of_the_command_line_is_left_in_another_language(locale: str) -> None:
    """show, help-with, check and report in every shipped language: the command line's own words
    (labels, directions, purposes, costs, days, source kinds, risk and verdict) are all translated."""
    import re

    from walletcontact.messages import WORDS

    outputs = [
        run("show", "paypal", "--locale", locale).stdout,
        run("show", "wechat-pay", "--locale", locale).stdout,
        run("show", "m-pesa", "--locale", locale).stdout,
        run("help-with", "unknown-transaction", "--provider", "paypal", "--region", "GB", "--locale", locale).stdout,
        run("help-with", "--locale", locale).stdout,
        run("check", "95188", "--provider", "alipay", "--region", "CN", "--locale", locale).stdout,
        run("check", "95189", "--provider", "alipay", "--region", "CN", "--locale", locale).stdout,
        run("check", "0722000000", "--caller", "--provider", "m-pesa", "--region", "KE", "--locale", locale).stdout,
        run("report", "CN", "--locale", locale).stdout,
        run("report", "BF", "--locale", locale).stdout,
    ]
    text = "\n".join(outputs)
    for s in _data_strings():
        text = text.replace(s, " ")
    text = re.sub(r"https?://\S+|\b[\w.-]+\.(?:com|cn|ke|org|net|gov|hk|uk|bf)\b", " ", text)
    text = re.sub(r"\[[A-Z_]+\]", " ", text)  # reason codes are for programs: the same in every language
    forbidden = {"inbound", "outbound", "fraud-report", "account-security", "toll-free", "shared-cost", "mon-sun",
                 "mon-fri", "third-party", "official)", "reported)"}
    for by_locale in WORDS.values():
        english = by_locale["en"]
        if by_locale[locale] != english and len(english) > 3:
            forbidden.add(english)
    left = sorted(w for w in forbidden if re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text))
    assert left == [], (locale, left)


def test_the_risk_level_is_coloured_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from walletcontact.terminal import Style

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Style(Tty())("HIGH RISK", "31;1") == "\033[31;1mHIGH RISK\033[0m"
    monkeypatch.setenv("NO_COLOR", "1")
    assert Style(Tty())("HIGH RISK", "31;1") == "HIGH RISK"
    assert Style(io.StringIO())("HIGH RISK", "31;1") == "HIGH RISK"
