"""Every people-facing word exists in every shipped locale, with the same placeholders."""

from __future__ import annotations

import string

import pytest

import walletcontact as wc
from walletcontact import messages
from walletcontact.messages import LOCALES, pick

TABLES = ("REASONS", "VARIANTS", "FORWARDED", "LOOKALIKE_KINDS", "WORDS", "ADVICE")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("table", TABLES)
def test_every_key_exists_in_every_locale_with_the_same_placeholders(table: str) -> None:
    for key, by_locale in getattr(messages, table).items():
        assert set(by_locale) == set(LOCALES), (table, key, sorted(set(LOCALES) - set(by_locale)))
        reference = _fields(by_locale["en"])
        for locale, text in by_locale.items():
            assert text.strip() and text == text.strip(), (table, key, locale)
            assert _fields(text) == reference, (table, key, locale, _fields(text), reference)


def test_the_locale_modules_have_exactly_the_english_keys() -> None:
    import importlib

    en = importlib.import_module("walletcontact.messages.en")
    for locale, module in LOCALES.items():
        mod = importlib.import_module(f"walletcontact.messages.{module}")
        for table in TABLES:
            assert set(getattr(mod, table)) == set(getattr(en, table)), (locale, table)


@pytest.mark.parametrize(("asked", "used"), [("zh-HK", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zh-CN", "zh-Hans"),
                                             ("pt-BR", "pt"), ("es-MX", "es"), ("ja-JP", "ja"), ("hi_IN.UTF-8", "hi"),
                                             ("en-GB", "en"), ("xx", "en"), (None, "en")])
def test_locale_fallback(asked: str | None, used: str) -> None:
    assert pick(messages.ADVICE["do_not_call"], asked) == messages.ADVICE["do_not_call"][used]


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_every_answer_speaks_every_locale(locale: str) -> None:
    for number, provider, region in (("95188", "alipay", "CN"), ("95189", "alipay", "CN"),
                                     ("**21*13800138000#", None, "CN"), ("+86 95188", "alipay", "CN"),
                                     ("95188", "alipay", "US"), ("030 1234567", None, None)):
        r = wc.check_number(number, provider=provider, region=region)
        assert r.advice(locale) and all(reason.text(locale) for reason in r.reasons)
        if locale != "en":
            assert r.advice(locale) != r.advice("en")
