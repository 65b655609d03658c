"""Atheris harness for the data loader, ``walletcontact.load_registry(..., builtin=False)``.

Each input is a whole document: JSON text (TOML when it starts with ``#toml``). It is written to a
temporary file and loaded from there; when it parses as JSON it is also loaded as a Python object
(a mapping, or a list/number/None, which must raise ``TypeError``). A custom mutator mixes
libFuzzer's byte mutations with structural ones (replace, delete, insert, duplicate, deepen a node
of the parsed document; wrap it in an export document or an ``extensions`` list), starting from a
valid single-provider document when the input is not JSON, so most inputs get past the parser.

The properties:

* the only exception is ``DataError`` (and ``TypeError`` for a source that is not a mapping);
* nothing is half-loaded: the default registry and the mapping passed in are untouched, and a
  load that succeeds gives a registry in which every published phone number checks ``official``
  for its provider, and whose export loads again to equal providers;
* a JSON file and the same document passed as a mapping get the same outcome and the same problems
  (within the file limits: size and depth).

Run::

    python tests/fuzz/fuzz_load.py -atheris_runs=500 /tmp/new-inputs tests/fuzz/corpus_load
    python tests/fuzz/fuzz_load.py -max_total_time=300 -max_len=65536 .fuzz-corpus/load tests/fuzz/corpus_load

libFuzzer adds new inputs to the *first* corpus directory: keep the seeds second.
Importing this module (pytest collects it with ``--doctest-modules``) has no side effects and does
not need atheris.
"""

from __future__ import annotations

import copy
import json
import os
import random
import sys
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _harness import atheris, run

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for conftest
from _factory import SEEN, make_provider

#: A valid single-provider document: the one the tests use (``tests/conftest.py::make_provider``).
SEED_DOC: dict[str, Any] = make_provider()

#: Values the structural mutator splices in: enum values, near-misses and type confusions.
INTERESTING: list[Any] = [
    None, True, False, 0, 1, -1, 2, 1.0, 1.5, 1e308, float("nan"), float("inf"), 2**70,
    "", " ", "\u200b", "\u202e", "x", "official", "reported", "inbound", "outbound", "both",
    "phone", "website", "email", "app", "social", "community", "pager", "published", "none",
    "via-bank", "unlisted", "wallet", "authority", "toll-free", "GB", "gb", "CN", "US", "ZZ", "",
    "en", "zh-Hans", "zh-Hant", "e", "en-", "+44 20 7946 0000", "020 7946 0000", "95188", "999",
    "112", "+44", "+86 95188", "https://acme.example.com/", "http://acme.example.com/",
    "https://evil.example.org/", "https://", "acme.example.com", "help@acme.example.com",
    SEEN, "2026-02-30", "2999-01-01", "1900-01-01", "2026-11-01T00:00", "mon", "09:00", "24:00",
    "25:00", "acme-pay", "Acme-Pay", "alipay", "schema", "providers", "extensions", "channels",
    [], {}, [""], ["GB", "GB"], {"en": ""}, {"en": "x"}, {"xx": "y"}, {"": 1}, [[]], [{}],
]
KEYS = [
    "schema", "providers", "extensions", "id", "names", "aliases", "operator", "regions", "domains",
    "phone_support", "channels", "caller_policies", "known_fakes", "unverified", "procedures",
    "sources", "verified_on", "kind", "type", "number", "region", "direction", "confidence",
    "purposes", "hours", "cost", "carrier_short_code", "shared_with", "url", "seen", "status",
    "code", "text", "note", "en", "zh-Hans", "x", "",
]

#: WALLETCONTACT_FUZZ_STRICT=0 tolerates the library bugs found by the first fuzzing runs (now fixed).
STRICT = os.environ.get("WALLETCONTACT_FUZZ_STRICT", "1") == "1"  # the known bugs are fixed

wc: Any = None
MAX_DOCUMENT_BYTES = 0
MAX_DEPTH = 0
_TMP: Path | None = None


def _setup() -> None:
    """Import walletcontact and every submodule it loads lazily (so that all get instrumented)."""
    global wc, MAX_DOCUMENT_BYTES, MAX_DEPTH, _TMP
    import importlib
    import pkgutil

    import walletcontact

    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.iter_modules(walletcontact.__path__, "walletcontact.")
        if info.name.rsplit(".", 1)[-1] not in ("cli", "frames", "__main__")
    ]
    wc = walletcontact
    wc.preload()
    # the loader's limits, wherever they live (8 MiB and 24 when this was written)
    MAX_DOCUMENT_BYTES = next((m.MAX_DOCUMENT_BYTES for m in modules if hasattr(m, "MAX_DOCUMENT_BYTES")), 8 << 20)
    MAX_DEPTH = next((m.MAX_DEPTH for m in modules if hasattr(m, "MAX_DEPTH")), 24)
    _TMP = Path(tempfile.mkdtemp(prefix="wc-fuzz-load-"))


