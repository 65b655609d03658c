"""The JSON of answers, shared by the command line's ``--json`` and the HTTP API (one shape for
both): lists of providers, procedures, report lines."""

from __future__ import annotations

from typing import Any

import attrs

from .model import TOPICS, Procedure, Provider
from .registry import Registry, get_procedure, online_target, report_channels, report_online

__all__ = ["procedure_json", "providers_json", "report_json", "resolve_procedure", "topics_json"]


def providers_json(provs: list[Provider] | tuple[Provider, ...]) -> list[dict[str, Any]]:
    return [{"id": p.id, "name": p.name, "kind": p.kind.value, "regions": list(p.regions)} for p in provs]


def topics_json(locale: str, registry: Registry) -> dict[str, str]:
    return {t: get_procedure(t, locale=locale, registry=registry).title for t in TOPICS}


def resolve_procedure(
    topic: str, *, provider: Provider | None, region: str | None, locale: str, registry: Registry
) -> tuple[Procedure, list[str], list[str]]:
    """(the procedure, its steps each once, what to prepare before calling that the steps do not
    already say), with the report lines of ``region`` rather than the provider's home when given:
    what ``help-with`` shows, as text or JSON."""
    proc = get_procedure(topic, provider=provider, locale=locale, registry=registry)
    prep = get_procedure("before-calling", provider=provider, locale=locale, registry=registry)
    if region is not None:
        proc = attrs.evolve(
            proc,
            report_to=report_channels(region, registry=registry),
            report_online=report_online(region, registry=registry),
        )
    steps = list(dict.fromkeys(proc.steps))  # a step the generic and the provider's procedure share, once
    before = [s for s in dict.fromkeys(prep.steps) if s not in steps]
    return proc, steps, before


def procedure_json(
    topic: str, *, provider: Provider | None, region: str | None, locale: str, registry: Registry
) -> dict[str, Any]:
    """A procedure as ``walletcontact help-with TOPIC --json`` prints it (``region``: the report
    lines of that region rather than the provider's home)."""
    proc, steps, before = resolve_procedure(topic, provider=provider, region=region, locale=locale, registry=registry)
    return {
        "topic": proc.topic,
        "locale": proc.locale,
        "provider": proc.provider.id if proc.provider else None,
        "title": proc.title,
        "steps": steps,
        "app_path": list(proc.app_path),
        "limits": proc.limits,
        "escalate": proc.escalate,
        "before_calling": before,
        "report_to": [c.number for c in proc.report_to],
        "report_online": [online_target(c) for c in proc.report_online],
    }


def report_json(region: str, registry: Registry) -> list[dict[str, Any]]:
    return [
        {"number": c.number, "region": c.region, "direction": c.direction.value, "confidence": c.confidence.value}
        for c in report_channels(region, registry=registry)
    ]
