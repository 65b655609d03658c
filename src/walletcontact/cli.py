"""The ``walletcontact`` command line (also ``python -m walletcontact``).

Exit codes: 0 success (for ``check``: official), 1 not official / problems found, 2 usage error.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from . import __version__
from .errors import InvalidArgumentError, WalletContactError, printable
from .model import (
    Provider,
)
from .registry import stale_records
from .terminal import Style as _Style
from .terminal import channel_line as _channel_line
from .terminal import say as _say
from .terminal import word as _w
from .terminal import words as _t


def _dumps(obj: Any, **options: Any) -> str:
    """``json.dumps``, importing json only for the commands that print JSON (about 1 ms of
    every other command's start)."""
    import json

    return json.dumps(obj, **options)


def _columns() -> int:
    """The terminal width as shutil.get_terminal_size() gives it, without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
        if columns > 0:
            return columns
    except (KeyError, ValueError):
        pass
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
    return columns if columns > 0 else 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout; the width is looked up without importing shutil (about 2 ms)."""

    def __init__(self, prog: str, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("width") is None:
            kwargs["width"] = _columns() - 2  # what argparse does with shutil's figure
        super().__init__(prog, *args, **kwargs)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"walletcontact: error: {printable(message)} (see 'walletcontact --help')\n")
        raise SystemExit(2)


def env_locale(environ: Any = None) -> str:
    """The output locale from the environment (LC_ALL, LC_MESSAGES, LANG), else ``en``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return str(value)
    return "en"


_PROVIDER_HELP = "the provider: an id, a name in any language, or a name people use (微信, Safaricom, Apple)"
_REGION_HELP = "ISO 3166-1 code of where the number is dialled (CN, US); settles a name several providers share"
_LOCALE_HELP = "language of the answer: en, zh-Hans, zh-Hant, es, pt, id, ja, ko, vi, th, hi (default: $LANG)"
_JSON_HELP = "print JSON instead of text"
_DATA_HELP = "custom data: a JSON or TOML file, or a directory of them, layered over the built-in data (repeatable)"


def _data(c: argparse.ArgumentParser) -> None:
    c.add_argument("--data", action="append", metavar="PATH", default=[], help=_DATA_HELP)


def _args_check(c: argparse.ArgumentParser) -> None:
    c.add_argument("number", help="the number as you have it ('-' reads one number a line from stdin)")
    c.add_argument("--provider", "-p", help=_PROVIDER_HELP)
    c.add_argument("--region", "-r", help=_REGION_HELP)
    c.add_argument("--caller", action="store_true", help="the number called you (check_caller): needs --provider")
    c.add_argument("--locale", "-l", help=_LOCALE_HELP)
    c.add_argument("--json", action="store_true", help=_JSON_HELP)
    _data(c)


def _args_scan(c: argparse.ArgumentParser) -> None:
    c.add_argument("text", help="the message ('-' reads one message a line from stdin)")
    c.add_argument("--jsonl", action="store_true",
                   help="with '-': each line is a JSON object with a 'text' field (and optionally 'sender')")
    c.add_argument("--sender", "-s", help="the sender the message showed (an SMS sender ID such as MPESA, a short code, a number)")
    c.add_argument("--provider", "-p", help=_PROVIDER_HELP)
    c.add_argument("--region", "-r", help=_REGION_HELP)
    c.add_argument("--locale", "-l", help=_LOCALE_HELP)
    c.add_argument("--json", action="store_true", help=_JSON_HELP)
    _data(c)


def _args_serve(c: argparse.ArgumentParser) -> None:
    c.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    c.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    _data(c)


def _args_show(s: argparse.ArgumentParser) -> None:
    s.add_argument("provider", help=_PROVIDER_HELP)
    s.add_argument("--region", "-r", help=_REGION_HELP)
    s.add_argument("--locale", "-l", help=_LOCALE_HELP)
    s.add_argument("--json", action="store_true", help=_JSON_HELP)
    _data(s)


def _args_providers(ps: argparse.ArgumentParser) -> None:
    ps.add_argument("--region", "-r", help="only the providers serving this region (ISO 3166-1 code)")
    ps.add_argument("--locale", "-l", help=_LOCALE_HELP)
    ps.add_argument("--json", action="store_true", help=_JSON_HELP)
    _data(ps)


def _topics_epilog() -> str:
    """The topics with their titles, in the locale of the environment (for ``help-with --help``)."""
    from .model import TOPICS
    from .registry import get_procedure

    locale = env_locale()
    lines = ["topics:"]
    for topic in TOPICS:
        try:
            lines.append(f"  {topic:22} {get_procedure(topic, locale=locale).title}")
        except WalletContactError:  # pragma: no cover - every topic has a generic procedure
            lines.append(f"  {topic}")
    return "\n".join(lines)


def _args_help_with(h: argparse.ArgumentParser) -> None:
    h.formatter_class = argparse.RawDescriptionHelpFormatter
    h.epilog = _topics_epilog()
    h.add_argument("topic", nargs="?", help="the problem (see the topics below; none lists them)")
    h.add_argument("--provider", "-p", help=_PROVIDER_HELP)
    h.add_argument("--region", "-r", help="whose fraud-report lines to show (default: the provider's home region)")
    h.add_argument("--locale", "-l", help=_LOCALE_HELP)
    h.add_argument("--json", action="store_true", help=_JSON_HELP)
    _data(h)


def _args_report(r: argparse.ArgumentParser) -> None:
    r.add_argument("region", help="ISO 3166-1 code of the region (CN, US)")
    r.add_argument("--locale", "-l", help=_LOCALE_HELP)
    r.add_argument("--json", action="store_true", help=_JSON_HELP)
    _data(r)


def _args_none(_: argparse.ArgumentParser) -> None:
    pass


def _args_export(e: argparse.ArgumentParser) -> None:
    _data(e)


def _args_lint(lint: argparse.ArgumentParser) -> None:
    lint.add_argument("files", nargs="+", help="custom data files or directories to check")


def _args_freshness(f: argparse.ArgumentParser) -> None:
    f.add_argument("--months", type=_months, default=18, help="how old a verification may be (default 18)")
    f.add_argument("--json", action="store_true", help=_JSON_HELP)


#: command → (its help line, what adds its arguments), in the order ``--help`` lists them
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "check": ("is a number official? ('-' reads one number a line from stdin)", _args_check),
    "scan": ("check a whole message: numbers, dial codes, links, names ('-' reads stdin)", _args_scan),
    "serve": ("the JSON API and the web page (needs walletcontact[web])", _args_serve),
    "show": ("a provider's channels, numbers, caller policies and known fakes", _args_show),
    "providers": ("list providers", _args_providers),
    "help-with": ("what to do about a problem", _args_help_with),
    "report": ("government fraud-report lines of a region", _args_report),
    "export": ("all data as one JSON document", _args_export),
    "schema": ("the JSON Schema of data documents", _args_none),
    "lint": ("check custom data files", _args_lint),
    "freshness": ("records not verified recently, and recorded disagreements", _args_freshness),
}


def _build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only`` (a command name), one that knows that command alone.

    Each subcommand parser costs argparse a gettext lookup and a formatter; ``main`` builds only
    the one it was asked for, and the whole parser for ``--help``, errors and anything else.
    """
    p = _Parser(prog="walletcontact", description="Official wallet support contacts, and checks of numbers.")
    p.add_argument("--version", action="version", version=f"walletcontact {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (help_line, add_arguments) in COMMANDS.items():
        if only is None or name == only:
            add_arguments(sub.add_parser(name, help=help_line))
    return p


def _hint(exc: Exception) -> str:
    """What to try instead: up to three providers whose names are close to an unknown one, or the
    --region that settles a name several providers share."""
    from .errors import AmbiguousProviderError, UnknownProviderError

    if isinstance(exc, AmbiguousProviderError):
        options = " or ".join(sorted({f"--region {r}" for rs in exc.regions.values() for r in rs}))
        return f"\n  try: {options}" if options else ""
    if isinstance(exc, UnknownProviderError):
        from .registry import search_providers

        close = [p.id for p in search_providers(exc.key)[:3]]
        return f"\n  did you mean: {', '.join(close)}?" if close else ""
    return ""


def _text(word: str) -> str:
    """A command-line word as text: bytes that were not valid in the locale's encoding (kept by
    Python as lone surrogates) become U+FFFD, so they can never reach the output as raw bytes."""
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return word.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return word


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    words = [_text(w) for w in (sys.argv[1:] if argv is None else argv)]
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:  # the same for numbers read from standard input (check -)
        reconfigure(errors="replace")
    parser = _build_parser(words[0] if words and words[0] in COMMANDS else None)
    args = parser.parse_args(words)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        handler = globals()[f"_cmd_{args.command.replace('-', '_')}"]
        code: int = handler(args)
        return code
    except WalletContactError as exc:  # bad input; anything else is a bug and shows its traceback
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        sys.stderr.write(f"walletcontact: error: {printable(first)}{_hint(exc)}\n")
        for problem in getattr(exc, "problems", ()):  # bad --data: every problem, with its file and path
            sys.stderr.write(f"  {printable(problem)}\n")
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130


def _locale(args: argparse.Namespace) -> str:
    return str(args.locale) if getattr(args, "locale", None) else env_locale()


def _emit(obj: Any) -> None:
    sys.stdout.write(_dumps(obj, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------- check


def _registry(args: argparse.Namespace) -> Any:
    """The built-in data, with the ``--data`` layers over it (as ``load_registry`` layers them)."""
    paths = getattr(args, "data", None)
    if paths:
        from .load.layers import load_registry

        return load_registry(*paths)
    from .registry import default_registry

    return default_registry()


def _cmd_check(args: argparse.Namespace) -> int:
    from .check import check_caller, check_number

    reg = _registry(args)
    locale = _locale(args)
    if args.provider is not None:
        reg.get(args.provider, args.region)  # unknown or ambiguous provider: a usage error before any output
    if args.caller and args.provider is None:
        sys.stderr.write("walletcontact: error: --caller needs --provider (who did the caller claim to be?)\n")
        return 2

    def one(number: str) -> Any:
        if args.caller:
            return check_caller(number, claimed_provider=args.provider, region=args.region, registry=reg)
        return check_number(number, provider=args.provider, region=args.region, registry=reg)

    if args.number == "-":
        import itertools

        from .check import check_many

        all_official = True
        texts = (text for text in (line.rstrip("\r\n") for line in sys.stdin) if text.strip())
        if args.caller:
            answers: Iterator[tuple[str, Any]] = ((text, one(text)) for text in texts)
        else:  # a call log: check_many's cache of repeated lines and its short route
            read, checked = itertools.tee(texts)
            answers = zip(read, check_many(checked, provider=args.provider, region=args.region, registry=reg), strict=True)
        for text, result in answers:
            all_official &= result.is_official
            if args.json:
                sys.stdout.write(_dumps(result.to_dict(), ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(f"{result.verdict.value}\t{result.provider.id if result.provider else '-'}\t"
                                 f"{result.normalized or '-'}\t{printable(text)}\n")
            sys.stdout.flush()
        return 0 if all_official else 1
    result = one(args.number)
    if args.json:
        sys.stdout.write(_dumps(result.to_dict(), ensure_ascii=False) + "\n")
    else:
        _print_check(result, locale)
    return 0 if result.is_official else 1


def _cmd_scan(args: argparse.Namespace) -> int:
    from .cli_scan import scan

    return scan(args, _registry(args), _locale(args))


def _cmd_serve(args: argparse.Namespace) -> int:
    import importlib.util

    if importlib.util.find_spec("starlette") is None or importlib.util.find_spec("uvicorn") is None:
        sys.stderr.write('walletcontact: error: serve needs the web extra: pip install "walletcontact[web]"\n')
        return 2
    from .web import serve

    reg = _registry(args)
    sys.stderr.write(f"walletcontact: serving on http://{args.host}:{args.port}/ (Ctrl-C stops)\n")
    serve(args.host, args.port, reg)
    return 0


def _print_check(result: Any, locale: str) -> None:
    st = _Style(sys.stdout)
    colour = {"low": "32;1", "unknown": "36;1", "caution": "33;1", "high": "31;1"}[result.risk.value]
    # the risk level first, in words (and in colour where the terminal allows and NO_COLOR is unset)
    head = (
        st(_t(f"risk:{result.risk.value}", locale), colour)
        + f"  {_t(f'verdict:{result.verdict.value}', locale)}  {printable(result.number)}"
    )
    out = []
    if result.provider is not None:
        out.append(f"{_t('whose', locale)}: {result.provider.display_name(locale)} ({result.provider.id})")
    if result.normalized:
        out.append(f"{_t('normalized', locale)}: {result.normalized}")
    if result.lookalike_of is not None:
        who = result.lookalike_provider.display_name(locale) if result.lookalike_provider else ""
        out.append(f"{_t('lookalike', locale)}: {result.lookalike_of.number} ({who})")
    out.append(f"{_t('reasons', locale)}:")
    out.extend(f"  - [{r.code}] {r.text(locale)}" for r in result.reasons)
    out.append(f"{_t('advice', locale)}:")
    out.extend(f"  {line}" for line in result.advice(locale).splitlines())
    if result.channel is not None:
        conf = _t(result.channel.confidence.value, locale)
        out.append(f"{_t('sources', locale)} ({conf}, {result.channel.verified_on}):")
        out.extend(f"  {s.url} ({_w('source:' + s.kind.value, locale)})" for s in result.channel.sources)
    sys.stdout.write(head + "\n")  # our own colour codes, and the number escaped
    _say(out)


# ---------------------------------------------------------------- show / providers / help-with


def _cmd_show(args: argparse.Namespace) -> int:
    from .load.documents import unstructure_provider

    p: Provider = _registry(args).get(args.provider, args.region)
    if args.json:
        _emit(unstructure_provider(p))
        return 0
    locale = _locale(args)
    out = [f"{p.display_name(locale)} ({p.id}) — {p.operator} — {', '.join(p.regions)}"]
    status = p.phone_support.status.value
    if status == "none":
        out.append(_t("no_phone", locale))
    elif status == "via-bank":
        out.append(_t("via_bank", locale))
    out.append(_t("channels", locale) + ":")
    for ch in p.channels_by_trust():
        out.append(_channel_line(ch, locale))
        # what the confidence rests on: the provider's own pages and governments' first
        kinds = {"provider": 0, "provider-copy": 0, "government": 1, "regulator": 1}
        shown = sorted(ch.sources, key=lambda src: kinds.get(src.kind.value, 2))
        out.append(
            "      " + ", ".join(dict.fromkeys(f"{src.host or src.url} ({_w('source:' + src.kind.value, locale)})" for src in shown))
        )
    if p.caller_policies:
        out.append(_t("policies", locale) + ":")
        out.extend(f"  - {pol.text.get(locale)} ({pol.confidence.value})" for pol in p.caller_policies)
    if p.known_fakes:
        out.append(_t("fakes", locale) + ":")
        out.extend(f"  - {f.number} [{f.region}]: {f.note.get(locale)}" for f in p.known_fakes)
    _say(out)
    return 0


def _known_region(region: str) -> str:
    """``region`` in upper case; a usage error (exit 2) when it is not a region code at all."""
    from .phone.reading import is_region

    code = region.strip().upper()
    if not is_region(code):
        raise InvalidArgumentError(f"unknown region {region!r}; expected an ISO 3166-1 code such as CN or US")
    return code


def _cmd_providers(args: argparse.Namespace) -> int:
    from .registry import providers

    provs = providers(region=_known_region(args.region) if args.region is not None else None, registry=_registry(args))
    if args.json:
        from .jsonviews import providers_json

        _emit(providers_json(provs))
        return 0
    locale = _locale(args)
    for p in provs:
        sys.stdout.write(printable(f"{p.id:22} {p.kind.value:9} {','.join(p.regions):18} {p.display_name(locale)}") + "\n")
    return 0


def _cmd_help_with(args: argparse.Namespace) -> int:
    from .jsonviews import procedure_json, resolve_procedure, topics_json

    locale = _locale(args)
    reg = _registry(args)
    if args.topic is None:  # the topics, with their titles in the chosen language
        titles = topics_json(locale, reg)
        if args.json:
            _emit(titles)
        else:
            _say([f"{t:22} {title}" for t, title in titles.items()])
        return 0
    provider = reg.get(args.provider, args.region) if args.provider is not None else None
    # the report lines of the region asked, not the provider's home
    region = _known_region(args.region) if args.region is not None else None
    if args.json:
        _emit(procedure_json(args.topic, provider=provider, region=region, locale=locale, registry=reg))
        return 0
    proc, steps, before = resolve_procedure(args.topic, provider=provider, region=region, locale=locale, registry=reg)
    out = [proc.title]
    out += [f"  {i}. {s}" for i, s in enumerate(steps, 1)]
    if proc.app_path:
        out.append("  → " + " > ".join(proc.app_path))
    if proc.limits:
        out.append(f"  {proc.limits}")
    out.append(f"{_t('escalate', locale)}: {proc.escalate}")
    for ch in proc.escalate_to:
        out.append(_channel_line(ch, locale))
    if proc.topic != "before-calling" and before:
        out.append(_t("prepare", locale) + ":")
        out += [f"  - {s}" for s in before]
    if proc.report_to:  # each line with the region it is for
        out.append(f"{_t('report', locale)}: " + ", ".join(f"{c.number} ({c.region})" for c in proc.report_to))
    if proc.report_online:
        out.append(f"{_t('report_online', locale)}:")
        out += [_channel_line(c, locale) for c in proc.report_online]
    _say(out)
    return 0



def _cmd_report(args: argparse.Namespace) -> int:
    from .registry import report_channels, report_online

    region = _known_region(args.region)
    reg = _registry(args)
    lines = report_channels(region, registry=reg)
    if args.json:
        from .jsonviews import report_json

        _emit(report_json(region, reg))
        return 0 if lines else 1
    online = report_online(region, registry=reg)
    for c in (*lines, *online):
        sys.stdout.write(printable(_channel_line(c, _locale(args)).strip()) + "\n")
    if not (lines or online):
        sys.stderr.write(f"walletcontact: the data has no report line or report website for {region}\n")
        return 1
    return 0


# ---------------------------------------------------------------- data commands


def _cmd_export(args: argparse.Namespace) -> int:
    from . import export

    sys.stdout.write(_dumps(export(registry=_registry(args)), ensure_ascii=False, indent=1) + "\n")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .load.schema import json_schema

    sys.stdout.write(_dumps(json_schema(), indent=1) + "\n")
    return 0


def _cmd_lint(args: argparse.Namespace) -> int:
    from .load.layers import lint_paths

    problems = lint_paths(args.files)
    for line in problems:
        sys.stdout.write(printable(line) + "\n")
    if problems:
        sys.stderr.write(f"walletcontact: {len(problems)} problem(s)\n")
        return 1
    sys.stdout.write(f"ok: {len(args.files)} file(s)\n")
    return 0


def _months(text: str) -> int:
    try:
        months = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of months: {text!r}") from None
    if months < 0:
        raise argparse.ArgumentTypeError(f"months cannot be negative: {months}")
    return months


def _cmd_freshness(args: argparse.Namespace) -> int:
    from .registry import default_registry

    stale = stale_records(args.months)
    disagreements = [
        {"provider": p.id, "subject": d.subject, "note": d.note.get("en")}
        for p in default_registry()
        for d in p.disagreements
    ]
    if args.json:
        _emit({"months": args.months, "stale": stale, "disagreements": disagreements})
        return 1 if stale else 0
    sys.stdout.write(f"Records not verified in {args.months} months: {len(stale)}\n")
    for s in stale:
        sys.stdout.write(f"  {s['record']} (verified {s['verified_on']})\n")
    sys.stdout.write(f"Recorded disagreements: {len(disagreements)}\n")
    for d in disagreements:
        sys.stdout.write(printable(f"  {d['provider']}: {d['subject']}: {d['note']}") + "\n")
    return 1 if stale else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
