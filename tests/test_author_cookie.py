"""ui.author_cookie: «Hvem skriver?» remembered by the user's own browser across a reload, checked on the way back."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from data.findings import Author
from ui.author_cookie import COOKIE, decode, encode, script


@pytest.mark.parametrize("author", [Author("Kari Nordmann", "veileder"), Author("Åse Ødegård-Li", "skoleleder"),
                                    Author('Ola "O\'Hara" ;=,', "skoleeier")])
def test_round_trip_and_cookie_safe(author):
    value = encode(author)
    assert decode(value) == author
    assert not set(value) & set(' ;,"\\\n'), "only cookie-safe characters in the value"


@pytest.mark.parametrize("value", [
    None, "", "ikke json", quote("[1, 2]"), quote('{"n": "Kari", "r": "keiser"}'), quote('{"n": "", "r": "veileder"}'),
    quote('{"n": "Kari 010190 12345", "r": "veileder"}'), "x" * 3000])
def test_anything_else_is_ignored(value):
    assert decode(value) is None


def test_names_are_cleaned_and_capped():
    a = decode(quote('{"n": "  Kari\\u0000\\u0007 " , "r": "veileder"}'))
    assert a == Author("Kari", "veileder")
    assert len(decode(quote('{"n": "' + "k" * 500 + '", "r": "veileder"}')).name) <= 100


def test_script_sets_a_strict_first_party_cookie_without_markup():
    s = script(Author("</script><img src=x onerror=alert(1)>", "veileder"))
    body = s[len("<script>"):-len("</script>")]
    assert "<" not in body and COOKIE in body and "SameSite=Strict" in body and "Max-Age=" in body
