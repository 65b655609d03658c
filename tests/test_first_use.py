"""Import cost, thread-safe lazy loading, zip imports, no network and no writes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import walletcontact as wc

SRC = Path(wc.__file__).resolve().parent


def _run(code: str, **env: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
        timeout=120,
    )
    return out.stdout.strip()


def test_import_is_lean() -> None:
    out = _run(
        """
        import builtins, sys
        opened = []
        real_open = builtins.open
        def spy(*a, **k):
            opened.append(a[0]); return real_open(*a, **k)
        builtins.open = spy
        import walletcontact
        # attrs is imported with the package (the import budget is attrs + 10 ms); nothing else
        heavy = [m for m in ("cattrs", "phonenumbers", "json", "pickle", "_pickle", "importlib_resources",
                             "importlib.resources", "walletcontact.model", "walletcontact.registry") if m in sys.modules]
        data = [f for f in opened if "walletcontact" in str(f)]
        print(heavy, data)
        """
    )
    assert out == "[] []"


def test_sixteen_threads_one_load() -> None:
    out = _run(
        """
        import threading
        import walletcontact as wc
        from walletcontact.load import packaged
        barrier = threading.Barrier(16)
        results = []
        def work():
            barrier.wait()
            r = wc.check_number("95188", provider="alipay", region="CN")
            results.append((r.verdict.value, r.normalized, id(wc.default_registry())))
        ts = [threading.Thread(target=work) for _ in range(16)]
        [t.start() for t in ts]; [t.join() for t in ts]
        print(packaged.loads, len(set(results)), results[0][:2])
        """
    )
    assert out == "1 1 ('official', 'CN:95188')"


def test_processes_give_identical_answers() -> None:
    code = """
        import walletcontact as wc
        print([wc.check_number(n, region="CN").codes for n in ("95188", "95189", "110", "x")])
        """
    assert len({_run(code) for _ in range(3)}) == 1


def test_works_from_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "wc.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in SRC.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, Path("walletcontact") / path.relative_to(SRC))
    out = _run(
        f"""
        import sys
        sys.path.insert(0, {str(archive)!r})
        import walletcontact as wc
        assert wc.__file__.startswith({str(archive)!r}), wc.__file__
        print(len(wc.providers()) > 50, wc.check_number("95188", provider="alipay", region="CN").verdict.value)
        """
    )
    assert out == "True official"


def test_no_network_and_no_writes() -> None:
    out = _run(
        """
        import sys
        events = []
        def hook(event, args):
            if event.startswith("socket.") or event in ("subprocess.Popen", "os.system"):
                events.append(event)
            if event == "open" and len(args) > 1 and isinstance(args[1], str) and any(c in args[1] for c in "wax+"):
                events.append(("write", args[0]))
            if event in ("os.remove", "os.rename", "os.mkdir", "shutil.rmtree"):
                events.append(event)
        sys.addaudithook(hook)
        import walletcontact as wc
        wc.preload()
        wc.check_number("95189", provider="alipay", region="CN")
        wc.check_caller("+86 138 0013 8000", claimed_provider="alipay")
        wc.get_procedure("payment-failed", provider="alipay", locale="zh-Hans")
        wc.search_providers("pay")
        wc.export()
        print(events)
        """,
        PYTHONDONTWRITEBYTECODE="1",
    )
    assert out == "[]"


def test_no_pickle_or_eval_on_data() -> None:
    """Data never reaches eval, exec or a YAML loader; the one unpickler is the prebuilt
    registry's (``load/prebuilt.py``), and it reads only the package's own generated module."""
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for bad in ("eval(", "exec(", "yaml.load", "marshal.load"):
            assert bad not in text, (path.name, bad)
        if path.relative_to(SRC).as_posix() != "load/prebuilt.py":
            assert "pickle" not in text, path.name
    snapshot = (SRC / "load" / "prebuilt.py").read_text(encoding="utf-8")
    assert snapshot.count("_Unpickler(io.BytesIO(") == 1 and "pickle.load" not in snapshot


def test_the_unpickler_refuses_other_globals() -> None:
    import pickle

    from walletcontact.load import prebuilt as _snapshot

    class Boom:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, ("echo should-not-run",))

    assert _snapshot.loads(pickle.dumps(((), Boom()))) is None
    assert _snapshot.loads(pickle.dumps(({"x": 1}, ()))) is None  # right globals, wrong shape


def _naming(module: str, name: str) -> bytes:
    """A protocol-4 pickle of nothing but the global ``module``/``name``."""
    import pickle

    def text(s: str) -> bytes:
        raw = s.encode()
        return pickle.SHORT_BINUNICODE + bytes([len(raw)]) + raw

    return pickle.PROTO + b"\x04" + text(module) + text(name) + pickle.STACK_GLOBAL + pickle.STOP


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("walletcontact.model", "attrs.exceptions"),  # a dotted walk out of an allowed module
        ("walletcontact.model", "attrs"),  # a module the model imports
        ("walletcontact.model", "locale_chain"),  # a function, not a class
        ("walletcontact.model", "Mapping"),  # a class the model imports, not one it defines
        ("walletcontact.index", "re"),
        ("walletcontact.model", "_StrEnum"),
        ("os", "system"),
        # slot setters are named only as Class.slot.__set__, for a slot the class really has
        ("walletcontact.model", "Source.url.__get__"),
        ("walletcontact.model", "Source.url.__delete__"),
        ("walletcontact.model", "Source.host.__set__"),  # a property, not a slot
        ("walletcontact.model", "Source.__init__"),
        ("walletcontact.model", "Source.__class__.__subclasses__"),
        ("walletcontact.model", "Source.url.__set__.__self__"),
        ("walletcontact.model", "Provider.__weakref__.__set__"),
        ("walletcontact.model", "locale_chain.__globals__"),
    ],
)
def test_the_unpickler_names_only_the_models_own_classes(module: str, name: str) -> None:
    import io
    import pickle

    from walletcontact.load import prebuilt as _snapshot
    from walletcontact.model import Provider

    assert _snapshot._Unpickler(io.BytesIO(_naming("walletcontact.model", "Provider"))).load() is Provider
    setter = _snapshot._Unpickler(io.BytesIO(_naming("walletcontact.model", "Provider.id.__set__"))).load()
    assert setter == Provider.__dict__["id"].__set__
    with pytest.raises(pickle.UnpicklingError, match="may not name"):
        _snapshot._Unpickler(io.BytesIO(_naming(module, name))).load()
