"""Hostile inputs: things that cost. Each answer must come quickly and in bounded memory.

Time is measured with ``perf_counter`` and memory with ``tracemalloc`` (Python allocations only),
both in-test. The limits are deliberately loose: they are there to catch a hang or a copy of a huge
input, not to benchmark (``docs/hardening.md`` has the measured figures).
"""

from __future__ import annotations

import itertools
import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import walletcontact as wc

MiB = 1 << 20
QUICK = 2.0  # seconds: generous, only to catch a hang

SEEN = "2026-11-01"


def _doc(**over: Any) -> dict[str, Any]:
    """A small valid single-provider document (like tests/conftest.py::make_provider)."""
    src = [{"url": "https://acme.example.com/contact", "kind": "official", "seen": SEEN}]
    doc: dict[str, Any] = {
        "schema": 1,
        "id": "acme-pay",
        "names": {"en": "Acme Pay"},
        "operator": "Acme Payments Ltd",
        "regions": ["GB"],
        "domains": ["acme.example.com"],
        "phone_support": {"status": "published"},
        "channels": [
            {"type": "phone", "number": "+44 20 7946 0000", "region": "GB", "direction": "inbound",
             "confidence": "official", "sources": src, "verified_on": SEEN},
        ],
        "sources": [{"url": "https://acme.example.com/", "kind": "official", "seen": SEEN}],
        "verified_on": SEEN,
    }
    doc.update(over)
    return doc


def measure(fn: Callable[[], Any]) -> tuple[Any, float, int]:
    """``(result or the exception raised, seconds, tracemalloc peak in bytes)``."""
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        result: Any = fn()
    except Exception as exc:
        result = exc
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Load the data, build the index and import the lazy modules before anything is measured."""
    wc.preload()
    wc.check_number("95188", provider="alipay", region="CN")
    wc.check_caller("+86 138 0013 8000", claimed_provider="alipay")
    wc.check_number("x" * 200, region="CN")
    wc.load_registry(_doc(), builtin=False)


# ---------------------------------------------------------------- huge "numbers"

HUGE = {
    "letters": "x" * 1_000_000,
    "digits": "1" * 1_000_000,
    "plus-digits": "+86" + "1" * 1_000_000,
    "zero-width-spaces": "\u200b" * 1_000_000,
    "rtl-overrides": "\u202e" * 1_000_000,
    "arabic-indic-digits": "\u0661" * 1_000_000,
    "digits-in-zero-width": "9\u200b5\u200b1\u200b8\u200b8\u200b" * 200_000,
    "astral": "\U0001d7ce" * 1_000_000,  # mathematical digit zero: 4 bytes a character
}


@pytest.mark.parametrize("kind", list(HUGE))
def test_a_megabyte_number_is_malformed_quickly(kind: str) -> None:
    number = HUGE[kind]

    def work() -> Any:
        checks = (
            wc.check_number(number, region="CN"),
            wc.check_number(number, provider="alipay"),
            wc.check_number(number),
            wc.check_caller(number, claimed_provider="alipay", region="CN"),
        )
        return checks, wc.is_official_number(number, provider="alipay", region="CN")

    result, elapsed, peak = measure(work)
    assert not isinstance(result, Exception), result
    checks, official = result
    assert [c.verdict for c in checks] == ["malformed"] * 4
    assert official is False
    assert elapsed < QUICK, elapsed
    assert peak < 512 * 1024, peak  # not even one copy of the input (1-4 MB in memory) is made


@pytest.mark.parametrize("kind", list(HUGE))
def test_validate_number_refuses_a_megabyte_number_quickly(kind: str) -> None:
    number = HUGE[kind]
    result, elapsed, peak = measure(lambda: wc.validate_number(number, provider="alipay", region="CN"))
    assert isinstance(result, wc.MalformedNumberError), result
    assert elapsed < QUICK, elapsed
    # The error message embeds repr(number): up to 6 characters per input character ("\u200b"),
    # built twice. Measured: 2 MB for 1 MB of ASCII, 12 MB for 10**6 zero-width spaces.
    assert peak < 32 * MiB, peak


def test_huge_region_and_provider_strings_are_cheap() -> None:
    def work() -> Any:
        r = wc.check_number("95188", region="C" * 1_000_000)
        with pytest.raises(wc.UnknownProviderError):
            wc.check_number("95188", provider="p" * 1_000_000)
        return r, wc.is_official_number("95188", provider="\u202e" * 1_000_000)

    result, elapsed, peak = measure(work)
    assert not isinstance(result, Exception), result
    r, official = result
    assert r.verdict == "malformed" and official is False
    assert elapsed < QUICK, elapsed
    assert peak < 16 * MiB, peak


# ---------------------------------------------------------------- huge documents


def _write_streaming(path: Path, head: str, chunk: str, tail: str, total: int) -> None:
    """Write ``head + chunk * n + tail`` of about ``total`` bytes, 1 MiB at a time."""
    with path.open("w", encoding="utf-8") as f:
        f.write(head)
        size = len(head)
        block = chunk * max(1, MiB // len(chunk))
        while size < total:
            f.write(block)
            size += len(block)
        f.write(tail)


@pytest.fixture(scope="module")
def hundred_mb_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hundred-mb")
    files = {}
    # one huge string
    files["string"] = folder / "string" / "huge-string.json"
    files["string"].parent.mkdir()
    _write_streaming(files["string"], '{"schema": 1, "id": "', "a" * 1024, '"}', 100 * MiB)
    # many provider entries
    one = json.dumps({k: v for k, v in _doc().items() if k != "schema"})
    files["entries"] = folder / "entries" / "many-entries.json"
    files["entries"].parent.mkdir()
    _write_streaming(files["entries"], '{"schema": 1, "providers": [' + one, ", " + one, "]}", 100 * MiB)
    return files


@pytest.mark.parametrize("kind", ["string", "entries"])
def test_a_100_mb_file_is_refused_without_reading_it(kind: str, hundred_mb_files: dict[str, Path]) -> None:
    path = hundred_mb_files[kind]
    assert path.stat().st_size >= 100 * MiB
    for source in (path, str(path), path.parent):  # the file, by name, and in a directory
        result, elapsed, peak = measure(lambda s=source: wc.load_registry(s, builtin=False))
        assert isinstance(result, wc.DataError), result
        assert "too large" in str(result)
        assert elapsed < QUICK, elapsed
        assert peak < 1 * MiB, peak  # far below the 100 MB on disk: the file was never read


class _Folder:
    """A minimal ``importlib.resources`` Traversable over a directory (not ``os.PathLike``): what a
    plugin package or a zip hands to ``load_registry``."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self.name = path.name

    def iterdir(self) -> Iterator[_Folder]:
        return (_Folder(p) for p in self._path.iterdir())

    def is_dir(self) -> bool:
        return self._path.is_dir()

    def is_file(self) -> bool:
        return self._path.is_file()

    def read_bytes(self) -> bytes:
        return self._path.read_bytes()

    def open(self, *args: Any, **kwargs: Any) -> Any:
        return self._path.open(*args, **kwargs)

    def joinpath(self, *names: str) -> _Folder:
        return _Folder(self._path.joinpath(*names))

    __truediv__ = joinpath


