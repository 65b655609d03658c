"""What both atheris harnesses share: instrumenting walletcontact and starting libFuzzer."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable
from typing import Any

try:  # atheris is an optional extra: importing a harness must work without it
    import atheris
except ImportError:  # pragma: no cover - depends on the environment
    atheris = None


def _argv(argv: list[str], script: str) -> list[str]:
    """libFuzzer's -fork/-jobs modes re-run argv[0] through the shell: make it "python script.py"."""
    return [f"{shlex.quote(sys.executable)} {shlex.quote(os.path.abspath(script))}", *argv[1:]]


def run(
    script: str,
    setup: Callable[[], None],
    test_one_input: Callable[[bytes], None],
    *,
    custom_mutator: Callable[..., Any] | None = None,
    argv: list[str] | None = None,
) -> None:
    if atheris is None:
        sys.exit("atheris is not installed: pip install atheris (or the '.[fuzz]' extra)")
    with atheris.instrument_imports(include=["walletcontact"]):
        setup()
    args = _argv(sys.argv if argv is None else argv, script)
    if custom_mutator is None:
        atheris.Setup(args, test_one_input)
    else:
        atheris.Setup(args, test_one_input, custom_mutator=custom_mutator)
    atheris.Fuzz()
