"""``walletcontact scan``: check whole messages from the command line.

Exit status: 0 when no message is risky (every one ``low`` or ``unknown``), 1 when any is
``caution`` or ``high``, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from .errors import printable
from .terminal import Style, words

__all__ = ["scan"]

_COLOUR = {"low": "32;1", "unknown": "36;1", "caution": "33;1", "high": "31;1"}


def _messages(args: argparse.Namespace) -> Iterator[tuple[str, str | None]]:
    """(text, sender) pairs: the sender of a JSON line, else ``--sender``."""
    if args.text != "-":
        yield args.text, args.sender
        return
    for n, raw in enumerate(sys.stdin, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if args.jsonl:
            try:
                obj = json.loads(line)
            except ValueError:
                sys.stderr.write(f"walletcontact: line {n}: not JSON; skipped\n")
                continue
            text = obj.get("text") if isinstance(obj, dict) else None
            if not isinstance(text, str):
                sys.stderr.write(f"walletcontact: line {n}: no 'text' field; skipped\n")
                continue
            sender = obj.get("sender")
            yield text, sender if isinstance(sender, str) else args.sender
        else:
            yield line, args.sender


def scan(args: argparse.Namespace, registry: Any, locale: str) -> int:
    from .message import check_texts

    if args.provider is not None:
        registry.get(args.provider, args.region)  # unknown or ambiguous: a usage error first
    risky = False
    stream = args.text == "-"
    for t in check_texts(_messages(args), region=args.region, provider=args.provider, registry=registry):
        risky |= t.risk.value in ("caution", "high")
        if args.json:
            indent = None if stream else 2
            sys.stdout.write(json.dumps(t.to_dict(locale), ensure_ascii=False, indent=indent) + "\n")
        else:
            _print(t, locale, stream)
        sys.stdout.flush()
    return 1 if risky else 0


def _print(t: Any, locale: str, stream: bool) -> None:
    st = Style(sys.stdout)
    head = st(words(f"risk:{t.risk.value}", locale), _COLOUR[t.risk.value])
    if stream:
        sys.stdout.write(f"{t.risk.value}\t{','.join(p.id for p in t.providers) or '-'}\t{printable(t.text)}\n")
        return
    lines = [head]
    for f in t.findings:
        if f.kind == "provider":
            lines.append(f"  {words('finding:provider', locale)}: {printable(f.text)} → {f.provider.id}")
            continue
        check = f.check
        level = st(words(f"risk:{check.risk.value}", locale), _COLOUR[check.risk.value])
        lines.append(f"  {words('finding:' + f.kind, locale)}: {printable(f.text)}  {level}")
        lines.extend(f"    - {printable(r.text(locale))}" for r in check.reasons)
    if t.sender is not None:
        sc = t.sender
        level = st(words(f"risk:{sc.risk.value}", locale), _COLOUR[sc.risk.value])
        lines.append(f"  {words('finding:sender', locale)}: {printable(sc.sender)}  {level}")
        lines.extend(f"    - {printable(r.text(locale))}" for r in sc.reasons)
    lines.append("")
    lines.extend(printable(x) for x in t.advice(locale).splitlines())
    sys.stdout.write("\n".join(lines) + "\n")
