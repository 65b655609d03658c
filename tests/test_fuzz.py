"""A short run of each atheris harness (tests/fuzz/), so that they keep working.

Skipped when atheris is not installed (it is the optional ``.[fuzz]`` extra). The long runs are
described in docs/hardening.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

FUZZ = Path(__file__).resolve().parent / "fuzz"


#: each runs a harness for a few seconds (CI runs the slow tests too: see .ci/run)
pytestmark = pytest.mark.slow


def _fuzz(script: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "WALLETCONTACT_FUZZ_STRICT"}
    return subprocess.run(
        [sys.executable, str(FUZZ / script), "-seed=1", f"-artifact_prefix={tmp_path}/", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def _report(out: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in out.stderr.splitlines() if not line.startswith("INFO: Instrumenting")]
    return "\n".join(lines[-40:])


def test_fuzz_check_runs_clean(tmp_path: Path) -> None:
    out = _fuzz("fuzz_check.py", tmp_path, "-atheris_runs=3000")
    assert out.returncode == 0, _report(out)
    assert "Done 3000 " in out.stderr, _report(out)
    assert not list(tmp_path.glob("crash-*"))


def test_fuzz_load_runs_clean(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"  # libFuzzer writes new inputs to the first directory only
    corpus.mkdir()
    out = _fuzz("fuzz_load.py", tmp_path, "-atheris_runs=500", str(corpus), str(FUZZ / "corpus_load"))
    assert out.returncode == 0, _report(out)
    assert "Done 500 " in out.stderr, _report(out)
    seeds = [line for line in out.stderr.splitlines() if "files found in" in line and "corpus_load" in line]
    assert seeds and " 0 files" not in seeds[0], _report(out)  # the seed corpus was read
    assert not list(tmp_path.glob("crash-*"))