def test_a_100_mb_file_in_a_traversable_is_refused_without_reading_it(hundred_mb_files: dict[str, Path]) -> None:
    from walletcontact.load.documents import MAX_DOCUMENT_BYTES

    folder = _Folder(hundred_mb_files["string"].parent)
    result, elapsed, peak = measure(lambda: wc.load_registry(folder, builtin=False))
    assert isinstance(result, wc.DataError), result
    assert "too large" in str(result)
    assert elapsed < QUICK, elapsed
    # a Traversable has no size to ask for: at most the limit (plus one byte) is read, never the file
    assert peak < MAX_DOCUMENT_BYTES + 1 * MiB, peak


# ---------------------------------------------------------------- deep nesting


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("array.json", "[" * 100_000 + "]" * 100_000),
        ("object.json", '{"a":' * 100_000 + "1" + "}" * 100_000),
        ("in-provider.json", '{"schema": 1, "id": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("unclosed.json", "[" * 100_000),
        ("array.toml", "a = " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("table.toml", "a = " + "{b = " * 100_000 + "1" + "}" * 100_000 + "\n"),
    ],
)
def test_deep_nesting_is_a_data_error(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result, elapsed, peak = measure(lambda: wc.load_registry(path, builtin=False))
    assert isinstance(result, wc.DataError), repr(result)  # not RecursionError
    assert elapsed < QUICK, elapsed
    assert peak < 64 * MiB, peak


def _nested_list(depth: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(depth):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


@pytest.mark.parametrize(
    "where", ["id", "names", "regions", "channels", "direction", "unknown-key", "providers", "extensions"]
)
def test_deep_nesting_in_a_mapping_is_a_data_error(where: str) -> None:
    """A Python mapping skips the JSON parser (and its depth check): still DataError, no RecursionError."""
    deep = _nested_list(100_000)
    doc = _doc()
    if where == "direction":
        doc["channels"][0]["direction"] = deep
    elif where == "unknown-key":
        doc["x"] = deep
    elif where == "providers":
        doc = {"schema": 1, "providers": [deep]}
    elif where == "extensions":
        doc = {"schema": 1, "extensions": [{"id": "acme-pay", "channels": deep}]}
    else:
        doc[where] = deep
    result, elapsed, _ = measure(lambda: wc.load_registry(doc, builtin=False, extend=True))
    assert isinstance(result, wc.DataError), repr(result)
    assert elapsed < QUICK, elapsed


# ---------------------------------------------------------------- many keys, many items


def _distinct_keys(n: int) -> Iterator[str]:
    """The ``n`` shortest distinct JSON-safe ASCII keys (so that 10**6 of them fit in 8 MiB)."""
    alphabet = [c for c in map(chr, range(32, 127)) if c not in '"\\']
    every = (
        "".join(t) for size in itertools.count(1) for t in itertools.product(alphabet, repeat=size)
    )
    return itertools.islice(every, n)


@pytest.mark.parametrize("count", [1_000_000, 400_000])
def test_a_million_keys_is_refused_in_bounded_time(tmp_path: Path, count: int) -> None:
    """Over the size limit (10**6 keys) or under it but over the value limit (4 * 10**5)."""
    from walletcontact.load.documents import MAX_DOCUMENT_BYTES

    path = tmp_path / "keys.json"
    with path.open("w", encoding="utf-8") as f:
        f.write("{")
        f.write(",".join(f'"{k}":0' for k in _distinct_keys(count)))
        f.write("}")
    result, elapsed, peak = measure(lambda: wc.load_registry(path, builtin=False))
    assert isinstance(result, wc.DataError), result
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        assert "too large" in str(result)
    else:
        assert "too many values" in str(result)
    assert elapsed < 30, elapsed
    assert peak < 256 * MiB, peak


def test_many_valid_aliases_load_in_bounded_time(tmp_path: Path) -> None:
    from walletcontact.load.documents import MAX_LIST_ITEMS

    path = tmp_path / "aliases.json"
    path.write_text(json.dumps(_doc(aliases=[f"Acme {i}" for i in range(MAX_LIST_ITEMS)])), encoding="utf-8")
    result, elapsed, peak = measure(lambda: wc.load_registry(path, builtin=False))
    assert isinstance(result, wc.Registry), result
    assert elapsed < 30, elapsed
    assert peak < 256 * MiB, peak
    path.write_text(json.dumps(_doc(aliases=[f"Acme {i}" for i in range(200_000)])), encoding="utf-8")
    result, elapsed, _ = measure(lambda: wc.load_registry(path, builtin=False))
    assert isinstance(result, wc.DataError), result
    assert "$.aliases: list has too many items" in str(result)
    assert elapsed < QUICK * 10, elapsed


def test_many_bad_items_cost_memory_in_proportion_to_the_document(tmp_path: Path) -> None:
    path = tmp_path / "channels.json"
    path.write_text(json.dumps(_doc(channels=[0] * 50_000)), encoding="utf-8")
    size = path.stat().st_size  # ~150 KB; a full 8 MiB document holds ~4 million such items
    result, _, peak = measure(lambda: wc.load_registry(path, builtin=False))
    assert isinstance(result, wc.DataError), result
    assert peak < 32 * MiB, f"{peak / MiB:.0f} MiB for a {size / 1024:.0f} KiB document"


# ---------------------------------------------------------------- streams


class _Counting:
    """An iterator that counts how many items were pulled from it."""

    def __init__(self, items: Iterator[Any]) -> None:
        self._items = items
        self.pulled = 0

    def __iter__(self) -> _Counting:
        return self

    def __next__(self) -> Any:
        item = next(self._items)
        self.pulled += 1
        return item


def _call_log(n: int) -> Iterator[str]:
    """A call log with repeats: 1,000 mobile numbers, official numbers, junk, long junk."""
    specials = ["95188", "95017", "+86 95188", "9518 8", "110", "hello", "", "\u202e95188", "x" * 300]
    for i in range(n):
        if i % 10 == 0:
            yield specials[(i // 10) % len(specials)]
        else:
            k = i % 1000
            yield f"+86 138 {k:04d} {k * 7 % 10_000:04d}"


def test_check_many_streams_a_generator_in_bounded_memory() -> None:
    stream = _Counting(_call_log(100_000))
    results = wc.check_many(stream, region="CN")
    first = next(results)
    assert stream.pulled == 1  # lazy: nothing is read ahead
    assert first.verdict == "official"

    def consume() -> tuple[int, int]:
        count = official = 0
        for r in results:  # one at a time; nothing kept
            count += 1
            official += r.is_official
        return count, official

    result, elapsed, peak = measure(consume)
    assert not isinstance(result, Exception), result
    assert result[0] == 99_999 and result[1] > 0
    assert stream.pulled == 100_000
    assert elapsed < 60, elapsed
    assert peak < 32 * MiB, peak


@pytest.mark.slow
def test_check_many_cache_bounds_memory_on_distinct_numbers() -> None:
    """Every string distinct: memory is bounded by ``cache_size``, not by the stream."""

    def consume(cache_size: int) -> int:
        stream = (f"{i:0200d}" for i in range(100_000))  # distinct, and cheap to reject
        return sum(1 for _ in wc.check_many(stream, region="CN", cache_size=cache_size))

    small, elapsed, peak_small = measure(lambda: consume(1_000))
    assert small == 100_000
    assert elapsed < 60, elapsed
    assert peak_small < 8 * MiB, peak_small
    large, elapsed, peak_large = measure(lambda: consume(65_536))  # a large cache_size
    assert large == 100_000
    assert elapsed < 60, elapsed
    # measured ~52 MiB: ~0.8 KiB per cached answer, 65,536 answers at most
    assert peak_large < 128 * MiB, peak_large

    def consume_default() -> int:  # what users get: check_many's own default cache_size
        stream = (f"{i:0200d}" for i in range(100_000))
        return sum(1 for _ in wc.check_many(stream, region="CN"))

    default, elapsed, peak_default = measure(consume_default)
    assert default == 100_000
    assert elapsed < 60, elapsed
    assert peak_default < 16 * MiB, peak_default  # 4,096 answers at most


def test_padded_arguments_are_answered_but_not_kept_in_the_answer_cache() -> None:
    """A megabyte of padding around a region still reads as that region; the memo of official
    answers (65,536 entries) must not hold on to such keys."""
    reg = wc.default_registry()
    idx = reg.phone_index()
    padded = "CN" + " " * 1_000_000
    for _ in range(3):
        assert wc.check_number("95188", region=padded).is_official
        assert wc.check_number("95-188", provider="alipay", region=padded).is_official
    kept = list(idx.memo)
    assert kept and all(len(str(part)) <= 64 for key in kept for part in key[1:]), "a padded key was kept"


# ---------------------------------------------------------------- hostile directories, terminals, URLs, origins


def _fifo(path: Path) -> Path:
    import os

    os.mkfifo(path)
    return path


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("kind", ["fifo", "link-to-fifo", "device", "socket", "fifo-given-directly"])
def test_only_regular_files_are_read(tmp_path: Path, kind: str) -> None:
    """A FIFO would block the read for ever, a device may never end: each is a problem with its
    path, reported at once, and nothing is loaded."""
    import os
    import socket

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "good.json").write_text(json.dumps(_doc()), encoding="utf-8")
    target: Path = folder
    if kind == "fifo":
        _fifo(folder / "pipe.json")
    elif kind == "link-to-fifo":
        os.symlink(_fifo(tmp_path / "elsewhere"), folder / "link.json")
    elif kind == "device":
        os.symlink("/dev/zero", folder / "zero.json")
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(folder / "sock.json"))
    else:
        target = _fifo(tmp_path / "direct.json")
    before = wc.default_registry()
    start = time.perf_counter()
    with pytest.raises(wc.DataError) as info:
        wc.load_registry(target)
    assert time.perf_counter() - start < QUICK
    assert any("not a regular file" in p for p in info.value.problems), info.value.problems
    assert wc.default_registry() is before
    if kind == "socket":
        sock.close()


ESCAPES = "\x1b[2J\nok: 1 file(s)\n\u202e"


def test_data_errors_never_carry_control_characters(tmp_path: Path) -> None:
    """File names and keys reach messages escaped: no screen clearing, no forged lines."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / f"{ESCAPES}.json").write_text(json.dumps(_doc(**{"x\n<mapping>: $: all good\x1b[0m": 1})), encoding="utf-8")
    with pytest.raises(wc.DataError) as info:
        wc.load_registry(folder)
    for text in (str(info.value), *info.value.problems):
        problems = text.splitlines()[1:] if text is str(info.value) else [text]
        for line in problems:
            assert line.isprintable() and "\x1b" not in line and "\u202e" not in line, repr(line)
    assert "\\x1b[2J\\nok: 1 file(s)\\n\\u202e" in str(info.value)


def test_lint_output_never_carries_control_characters(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / f"{ESCAPES}.json"
    bad.write_text(json.dumps(_doc(**{"x\n<mapping>: $: all good\x1b[0m": 1})), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "walletcontact", "lint", str(bad)], capture_output=True, text=True,
                         check=False, timeout=60)
    assert out.returncode == 1
    for line in (out.stdout + out.stderr).splitlines():
        assert line.isprintable(), repr(line)
        assert not line.startswith("ok:")  # no forged "all good" line


def test_check_output_escapes_the_number_it_shows() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "walletcontact", "check", "95\x1b[2J188\u202e", "--region", "CN"],
                         capture_output=True, text=True, check=False, timeout=60)
    assert all(line.isprintable() for line in out.stdout.splitlines()), out.stdout
    assert "\\x1b[2J" in out.stdout


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://evil.example\\@acme.example.com/help", ""),  # a browser goes to evil.example
        ("https://acme.example.com@evil.example/help", ""),
        ("https://acme.example.com%2Eevil.example/", ""),
        ("https://127.0.0.1/", ""),
        ("https://0x7f.1/", ""),
        ("https://[::1]/", ""),
        ("https://acme.example.com:8443/", ""),
        ("https://acme.example.com\t.evil.example/", ""),
        ("https:evil.example/", ""),
        ("https://acme.example.com:443/help", "acme.example.com"),
        ("https://ACME.example.com./help#x", "acme.example.com"),
    ],
)
def test_a_url_host_is_the_host_a_browser_goes_to(url: str, host: str) -> None:
    src = wc.Source(url=url, kind="official", seen=__import__("datetime").date(2026, 1, 1))  # type: ignore[arg-type]
    assert src.host == host


def test_every_shipped_url_reads_as_written() -> None:
    from walletcontact.urls import url_problem

    bad = []
    for p in wc.default_registry():
        for ch in p.channels:
            for url in [getattr(ch, "url", None), *(s.url for s in ch.sources)]:
                if url and url_problem(url, schemes=("https", "http")) is not None:
                    bad.append((p.id, url))
        bad += [(p.id, s.url) for s in p.sources if url_problem(s.url, schemes=("https", "http"))]
    assert bad == []


def test_only_the_loader_marks_data_as_built_in(tmp_path: Path) -> None:
    prov = wc.default_registry().get("alipay")
    with pytest.raises(wc.DataError, match="origin 'builtin' is given by the package's loader only"):
        wc.Registry.from_providers([prov], origin="builtin")
    with pytest.raises(wc.DataError, match="loader only"):
        wc.Registry([prov], origins={"alipay": "builtin"})
    # a file named "builtin" is just a file
    (tmp_path / "builtin").write_text(json.dumps(_doc()), encoding="utf-8")
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        reg = wc.load_registry("builtin")
    finally:
        os.chdir(cwd)
    assert reg.origin("acme-pay") == "./builtin"
    assert reg.origin("alipay") == "builtin"  # the shipped records keep their origin
    # a registry made by the loader passes its origins on
    assert wc.load_registry(reg, builtin=False).origin("alipay") == "builtin"


def test_custom_data_cannot_bless_a_recorded_fake_silently(tmp_path: Path) -> None:
    doc = _doc()
    doc["regions"] = ["GB", "CN"]
    doc["channels"].append({**doc["channels"][0], "number": "95055", "region": "CN"})
    with pytest.raises(wc.DataError, match="95055 is recorded as a fake number of alipay"):
        wc.load_registry(doc)
    doc["accept_recorded_fakes"] = True
    reg = wc.load_registry(doc)
    assert wc.check_number("95055", provider=doc["id"], region="CN", registry=reg).is_official
    # lint reports it either way
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    from walletcontact.load.layers import lint_paths

    lines = lint_paths([path])
    assert len(lines) == 1 and "published anyway (accept_recorded_fakes)" in lines[0]


def test_the_load_fuzzer_mutates_lone_surrogates(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness's own mutator once raised UnicodeEncodeError on '{"id": "x\\udcd8"}'."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "fuzz"))
    try:
        import fuzz_load
    finally:
        sys.path.pop(0)
    monkeypatch.setattr(fuzz_load.atheris, "Mutate", lambda data, max_size: data, raising=False)
    for seed in range(300):
        out = fuzz_load.CustomMutator(b'{"id": "x\\udcd8"}', 100_000, seed)
        assert isinstance(out, bytes)