# ---------------------------------------------------------------- the structural mutator


def _nodes(doc: Any, limit: int = 400) -> list[tuple[Any, Any]]:
    """(container, key) pairs of the document, breadth first."""
    out: list[tuple[Any, Any]] = []
    queue = [doc]
    while queue and len(out) < limit:
        node = queue.pop(0)
        if isinstance(node, dict):
            for k, v in node.items():
                out.append((node, k))
                queue.append(v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                out.append((node, i))
                queue.append(v)
    return out


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if roll < 0.55 or depth > 2:
        return copy.deepcopy(rng.choice(INTERESTING))
    if roll < 0.7:
        return "".join(chr(rng.choice((rng.randrange(32, 127), rng.randrange(0x80, 0x3000)))) for _ in range(rng.randrange(0, 12)))
    if roll < 0.85:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(0, 3))]
    return {rng.choice(KEYS): _random_value(rng, depth + 1) for _ in range(rng.randrange(0, 3))}


def _mutate_doc(doc: Any, rng: random.Random) -> Any:
    if not isinstance(doc, (dict, list)):
        doc = copy.deepcopy(SEED_DOC)
    for _ in range(rng.randrange(1, 4)):
        op = rng.randrange(0, 10)
        nodes = _nodes(doc)
        if op == 0 and isinstance(doc, dict) and "providers" not in doc:  # to an export document
            second = copy.deepcopy(SEED_DOC)
            second["id"] = rng.choice(["beta-pay", "acme-pay", doc.get("id", "x")])
            doc = {"schema": 1, "providers": [{k: v for k, v in doc.items() if k != "schema"}, second]}
            continue
        if op == 1 and isinstance(doc, dict):  # add an extension of one of the providers
            ext: dict[str, Any] = {"id": rng.choice(["acme-pay", "beta-pay", "alipay", "nobody"])}
            key = rng.choice(["channels", "caller_policies", "known_fakes", "unverified", "procedures", "x"])
            ext[key] = copy.deepcopy(SEED_DOC[key]) if key in SEED_DOC else _random_value(rng)
            doc.setdefault("extensions", [])
            if isinstance(doc["extensions"], list):
                doc["extensions"].append(ext)
            continue
        if not nodes:
            doc = copy.deepcopy(SEED_DOC)
            continue
        parent, key = rng.choice(nodes)
        if op in (2, 3, 4):  # replace a value
            parent[key] = _random_value(rng)
        elif op == 5:  # delete
            del parent[key]
        elif op == 6:  # insert a key or an item
            if isinstance(parent, dict):
                parent[rng.choice(KEYS)] = _random_value(rng)
            else:
                parent.insert(key, _random_value(rng))
        elif op == 7:  # duplicate (a channel, a source, a provider...)
            if isinstance(parent, list):
                parent.insert(key, copy.deepcopy(parent[key]))
            else:
                parent[rng.choice(KEYS)] = copy.deepcopy(parent[key])
        elif op == 8:  # deepen
            parent[key] = [parent[key]] if rng.random() < 0.5 else {"en": parent[key]}
        else:  # copy a value from elsewhere in the document (type confusion between fields)
            src_parent, src_key = rng.choice(nodes)
            parent[key] = copy.deepcopy(src_parent[src_key])
    return doc


