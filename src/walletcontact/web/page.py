"""The one HTML page: a box for a number or a message, the answer with its risk in words and
colour, the reasons, the advice, the real contacts and the report line. Server-rendered, no
JavaScript, no external assets; every value is escaped."""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlencode

from ..messages import LOCALES, WORDS, pick

__all__ = ["CSS", "choose_locale", "render_page"]

#: served at /page.css (the Content-Security-Policy allows styles from the page's own origin only)
CSS = """
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.45;color:#1a1a1a}
body{margin:0 auto;max-width:44rem;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
form{display:grid;gap:.6rem;margin:1rem 0}
label{font-weight:600;font-size:.95rem}
textarea,input,select{font:inherit;padding:.5rem;border:1px solid #888;border-radius:.4rem;width:100%;box-sizing:border-box}
textarea{min-height:6rem}
.row{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
button{font:inherit;font-weight:700;padding:.7rem;border:0;border-radius:.4rem;background:#1a4fa0;color:#fff}
.answer{border-radius:.5rem;padding:1rem;margin:1rem 0;border:3px solid}
.risk{font-size:1.4rem;font-weight:800;margin:0 0 .5rem}
.low{border-color:#1b7a2e;background:#eef8f0}.low .risk{color:#1b7a2e}
.unknown{border-color:#4a5a6a;background:#f1f3f5}.unknown .risk{color:#34424f}
.caution{border-color:#b36b00;background:#fff6e6}.caution .risk{color:#8a5200}
.high{border-color:#b3001b;background:#fdecee}.high .risk{color:#b3001b}
.advice{white-space:pre-line}
nav{font-size:.9rem}nav a{margin-right:.6rem}
footer{font-size:.8rem;color:#555;margin-top:2rem}
@media (max-width:30rem){.row{grid-template-columns:1fr}}
"""


def choose_locale(asked: str | None, accept_language: str | None) -> str:
    """``asked`` (the switcher's ``lang``) when the library speaks it, else the best of
    ``Accept-Language`` by its q-values, else English."""
    known = {k.lower(): k for k in LOCALES}
    if asked and asked.lower() in known:
        return known[asked.lower()]
    ranked: list[tuple[float, str]] = []
    for part in (accept_language or "").split(",")[:20]:
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((weight, tag.strip()))
    for _, tag in sorted(ranked, key=lambda t: -t[0]):
        low = tag.lower()
        if low in known:
            return known[low]
        if low.startswith("zh"):
            return "zh-Hant" if any(x in low for x in ("hant", "-tw", "-hk", "-mo")) else "zh-Hans"
        base = low.split("-")[0]
        if base in known:
            return known[base]
    return "en"


def _w(key: str, locale: str) -> str:
    return pick(WORDS[key], locale)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render_page(
    *, locale: str, q: str, provider: str, region: str, answer: Any, kind: str, data_version: str, error: str | None,
    sender: str = "",
) -> str:
    """The page; ``answer`` is a ``NumberCheck`` (``kind`` "number") or a ``TextCheck`` ("text")."""
    params = {k: v for k, v in (("q", q), ("provider", provider), ("region", region), ("sender", sender)) if v}
    current = ' aria-current="page"'
    langs = " ".join(
        f'<a href="/?{_e(urlencode({**params, "lang": loc}))}" lang="{_e(loc)}"'
        f'{current if loc == locale else ""}>{_e(pick(WORDS["language_name"], loc))}</a>'
        for loc in LOCALES
    )
    out = [
        "<!doctype html>",
        f'<html lang="{_e(locale)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(_w('web:title', locale))} — walletcontact</title>",
        '<link rel="stylesheet" href="/page.css"></head><body>',
        f'<nav aria-label="{_e(_w("web:language", locale))}">{langs}</nav>',
        f"<h1>{_e(_w('web:title', locale))}</h1>",
        f"<p>{_e(_w('web:intro', locale))}</p>",
        '<form method="get" action="/">',
        f'<input type="hidden" name="lang" value="{_e(locale)}">',
        f'<label for="q">{_e(_w("web:input", locale))}</label>',
        f'<textarea id="q" name="q" maxlength="5000" required>{_e(q)}</textarea>',
        '<div class="row"><div>',
        f'<label for="provider">{_e(_w("web:provider", locale))}</label>',
        f'<input id="provider" name="provider" value="{_e(provider)}" maxlength="100"></div><div>',
        f'<label for="region">{_e(_w("web:region", locale))}</label>',
        f'<input id="region" name="region" value="{_e(region)}" maxlength="8"></div><div>',
        f'<label for="sender">{_e(_w("web:sender", locale))}</label>',
        f'<input id="sender" name="sender" value="{_e(sender)}" maxlength="32"></div></div>',
        f'<button type="submit">{_e(_w("web:check", locale))}</button></form>',
    ]
    if error:
        out.append(f'<section class="answer unknown" role="alert"><p class="risk">{_e(error)}</p></section>')
    elif answer is not None:
        risk = answer.risk.value
        out.append(f'<section class="answer {risk}" aria-live="polite">')
        out.append(f'<p class="risk" data-risk="{risk}">{_e(_w("risk:" + risk, locale))}</p>')
        if kind == "number":
            out.append(f"<p><strong>{_e(answer.number)}</strong> — {_e(_w('verdict:' + answer.verdict.value, locale))}</p>")
            reasons = [r.text(locale) for r in answer.reasons]
        else:
            found = [(f.text, f.check) for f in answer.findings if f.check is not None]
            if answer.sender is not None:  # the sender first: it is what the message shows first
                found.insert(0, (f"{_w('finding:sender', locale)}: {answer.sender.sender}", answer.sender))
            if found:
                out.append(f"<h2>{_e(_w('web:found', locale))}</h2><ul>")
                for text, check in found:
                    level = _w("risk:" + check.risk.value, locale)
                    out.append(f'<li class="{check.risk.value}"><strong>{_e(text)}</strong> — {_e(level)}<ul>')
                    out.extend(f"<li>{_e(r.text(locale))}</li>" for r in check.reasons)
                    out.append("</ul></li>")
                out.append("</ul>")
            reasons = []
        if reasons:
            out.append(f"<h2>{_e(_w('web:reasons', locale))}</h2><ul>")
            out.extend(f"<li>{_e(r)}</li>" for r in reasons)
            out.append("</ul>")
        out.append(f"<h2>{_e(_w('web:advice', locale))}</h2>")
        out.append(f'<p class="advice">{_e(answer.advice(locale))}</p>')
        out.append(f"<p><small>{_e(_w('web:spoof', locale))}</small></p></section>")
    out.append(f"<footer>walletcontact — {_e(_w('web:data', locale))} {_e(data_version)}</footer></body></html>")
    return "\n".join(out)
