"""walletcontact benchmark: speed and memory, side by side with what a user would otherwise call.

Run it with the Python that has walletcontact installed::

    python benchmarks/run.py            # full run (200,000-number call log, 25 cold starts each)
    python benchmarks/run.py --quick    # smaller (20,000 numbers, 10 cold starts each)
    python benchmarks/run.py --json results.json

It measures, in one run:

* cold ``import walletcontact`` against ``import attrs`` (and ``import attrs, cattrs,
  phonenumbers``), each in a fresh interpreter, interleaved;
* first use in a fresh interpreter: loading the built-in data (``default_registry()``), building
  its number index (``.phone_index()``) and the first official check (``check_number("95188",
  provider="alipay", region="CN")``);
* one check of an official number, warm, against ``phonenumbers.parse`` + ``is_valid_number``;
* a mixed call log through ``check_many`` (consumed as a stream, a verdict kept per string) against
  ``phonenumbers.parse`` + ``is_valid_number`` (a bool kept per string), and for context against
  phonenumbers behind a dict cache, and the same on a log of all-distinct strings (where no cache
  can help, so what the engine itself buys is seen);
* the ``walletcontact check`` command, cold, against
  ``python -c "import attrs, cattrs, phonenumbers"``;
* resident memory after loading the data and one check, against importing attrs, cattrs and
  phonenumbers only.

and prints the figures, the ratios, and PASS/FAIL for each target. It needs nothing beyond the
library and its own dependencies (attrs, cattrs, phonenumbers). See docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import statistics
import string
import subprocess
import sys
import time
import timeit
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

PY = sys.executable
#: the repository (the labelled message corpus lives in its tests)
ROOT = Path(__file__).resolve().parent.parent
#: the environment of every subprocess: as the user's, but allowed to write .pyc files, so that
#: the discarded warm-up round leaves compiled modules behind as a pip install does (with
#: PYTHONDONTWRITEBYTECODE set, every "cold" start of a source checkout would compile its modules)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# ---------------------------------------------------------------- small helpers


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.2f} µs"


def mib(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:.1f} MiB"


def python(code: str) -> tuple[str, float]:
    """Run ``code`` in a fresh interpreter; its stdout and the process wall time."""
    t0 = time.perf_counter()
    proc = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=False, env=ENV)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"subprocess failed ({proc.returncode}):\n{code}\n{proc.stderr}")
    return proc.stdout, wall


def command(argv: Sequence[str], ok: Sequence[int] = (0,)) -> float:
    """Wall time of one run of ``argv``."""
    t0 = time.perf_counter()
    proc = subprocess.run(list(argv), capture_output=True, text=True, check=False, env=ENV)
    wall = time.perf_counter() - t0
    if proc.returncode not in ok:
        raise RuntimeError(f"{argv} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return wall


def interleaved(runs: int, makers: dict[str, Callable[[], Any]]) -> dict[str, list[Any]]:
    """Call each maker ``runs`` times, round-robin, rotating the order each round (after one
    discarded warm-up round that fills the OS file cache and the .pyc caches)."""
    names = list(makers)
    for name in names:
        makers[name]()
    out: dict[str, list[Any]] = {name: [] for name in names}
    for i in range(runs):
        k = i % len(names)
        for name in names[k:] + names[:k]:
            out[name].append(makers[name]())
    return out


def stats(values: Sequence[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def best_per_call(stmt: Callable[[], Any], repeat: int) -> tuple[float, int]:
    """Min over ``repeat`` repeats of the time per call (timeit; each repeat ≥ 0.2 s)."""
    timer = timeit.Timer(stmt)
    number, _ = timer.autorange()
    number = max(number, 10)
    times = timer.repeat(repeat=repeat, number=number)
    return min(times) / number, number


# ---------------------------------------------------------------- the machine


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = {}
    for dist in ("walletcontact", "attrs", "cattrs", "phonenumbers"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    from walletcontact.load.prebuilt import _prebuilt

    return {
        "data": "prebuilt registry (installed from a wheel)"
        if _prebuilt() is not None
        else "JSON files (no prebuilt registry: a source checkout or an editable install)",
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "platform": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "executable": PY,
        "packages": versions,
    }


# ---------------------------------------------------------------- 1. cold import

IMPORT_CODE = "import time; t = time.perf_counter(); import {mod}; print(time.perf_counter() - t)"
IMPORTS = {
    "attrs": "attrs",
    "walletcontact": "walletcontact",
    "attrs, cattrs, phonenumbers": "attrs, cattrs, phonenumbers",
}


def bench_import(runs: int) -> dict[str, Any]:
    def maker(mod: str) -> Callable[[], tuple[float, float]]:
        def run() -> tuple[float, float]:
            out, wall = python(IMPORT_CODE.format(mod=mod))
            return float(out), wall

        return run

    raw = interleaved(runs, {name: maker(mod) for name, mod in IMPORTS.items()})
    return {
        name: {"import": stats([r[0] for r in rows]), "process": stats([r[1] for r in rows])}
        for name, rows in raw.items()
    }


# ---------------------------------------------------------------- 2. loading the data

LOAD_CODE = """
import time
import walletcontact
t0 = time.perf_counter()
reg = walletcontact.default_registry()
t1 = time.perf_counter()
reg.phone_index()
t2 = time.perf_counter()
assert walletcontact.check_number("95188", provider="alipay", region="CN").is_official
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


