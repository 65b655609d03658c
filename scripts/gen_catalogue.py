"""Generate ``docs/catalogue.md`` from the built-in data.

Usage::

    python scripts/gen_catalogue.py docs/catalogue.md

The output depends only on the data (no dates, no machine details), so running it twice gives the
same file. ``tests/test_catalogue.py`` regenerates the page and compares it with the committed one:
after changing the data, run this script again and commit the result.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import walletcontact as wc

_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def esc(text: str) -> str:
    """Text safe inside Markdown (and inside a table cell): one line, special characters escaped."""
    return " ".join(text.split()).translate(_ESCAPE)


def link(url: str, text: str) -> str:
    return f"[{esc(text)}]({url.replace(' ', '%20').replace('(', '%28').replace(')', '%29')})"


def source_links(sources: Iterable[wc.Source]) -> str:
    return "<br>".join(link(s.url, s.host or s.url) + f" ({s.kind.value})" for s in sources) or "—"


def summary(provs: Sequence[wc.Provider]) -> list[str]:
    kinds = Counter(p.kind.value for p in provs)
    phones = [c for p in provs for c in p.phones]
    conf = Counter(c.confidence.value for c in phones)
    regions = regions_of(provs)
    return [
        "| | count |",
        "|---|---:|",
        f"| providers | {len(provs)} |",
        f"| wallets | {kinds.get('wallet', 0)} |",
        f"| government authorities | {kinds.get('authority', 0)} |",
        f"| regions | {len(regions)} |",
        f"| phone numbers | {len(phones)} |",
        f"| phone numbers, `official` | {conf.get('official', 0)} |",
        f"| phone numbers, `reported` | {conf.get('reported', 0)} |",
        f"| unverified numbers (never official) | {sum(len(p.unverified) for p in provs)} |",
        f"| known fake numbers | {sum(len(p.known_fakes) for p in provs)} |",
    ]


def regions_of(provs: Iterable[wc.Provider]) -> list[str]:
    found: set[str] = set()
    for p in provs:
        found.update(p.regions)
        found.update(c.region for c in p.phones)
    return sorted(found)


def provider_block(p: wc.Provider, region: str) -> list[str]:
    kind = "government authority" if p.kind is wc.ProviderKind.AUTHORITY else "wallet"
    out = [f"### {esc(p.name)} (`{p.id}`)", ""]
    status = p.phone_support.status.value
    about = f"{esc(p.operator)} · {kind} · regions: {', '.join(p.regions)}"
    if status != "published":
        about += f" · phone support: `{status}`"
    out += [about, ""]
    sites = [c for c in p.channels_by_trust() if isinstance(c, wc.WebsiteChannel)]
    if sites:
        out.append(
            "Website: "
            + ", ".join(f"<{c.url}> ({c.confidence.value})" if "<" not in c.url and ">" not in c.url
                        else link(c.url, c.url) + f" ({c.confidence.value})" for c in sites)
        )
        out.append("")
    phones = [c for c in p.channels_by_trust() if isinstance(c, wc.PhoneChannel) and c.region == region]
    if phones:
        out.append("| number | direction | confidence | purposes | hours | sources |")
        out.append("|---|---|---|---|---|---|")
        for c in phones:
            hours = esc(c.hours.describe()) if c.hours is not None else "—"
            purposes = esc(", ".join(c.purposes)) if c.purposes else "—"
            out.append(
                f"| `{c.number}` | {c.direction.value} | {c.confidence.value} | {purposes} | {hours} "
                f"| {source_links(c.sources)} |"
            )
        out.append("")
    elif status == "published":
        out.append(f"No phone number for {region}.")
        out.append("")
    return out


def render(provs: Sequence[wc.Provider]) -> str:
    lines = [
        "# Catalogue",
        "",
        "Every provider in the built-in data, by region, with its phone numbers and the sources of each.",
        "This page is generated from the data by `scripts/gen_catalogue.py`; do not edit it by hand.",
        "How confidence is decided is explained in [Data policy](data-policy.md).",
        "",
        "## Summary",
        "",
        *summary(provs),
        "",
    ]
    for region in regions_of(provs):
        members = sorted(
            (p for p in provs if region in p.regions or any(c.region == region for c in p.phones)),
            key=lambda p: (p.kind is not wc.ProviderKind.WALLET, p.id),
        )
        lines += [f"## {region}", ""]
        for p in members:
            lines += provider_block(p, region)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the catalogue page from the built-in data.")
    parser.add_argument("output", help="path of the Markdown file to write (e.g. docs/catalogue.md)")
    args = parser.parse_args(argv)
    text = render(wc.providers())
    Path(args.output).write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
