"""Documents the tests build: a small valid provider a user might write."""

from __future__ import annotations

from typing import Any

SEEN = "2026-11-01"


def make_provider(pid: str = "acme-pay", **over: Any) -> dict[str, Any]:
    """A small valid single-provider document (custom data a user might write)."""
    doc: dict[str, Any] = {
        "schema": 1,
        "id": pid,
        "names": {"en": "Acme Pay", "zh-Hans": "艾克美支付"},
        "aliases": ["Acme Wallet"],
        "operator": "Acme Payments Ltd",
        "regions": ["GB"],
        "domains": ["acme.example.com"],
        "phone_support": {"status": "published"},
        "channels": [
            {
                "type": "website",
                "url": "https://acme.example.com/help",
                "confidence": "official",
                "sources": [{"url": "https://acme.example.com/help", "kind": "official", "seen": SEEN}],
                "verified_on": SEEN,
            },
            {
                "type": "phone",
                "number": "+44 20 7946 0000",
                "region": "GB",
                "direction": "inbound",
                "confidence": "official",
                "sources": [{"url": "https://acme.example.com/contact", "kind": "official", "seen": SEEN}],
                "verified_on": SEEN,
            },
            {
                "type": "phone",
                "number": "020 7946 0999",
                "region": "GB",
                "direction": "outbound",
                "confidence": "official",
                "sources": [{"url": "https://acme.example.com/calls", "kind": "official", "seen": SEEN}],
                "verified_on": SEEN,
            },
        ],
        "caller_policies": [
            {
                "code": "never-asks-codes",
                "text": {"en": "Acme never asks for one-time codes."},
                "confidence": "official",
                "sources": [{"url": "https://acme.example.com/security", "kind": "official", "seen": SEEN}],
            }
        ],
        "sources": [{"url": "https://acme.example.com/", "kind": "official", "seen": SEEN}],
        "verified_on": SEEN,
    }
    doc.update(over)
    return doc