# for context: the same load split into its parts, and the JSON read through the converter
LOAD_PARTS_CODE = """
import time
import walletcontact
t0 = time.perf_counter()
import walletcontact.model  # the model classes (attrs came with the package)
t1 = time.perf_counter()
reg = walletcontact.default_registry()
reg.phone_index()
t2 = time.perf_counter()
from walletcontact.index import PhoneIndex
from walletcontact.load.builtin import load_builtin
PhoneIndex(load_builtin())
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def timings(code: str) -> Callable[[], tuple[float, ...]]:
    """A maker running ``code`` in a fresh interpreter and reading the times it prints."""

    def run() -> tuple[float, ...]:
        out, _ = python(code)
        return tuple(float(x) for x in out.split())

    return run


def bench_load(runs: int) -> dict[str, Any]:
    raw = interleaved(runs, {"load": timings(LOAD_CODE), "parts": timings(LOAD_PARTS_CODE)})
    rows, split = raw["load"], raw["parts"]
    return {
        "default_registry": stats([a for a, _, _ in rows]),
        "phone_index": stats([b for _, b, _ in rows]),
        "first_check": stats([c for _, _, c in rows]),
        "total": stats([a + b + c for a, b, c in rows]),
        "model": stats([a for a, _, _ in split]),
        "data_after_model": stats([b for _, b, _ in split]),
        "json_through_converter": stats([c for _, _, c in split]),
    }


# ---------------------------------------------------------------- 3. one check


def us_official_number() -> tuple[str, str] | None:
    """A US number that is official (and inbound) in the data: PayPal first, then Cash App."""
    import walletcontact as wc

    for pid in ("paypal", "cash-app", "zelle"):
        try:
            chans = wc.channels(pid, type="phone", region="US", direction="inbound")
        except wc.UnknownProviderError:
            continue
        for ch in chans:
            if not isinstance(ch, wc.PhoneChannel):
                continue
            if wc.check_number(ch.number, provider=pid, region="US").is_official:
                return ch.number, pid
    return None


def bench_one(repeat: int) -> dict[str, Any]:
    import phonenumbers

    import walletcontact as wc

    cases = [("95188", "alipay", "CN")]
    us_case = us_official_number()
    if us_case is not None:
        cases.append((us_case[0], us_case[1], "US"))
    out: dict[str, Any] = {}
    for number, pid, region in cases:
        result = wc.check_number(number, provider=pid, region=region)  # warm: data, metadata
        assert result.is_official, (number, pid, region, result.codes)

        def ours(number: str = number, pid: str = pid, region: str = region) -> Any:
            return wc.check_number(number, provider=pid, region=region)

        def theirs(number: str = number, region: str = region) -> Any:
            return phonenumbers.is_valid_number(phonenumbers.parse(number, region))

        theirs()
        wc_t, wc_n = best_per_call(ours, repeat)
        pn_t, pn_n = best_per_call(theirs, repeat)
        out[f"{number} ({pid}, {region})"] = {
            "number": number,
            "provider": pid,
            "region": region,
            "codes": list(result.codes),
            "walletcontact": wc_t,
            "phonenumbers": pn_t,
            "loops": [wc_n, pn_n],
            "speedup": pn_t / wc_t,
        }
    return out


# ---------------------------------------------------------------- 8. whole messages


def message_stream(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` messages made from the labelled corpus: each a corpus message with every digit of
    its numbers, codes and amounts redrawn (so most are distinct, as in a real stream)."""
    rng = random.Random(seed)
    rows = [json.loads(x) for x in (ROOT / "tests" / "messages" / "corpus.jsonl").read_text("utf-8").splitlines()]
    out = []
    for _ in range(n):
        r = rng.choice(rows)
        text = "".join(str(rng.randrange(10)) if c.isdigit() and c.isascii() and rng.random() < 0.5 else c for c in r["text"])
        out.append((text, r["region"]))
    return out