def CustomMutator(data: bytes, max_size: int, seed: int) -> bytes:
    rng = random.Random(seed)
    if data and rng.random() < 0.4:
        return atheris.Mutate(data, max_size)
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        doc = None
    if not isinstance(doc, (dict, list)) or rng.random() < 0.05:
        doc = copy.deepcopy(SEED_DOC)
    # a lone surrogate ("\\udcd8" in the input) survives json.loads; "surrogatepass" writes it as the
    # bytes of invalid UTF-8, which is one more thing for the loader to refuse (not a crash here)
    out = json.dumps(_mutate_doc(doc, rng), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    return out if len(out) <= max_size else atheris.Mutate(data, max_size)


# ---------------------------------------------------------------- the properties


def _depth(data: Any) -> int:
    deepest = 0
    stack = [(data, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(node, dict):
            stack.extend((v, level + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, level + 1) for v in node)
    return deepest


def _load(src: Any, extend: bool) -> Any:
    """The registry, or the DataError; anything else propagates (a crash)."""
    try:
        result = wc.load_registry(src, builtin=False, extend=extend)
    except wc.DataError as exc:
        result = exc
    if isinstance(result, wc.DataError):
        assert result.problems and all(isinstance(p, str) and p for p in result.problems), result.problems
        assert str(result)
    else:
        assert isinstance(result, wc.Registry), type(result)
    return result


def _check_loaded(reg: Any) -> None:
    """A registry that loaded is whole: its numbers check official, its export loads back equal."""
    for p in reg:
        for ch in p.phones:
            r = wc.check_number(ch.number, provider=p.id, region=ch.region, direction=ch.direction, registry=reg)
            assert r.is_official, (p.id, ch.number, ch.region, ch.direction, r.codes)
    exported = wc.export(registry=reg)
    again = wc.load_registry(exported, builtin=False)
    assert [p.id for p in again] == [p.id for p in reg], "export does not load back the same ids"
    for a, b in zip(again, reg, strict=True):
        assert a == b, f"export of {b.id!r} does not load back equal"


def _known_type_error(exc: TypeError) -> bool:
    """Known bug 2: a mapping with unknown keys that are not all strings raises TypeError (from
    ``sorted``/``join`` of the key names), not DataError. JSON cannot produce such keys."""
    msg = str(exc)
    return not STRICT and ("not supported between instances" in msg or "expected str instance" in msg)


def _with_odd_key(doc: Any, salt: int) -> Any:
    """A copy of ``doc`` with a non-string key added to one of its objects (Python only)."""
    doc = copy.deepcopy(doc)
    objects = [doc] + [c[k] for c, k in _nodes(doc) if isinstance(c[k], dict)]
    target = objects[salt % len(objects)]
    target[(1, None, 2.5, ("a",), b"id")[salt % 5]] = "x"
    return doc


def TestOneInput(data: bytes) -> None:
    assert _TMP is not None
    toml = data.startswith(b"#toml")
    path = _TMP / ("doc.toml" if toml else "doc.json")
    path.write_bytes(data)
    salt = zlib.crc32(data)
    extend = salt % 3 == 0
    default_before = wc.default_registry()
    count_before = len(default_before)

    from_file = _load(path, extend)
    if not isinstance(from_file, wc.DataError):
        _check_loaded(from_file)

    parsed: Any = None
    parsed_ok = False
    if not toml:
        try:
            parsed = json.loads(data)
            parsed_ok = True
        except (ValueError, RecursionError):
            pass
    if parsed_ok and isinstance(parsed, Mapping):
        before = json.dumps(parsed)
        from_mapping = _load(parsed, extend)
        assert json.dumps(parsed) == before, "load_registry changed the mapping it was given"
        if len(data) <= MAX_DOCUMENT_BYTES and _depth(parsed) <= MAX_DEPTH:
            # the same document as a file and as a mapping: same outcome, same problems
            file_failed = isinstance(from_file, wc.DataError)
            map_failed = isinstance(from_mapping, wc.DataError)
            assert file_failed == map_failed, (from_file, from_mapping)
            if file_failed:
                as_file = [p.replace(str(path), "<mapping>") for p in from_file.problems]
                assert as_file == list(from_mapping.problems), (as_file, from_mapping.problems)
        if salt % 4 == 1:  # a Python mapping may have keys JSON cannot: still DataError
            try:
                _load(_with_odd_key(parsed, salt >> 2), extend)
            except TypeError as exc:
                if not _known_type_error(exc):
                    raise
    elif parsed_ok and not isinstance(parsed, str):  # (a str would be read as a path)
        try:
            reg = wc.load_registry(parsed, builtin=False)
        except TypeError:
            pass  # documented: a source of an unsupported type
        else:
            assert parsed == [] and len(reg) == 0, (parsed, reg)

    # nothing half-loaded, nothing leaked into the default registry
    assert wc.default_registry() is default_before and len(default_before) == count_before
    assert wc.find_provider("acme-pay") is None


def main(argv: list[str] | None = None) -> None:
    run(__file__, _setup, TestOneInput, custom_mutator=CustomMutator, argv=argv)


if __name__ == "__main__":
    main()
