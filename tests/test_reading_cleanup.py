"""The ASCII route of scan() gives exactly what the general route gives."""

from __future__ import annotations

import string

from hypothesis import example, given, settings
from hypothesis import strategies as st

from walletcontact.phone.text import _scan_any, _scan_ascii, scan

ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=40)
NUMBERISH = st.text(alphabet=string.digits + "+-() .#,;xXext=*\t\x00\x7f/abc", max_size=30)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(ASCII, NUMBERISH))
@example("")
@example("95188 ext. 12")
@example("+86 95188,,2#")
@example("\x0095188")
@example("Private Number")
@example("unknown")
@example("O")
@example("lOl")
def test_ascii_route_agrees(raw: str) -> None:
    text = raw.strip()
    if text.lower().startswith("tel:"):
        return
    assert _scan_ascii(text) == _scan_any(text)


def test_reports_what_it_removed() -> None:
    s = scan("95188\x07 ext 5")
    assert (s.text, s.control, s.extension, s.scripts, s.letters) == ("95188", True, "5", ("ASCII",), False)
    s = scan("00 86 95188")
    assert s.international and not s.letters
    assert scan("N/A").letters and scan("N/A").scripts == ()


def test_international_means_a_leading_plus_or_00() -> None:
    for text in ("+86 95188", "(+86) 95188", "-+86 95188", " ( +1 ) 800 275 2273", "0086 95188", "(00 86) 95188"):
        assert scan(text).international, text
    for text in ("86 95188", "(86) +95188", "95188+", "0 86 95188"):
        assert not scan(text).international, text


def test_extension_markers_are_found_whatever_precedes_them() -> None:
    """Characters whose lower case is longer ("İ" → "i̇") must not shift where the cut is made."""
    from walletcontact.phone.text import _strip_extensions

    for prefix in ("", "İ", "İİ", "ẞ"):
        assert _strip_extensions(f"{prefix}95188 x12") == (f"{prefix}95188", "12")
        assert _strip_extensions(f"{prefix}95188 EXT. 345") == (f"{prefix}95188", "345")