def bench_messages(n: int, repeat: int, seed: int) -> dict[str, Any]:
    import phonenumbers

    import walletcontact as wc

    rows = [json.loads(x) for x in (ROOT / "tests" / "messages" / "corpus.jsonl").read_text("utf-8").splitlines()]
    corpus = [(r["text"], r["region"]) for r in rows]
    stream = message_stream(n, seed)
    valid = phonenumbers.Leniency.VALID

    def ours(msgs: list[tuple[str, str]]) -> int:
        found = 0
        for text, region in msgs:
            found += len(wc.check_text(text, region=region).findings)
        return found

    def theirs(msgs: list[tuple[str, str]]) -> int:
        found = 0
        for text, region in msgs:
            found += sum(1 for _ in phonenumbers.PhoneNumberMatcher(text, region, leniency=valid))
        return found

    ours(corpus[:50])
    theirs(corpus[:50])
    out: dict[str, Any] = {}
    for name, msgs in (("corpus", corpus), ("stream", stream)):
        times: dict[str, list[float]] = {"walletcontact": [], "phonenumbers": []}
        for _ in range(repeat):
            for key, fn in (("walletcontact", ours), ("phonenumbers", theirs)):
                t0 = time.perf_counter()
                fn(msgs)
                times[key].append(time.perf_counter() - t0)
        best = {k: min(v) for k, v in times.items()}
        out[name] = {
            "messages": len(msgs),
            "throughput": {k: len(msgs) / v for k, v in best.items()},
            "ratio": best["phonenumbers"] / best["walletcontact"],
        }
    # streamed memory: the heap after 10 % and after all of a check_texts stream
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    sizes = []
    for i, _ in enumerate(wc.check_texts(t for t, _ in stream)):
        if i in (n // 10, n // 2, n - 1):
            gc.collect()
            sizes.append(tracemalloc.get_traced_memory()[0])
    tracemalloc.stop()
    out["memory_mib"] = [x / 2**20 for x in sizes]
    return out



# ---------------------------------------------------------------- 4. a call log

CN_MOBILE_PREFIXES = [
    *(str(p) for p in range(130, 140)),
    "145",
    "147",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "172",
    "173",
    "175",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
]
US_AREA_CODES = [
    201,
    202,
    203,
    206,
    212,
    213,
    214,
    215,
    301,
    303,
    305,
    310,
    312,
    313,
    323,
    347,
    404,
    408,
    415,
    424,
    469,
    503,
    512,
    602,
    617,
    626,
    646,
    650,
    702,
    713,
    718,
    773,
    786,
    818,
    832,
    917,
    929,
    949,
]
JUNK_WORDS = [
    "",
    " ",
    "-",
    "+",
    "()",
    "N/A",
    "unknown",
    "Unknown",
    "Private Number",
    "anonymous",
    "Anonymous",
    "null",
    "None",
    "#31#",
    "*67",
    "withheld",
    "未知号码",
    "私人号码",
    "?",
    "0",
]


def cn_mobile(rng: random.Random) -> str:
    d = rng.choice(CN_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    return rng.choice(
        [
            d,
            d,
            f"{d[:3]} {d[3:7]} {d[7:]}",
            f"{d[:3]}-{d[3:7]}-{d[7:]}",
            f"+86 {d[:3]} {d[3:7]} {d[7:]}",
            f"+86{d}",
            f"0086 {d}",
            f"+86-{d[:3]}-{d[3:7]}-{d[7:]}",
        ]
    )


def us_number(rng: random.Random) -> str:
    area = rng.choice(US_AREA_CODES)
    exchange = rng.randrange(200, 1000)
    line = rng.randrange(10000)
    a, e, n = f"{area}", f"{exchange}", f"{line:04d}"
    return rng.choice(
        [
            f"({a}) {e}-{n}",
            f"{a}-{e}-{n}",
            f"{a}.{e}.{n}",
            f"{a}{e}{n}",
            f"1-{a}-{e}-{n}",
            f"+1 {a} {e} {n}",
            f"+1{a}{e}{n}",
            f"+1 ({a}) {e}-{n}",
        ]
    )


def junk(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return rng.choice(JUNK_WORDS)
    if kind == 1:
        return "".join(rng.choices(string.digits, k=rng.randint(1, 3)))
    if kind == 2:
        return "".join(rng.choices(string.digits, k=rng.randint(16, 30)))
    if kind == 3:
        return "".join(rng.choices(string.ascii_letters, k=rng.randint(2, 12)))
    alphabet = string.ascii_letters + string.digits + "+-() #*"
    return "".join(rng.choices(alphabet, k=rng.randint(3, 20)))


def official_spellings() -> dict[str, list[str]]:
    """Ways people write the data's inbound numbers, by the log they can appear in.

    National spellings go to the log of their own region (CN or US; other regions' national
    spellings are left out, as they mean something else in CN or US). ``+cc`` spellings go to
    either log; ``00cc`` spellings only to the CN log (00 is China's international prefix, the
    US one is 011, so the US log gets ``011 cc`` spellings).
    """
    import phonenumbers

    import walletcontact as wc

    logs: dict[str, set[str]] = {"CN": set(), "US": set()}
    fmt = phonenumbers.PhoneNumberFormat
    for prov in wc.providers():
        for ch in prov.phones:
            if not ch.direction.allows(wc.Direction.INBOUND):
                continue
            national = {ch.number}
            try:
                n = phonenumbers.parse(ch.number, ch.region)
            except phonenumbers.NumberParseException:
                n = None
            intl: set[str] = set()
            if n is not None and phonenumbers.is_valid_number(n):
                nat = phonenumbers.format_number(n, fmt.NATIONAL)
                national |= {nat, nat.replace(" ", "-"), "".join(c for c in nat if c.isdigit())}
                e164 = phonenumbers.format_number(n, fmt.E164)
                inter = phonenumbers.format_number(n, fmt.INTERNATIONAL)
                intl |= {e164, inter, inter.replace("-", " "), inter.replace(" ", "-")}
                cc, nsn = str(n.country_code), phonenumbers.national_significant_number(n)
                logs["CN"] |= {f"00{cc}{nsn}", f"00 {cc} {nsn}", f"00{cc}-{nsn}"}
                logs["US"] |= {f"011 {cc} {nsn}"}
            if ch.region in logs:
                logs[ch.region] |= national
            for spelling in intl:
                logs["CN" if len(spelling) % 2 else "US"].add(spelling)
    return {k: sorted(v) for k, v in logs.items()}


def call_log(n: int, seed: int, reuse: float = 0.15) -> dict[str, Any]:
    """A seeded mixed call log: 1/2 CN mobiles, 1/5 official numbers in varied spellings, 1/10
    junk, the rest US numbers; within each kind a ``reuse`` share repeats an earlier string."""
    rng = random.Random(seed)
    spellings = official_spellings()
    n_cn, n_off, n_junk = n // 2, n // 5, n // 10
    n_us = n - n_cn - n_off - n_junk
    items: list[tuple[str, str, str]] = []  # (kind, log region, string)

    def draw(kind: str, count: int, make: Callable[[], str], region: Callable[[], str]) -> None:
        pool: list[tuple[str, str]] = []
        for _ in range(count):
            if pool and rng.random() < reuse:
                reg, s = rng.choice(pool)
            else:
                reg, s = region(), make()
                pool.append((reg, s))
            items.append((kind, reg, s))

    draw("cn-mobile", n_cn, lambda: cn_mobile(rng), lambda: "CN")
    draw("us", n_us, lambda: us_number(rng), lambda: "US")
    draw("junk", n_junk, lambda: junk(rng), lambda: rng.choice(("CN", "US")))
    n_off_cn = n_off * len(spellings["CN"]) // (len(spellings["CN"]) + len(spellings["US"]))
    items.extend(("official", "CN", rng.choice(spellings["CN"])) for _ in range(n_off_cn))
    items.extend(("official", "US", rng.choice(spellings["US"])) for _ in range(n_off - n_off_cn))
    rng.shuffle(items)
    logs: dict[str, list[str]] = {"CN": [], "US": []}
    for _, reg, s in items:
        logs[reg].append(s)
    distinct = len({(reg, s) for _, reg, s in items})
    return {
        "logs": logs,
        "kinds": items,
        "n": n,
        "distinct": distinct,
        "repeat_share": 1 - distinct / n,
        "official_spellings": {k: len(v) for k, v in spellings.items()},
    }


def bench_batch(n: int, repeat: int, seed: int, reuse: float = 0.15) -> dict[str, Any]:
    import phonenumbers

    import walletcontact as wc

    log = call_log(n, seed, reuse)
    logs: dict[str, list[str]] = log["logs"]
    parse, valid = phonenumbers.parse, phonenumbers.is_valid_number
    error = phonenumbers.NumberParseException

    def ours() -> list[Any]:
        # a pipeline consumes the stream: it keeps what it needs of each answer (here the verdict,
        # as the baseline keeps a bool), not 200,000 answer objects
        out: list[Any] = []
        for region, batch in logs.items():
            out.extend(r.verdict for r in wc.check_many(batch, region=region))
        return out

    def ours_kept() -> list[Any]:  # for context: every answer object kept in one list
        out: list[Any] = []
        for region, batch in logs.items():
            out.extend(wc.check_many(batch, region=region))
        return out

    def theirs() -> list[bool]:
        out: list[bool] = []
        for region, batch in logs.items():
            for s in batch:
                try:
                    out.append(valid(parse(s, region)))
                except error:
                    out.append(False)
        return out

    def theirs_cached() -> list[bool]:  # for context: phonenumbers with a dict cache
        out: list[bool] = []
        for region, batch in logs.items():
            seen: dict[str, bool] = {}
            for s in batch:
                hit = seen.get(s)
                if hit is None:
                    try:
                        hit = valid(parse(s, region))
                    except error:
                        hit = False
                    seen[s] = hit
                out.append(hit)
        return out

    for region, batch in logs.items():  # warm: data, index, phonenumbers metadata
        list(wc.check_many(batch[:200], region=region))
        for s in batch[:200]:
            with contextlib.suppress(error):
                valid(parse(s, region))

    times: dict[str, list[float]] = {"walletcontact": [], "phonenumbers": [], "cached": [], "kept": []}
    results: Any = None
    pn_valid: Any = None
    streamed: Any = None
    for _ in range(repeat):
        for name, fn in (
            ("walletcontact", ours),
            ("phonenumbers", theirs),
            ("cached", theirs_cached),
            ("kept", ours_kept),
        ):
            t0 = time.perf_counter()
            got = fn()
            times[name].append(time.perf_counter() - t0)
            if name == "walletcontact":
                streamed = got
            elif name == "kept":
                results = got
            elif name == "phonenumbers":
                pn_valid = got
            got = None
    assert streamed == [r.verdict for r in results]  # both runs gave the same answers
    verdicts: dict[str, int] = {}
    for r in results:
        verdicts[r.verdict.value] = verdicts.get(r.verdict.value, 0) + 1
    # official spellings recognised (order of results = CN log then US log)
    kinds_in_order = [k for region in logs for k, reg, _ in log["kinds"] if reg == region]
    off = [r.is_official for r, k in zip(results, kinds_in_order, strict=True) if k == "official"]
    best = {name: min(v) for name, v in times.items()}
    return {
        "n": n,
        "seed": seed,
        "sizes": {region: len(batch) for region, batch in logs.items()},
        "distinct": log["distinct"],
        "repeat_share": log["repeat_share"],
        "official_spellings": log["official_spellings"],
        "verdicts": verdicts,
        "official_items_recognised": [sum(off), len(off)],
        "phonenumbers_valid": sum(pn_valid),
        "times": times,
        "best": best,
        "throughput": {name: n / t for name, t in best.items()},
        "speedup": best["phonenumbers"] / best["walletcontact"],
        "speedup_vs_cached": best["cached"] / best["walletcontact"],
        "speedup_kept": best["phonenumbers"] / best["kept"],
    }


# ---------------------------------------------------------------- 4b. checks without a region

REGIONLESS_REGIONS = ("CN", "US", "GB", "IN", "KE", "JP", "BR", "DE", "ID", "PH")


def national_numbers(per_region: int, seed: int) -> list[tuple[str, str]]:
    """(region, number in national format): valid fixed-line and mobile numbers of ten regions,
    made from phonenumbers' example numbers with their last digits drawn at random."""
    import phonenumbers

    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for region in REGIONLESS_REGIONS:
        examples = [
            phonenumbers.example_number_for_type(region, t)
            for t in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
        ]
        examples = [e for e in examples if e is not None]
        made = 0
        while made < per_region:
            e = rng.choice(examples)
            nsn = phonenumbers.national_significant_number(e)
            keep = max(1, len(nsn) - rng.randrange(4, 8))
            n = phonenumbers.parse(
                "+" + str(e.country_code) + nsn[:keep] + "".join(str(rng.randrange(10)) for _ in range(len(nsn) - keep))
            )
            if phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == region:
                out.append((region, phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL)))
                made += 1
    return out


def bench_regionless(per_region: int, repeat: int, seed: int) -> dict[str, Any]:
    """``check_number`` of national-form numbers without a region (no provider either) against the
    same checks with their region, each number checked once per run (no cache helps)."""
    import walletcontact as wc

    items = national_numbers(per_region, seed)
    reg = wc.default_registry()

    def run(with_region: bool) -> float:
        # ordinary numbers: none is official, so the memo of official answers keeps none of them
        t0 = time.perf_counter()
        for region, number in items:
            wc.check_number(number, region=region if with_region else None, registry=reg)
        return time.perf_counter() - t0

    run(True), run(False)  # warm: metadata, index
    times: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(repeat):
        times["with"].append(run(True))
        times["without"].append(run(False))
    best = {k: min(v) for k, v in times.items()}
    return {
        "n": len(items),
        "per_check_us": {k: v / len(items) * 1e6 for k, v in best.items()},
        "ratio": best["without"] / best["with"],
    }


# ---------------------------------------------------------------- 5. the command line, cold


def cli_argv() -> list[str]:
    script = Path(PY).with_name("walletcontact")
    args = ["check", "95188", "--provider", "alipay", "--region", "CN"]
    if script.exists():
        return [str(script), *args]
    return [PY, "-m", "walletcontact", *args]


def bench_cli(runs: int) -> dict[str, Any]:
    argv = cli_argv()
    baseline = [PY, "-c", "import attrs, cattrs, phonenumbers"]
    raw = interleaved(runs, {"cli": lambda: command(argv), "baseline": lambda: command(baseline)})
    return {
        "argv": argv,
        "baseline_argv": baseline,
        "cli": stats(raw["cli"]),
        "baseline": stats(raw["baseline"]),
        "ratio": statistics.median(raw["cli"]) / statistics.median(raw["baseline"]),
    }


# ---------------------------------------------------------------- 6. memory

RSS = """
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
"""
MEMORY = {
    "python only": "pass",
    "attrs+cattrs+phonenumbers": "import attrs, cattrs, phonenumbers",
    "walletcontact: data + one check": (
        "import walletcontact as wc\n"
        "wc.default_registry().phone_index()\n"
        "wc.check_number('95188', provider='alipay', region='CN')"
    ),
    "phonenumbers: parse 95188 (CN)": (
        "import attrs, cattrs, phonenumbers\n"
        "phonenumbers.is_valid_number(phonenumbers.parse('95188', 'CN'))"
    ),
}


def bench_memory(runs: int) -> dict[str, Any]:
    if not Path("/proc/self/status").exists():
        return {"skipped": "no /proc/self/status on this system"}

    def maker(code: str) -> Callable[[], int]:
        return lambda: int(python(f"{RSS}\n{code}\nprint(rss())")[0])

    raw = interleaved(runs, {name: maker(code) for name, code in MEMORY.items()})
    med = {name: statistics.median(v) for name, v in raw.items()}
    return {
        "rss_median": med,
        "rss_all": raw,
        "above": med["walletcontact: data + one check"] - med["attrs+cattrs+phonenumbers"],
    }


# ---------------------------------------------------------------- report


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


def times_faster(speedup: float) -> str:
    if speedup >= 1:
        return f"{speedup:.2f}× faster"
    return f"{speedup:.2f}× ({1 / speedup:.1f}× slower)"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--quick", action="store_true", help="20,000 numbers, 10 cold starts")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--runs", type=int, help="cold starts per measurement (default 25, quick 10)")
    ap.add_argument("-n", type=int, help="numbers in the call log (default 200000, quick 20000)")
    args = ap.parse_args(argv)
    runs = max(args.runs or (10 if args.quick else 25), 10)
    n = args.n or (20_000 if args.quick else 200_000)
    repeat = 3 if args.quick else 5
    batch_repeat = 3

    import walletcontact  # noqa: F401  (fail early when it is not installed)

    info = machine()
    print("walletcontact benchmark" + (" (--quick)" if args.quick else ""))
    print(f"  command: {' '.join([Path(PY).name, *sys.argv])}")
    print(f"  CPU: {info['cpu']}; cores: {info['cores']} (usable {info['usable_cores']})")
    print(f"  {info['python']} on {info['platform']}")
    print("  " + ", ".join(f"{k} {v}" for k, v in info["packages"].items()))
    print(f"  built-in data read from: {info['data']}")
    print(f"  cold starts per figure: {runs}; timeit repeats: {repeat}; call log: {n:,} numbers")
    print(flush=True)

    steps: list[tuple[str, Callable[[], Any]]] = [
        ("import", lambda: bench_import(runs)),
        ("load", lambda: bench_load(runs)),
        ("one", lambda: bench_one(repeat)),
        ("batch", lambda: bench_batch(n, batch_repeat, args.seed)),
        ("distinct", lambda: bench_batch(n, batch_repeat, args.seed + 1, reuse=0.0)),
        ("regionless", lambda: bench_regionless(200 if args.quick else 1000, 3, args.seed)),
        ("cli", lambda: bench_cli(runs)),
        ("memory", lambda: bench_memory(max(3, runs // 5))),
        ("messages", lambda: bench_messages(10_000 if args.quick else 100_000, 2 if args.quick else 3, args.seed)),
    ]
    res: dict[str, Any] = {}
    for name, fn in steps:
        t0 = time.perf_counter()
        print(f"  measuring {name} ...", end="", flush=True)
        res[name] = fn()
        print(f" {time.perf_counter() - t0:.1f} s", flush=True)
    print()

    imp, load, one, batch, distinct, regionless, cli, mem, msgs = (
        res[k] for k in ("import", "load", "one", "batch", "distinct", "regionless", "cli", "memory", "messages")
    )

    # ---- figures
    fig: list[list[str]] = []
    for name, s in imp.items():
        fig.append(
            [
                f"cold `import {name}` (in-process; whole process)",
                f"{ms(s['import']['min'])}; {ms(s['process']['min'])}",
                f"{ms(s['import']['median'])}; {ms(s['process']['median'])}",
            ]
        )
    for part, label in (
        ("default_registry", "`default_registry()`"),
        ("phone_index", "`phone_index()`"),
        ("first_check", "first official check (95188, alipay, CN)"),
        ("total", "total"),
        ("model", "of which creating the model classes"),
        ("data_after_model", "of which the data, after the model"),
        ("json_through_converter", "for context: the JSON through the converter, and its index"),
    ):
        fig.append(["load data: " + label, ms(load[part]["min"]), ms(load[part]["median"])])
    for label, o in one.items():
        fig.append([f"check_number {label}, warm", us(o["walletcontact"]), "(min of repeats)"])
        fig.append(
            [
                f"phonenumbers parse+is_valid {o['number']!r} ({o['region']})",
                us(o["phonenumbers"]),
                "(min of repeats)",
            ]
        )
    for key, label in (
        ("walletcontact", "check_many, streamed"),
        ("phonenumbers", "phonenumbers parse+is_valid"),
        ("cached", "phonenumbers parse+is_valid + dict cache"),
        ("kept", "check_many, every answer object kept"),
    ):
        t = batch["best"][key]
        fig.append(
            [
                f"call log {n:,}: {label}",
                f"{t:.2f} s = {n / t:,.0f}/s",
                f"{statistics.median(batch['times'][key]):.2f} s",
            ]
        )
    for key, label in (("with", "with their region"), ("without", "without a region or provider")):
        fig.append(
            [
                f"{regionless['n']:,} national numbers of 10 regions, {label}",
                f"{regionless['per_check_us'][key]:.1f} µs a check",
                "(min of 3 runs)",
            ]
        )
    fig.append(
        [
            "CLI cold: " + " ".join(["walletcontact", *cli["argv"][-6:]]),
            ms(cli["cli"]["min"]),
            ms(cli["cli"]["median"]),
        ]
    )
    fig.append(
        [
            'CLI baseline: python -c "import attrs, cattrs, phonenumbers"',
            ms(cli["baseline"]["min"]),
            ms(cli["baseline"]["median"]),
        ]
    )
    if "rss_median" in mem:
        for name, v in mem["rss_median"].items():
            fig.append([f"VmRSS: {name}", mib(min(mem["rss_all"][name])), mib(v)])
    for key, label in (("corpus", "the labelled corpus"), ("stream", "a generated stream")):
        m = msgs[key]
        fig.append([f"check_text over {label} ({m['messages']:,} messages)",
                    f"{m['throughput']['walletcontact']:,.0f}/s", "(min of repeats)"])
        fig.append([f"PhoneNumberMatcher (VALID) finding alone, {label}",
                    f"{m['throughput']['phonenumbers']:,.0f}/s", "(min of repeats)"])
    print(table(["measurement", "min (best)", "median"], fig))
    print()
    heap = msgs["memory_mib"]
    print(f"check_texts stream: traced heap {heap[0]:.1f} MiB after 10 % of the messages, {heap[1]:.1f} MiB "
          f"after half, {heap[2]:.1f} MiB after all (bounded caches fill, then it stays flat: the stream keeps no answers)")
    print()
    recognised, offered = batch["official_items_recognised"]
    print(
        f"call log: {batch['sizes']['CN']:,} strings read with region='CN' and "
        f"{batch['sizes']['US']:,} with region='US'; {batch['distinct']:,} distinct, "
        f"{batch['repeat_share']:.0%} repeats; verdicts {batch['verdicts']}; official spellings "
        f"recognised {recognised:,}/{offered:,}; "
        f"phonenumbers valid {batch['phonenumbers_valid']:,}"
    )
    print(
        "call log, for context: keeping all the answer objects in one list runs at "
        f"{batch['speedup_kept']:.2f}× phonenumbers (the time goes to Python's garbage collector "
        "walking a growing heap), and phonenumbers behind a dict cache at "
        f"{batch['best']['phonenumbers'] / batch['best']['cached']:.2f}×"
    )
    print(
        f"call log of {distinct['distinct']:,} all-distinct strings (no repeats, the official spellings "
        f"still drawn from the data), for context: check_many at {distinct['speedup']:.2f}× phonenumbers "
        f"({distinct['throughput']['walletcontact']:,.0f}/s vs {distinct['throughput']['phonenumbers']:,.0f}/s)"
    )
    print()

    # ---- targets
    targets: list[dict[str, Any]] = []

    def target(name: str, ours: str, theirs: str, measured: str, goal: str, ok: bool) -> None:
        targets.append(
            {
                "target": name,
                "walletcontact": ours,
                "baseline": theirs,
                "measured": measured,
                "goal": goal,
                "result": verdict(ok),
            }
        )

    target(
        "check without a region",
        f"{regionless['per_check_us']['without']:.1f} µs",
        f"{regionless['per_check_us']['with']:.1f} µs (with it)",
        f"{regionless['ratio']:.2f}× a check with the region",
        "≤ 2×",
        regionless["ratio"] <= 2.0,
    )
    a, w = imp["attrs"]["import"]["median"], imp["walletcontact"]["import"]["median"]
    target(
        "cold import (median)",
        ms(w),
        f"{ms(a)} (attrs)",
        f"{(w - a) * 1e3:+.1f} ms, {w / a:.2f}×",
        "≤ attrs + 10 ms",
        w <= a + 0.010,
    )
    lt = load["total"]["median"]
    target(
        "load data after import (median)",
        ms(lt),
        f"{ms(a)} (attrs)",
        f"{ms(lt)}, {lt / a:.2f}× import attrs",
        "≤ 30 ms",
        lt <= 0.030,
    )
    for label, o in one.items():
        target(
            f"one check {label}",
            us(o["walletcontact"]),
            us(o["phonenumbers"]),
            times_faster(o["speedup"]),
            "≥ 20× faster",
            o["speedup"] >= 20,
        )
    for key, label in (("corpus", "the corpus"), ("stream", "a generated stream")):
        m = msgs[key]
        target(
            f"check_text over {label}",
            f"{m['throughput']['walletcontact']:,.0f}/s",
            f"{m['throughput']['phonenumbers']:,.0f}/s",
            f"{m['ratio']:.2f}× PhoneNumberMatcher finding alone",
            "≥ 3×",
            m["ratio"] >= 3.0,
        )
    tp = batch["throughput"]
    target(
        f"call log {n:,} (min of {batch_repeat})",
        f"{tp['walletcontact']:,.0f}/s",
        f"{tp['phonenumbers']:,.0f}/s",
        f"{batch['speedup']:.2f}× the throughput",
        "≥ 1.5×",
        batch["speedup"] >= 1.5,
    )
    target(
        "CLI cold (median)",
        ms(cli["cli"]["median"]),
        ms(cli["baseline"]["median"]),
        f"{cli['ratio']:.2f}×",
        "≤ 1.25×",
        cli["ratio"] <= 1.25,
    )
    if "above" in mem:
        base = mem["rss_median"]["attrs+cattrs+phonenumbers"]
        ours_rss = mem["rss_median"]["walletcontact: data + one check"]
        target(
            "resident memory (median)",
            mib(ours_rss),
            mib(base),
            f"{mib(mem['above'])} above",
            "≤ 10 MiB above",
            mem["above"] <= 10 * 2**20,
        )
    cols = ["target", "walletcontact", "baseline", "measured", "goal", "result"]
    print(table(cols, [[t[c] for c in cols] for t in targets]))
    failed = [t["target"] for t in targets if t["result"] == "FAIL"]
    print()
    summary = f"{len(targets) - len(failed)}/{len(targets)} targets met"
    print(summary + (f"; FAIL: {', '.join(failed)}" if failed else ""))

    if args.json:
        doc = {
            "command": [Path(PY).name, *sys.argv],
            "quick": args.quick,
            "machine": info,
            "settings": {
                "runs": runs,
                "repeat": repeat,
                "batch_repeat": batch_repeat,
                "n": n,
                "seed": args.seed,
            },
            "results": res,
            "targets": targets,
        }
        Path(args.json).write_text(
            json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n"
        )
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
