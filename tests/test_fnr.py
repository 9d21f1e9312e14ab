"""The fødselsnummer guard (data/fnr.py) sees through separators, groupings and invisible characters."""

from __future__ import annotations

import pytest

from data.fnr import checksum_ok, looks_like_fodselsnummer

FNR = "01019912345"  # plausible date (1 January 1999)
D = FNR


@pytest.mark.parametrize("text", [
    FNR, f"Elev {FNR} sa", "010199 12345", "010199-12345", "010199.12345",
    "01.01.99 12345", "01 01 99 12345", "010199 123 45", "01.01.99-123 45",
    "010199\u00a012345", "0101\u200b9912345", "010199\u00ad12345", "010199/12345", "010199\n12345",
    "010199--12345", "010199_12345", "01-01-99 12345", "01/01/99 12345", "41019912345",  # D-nummer
])
def test_caught(text):
    assert looks_like_fodselsnummer(text), text


@pytest.mark.parametrize("text", [
    "Skolen har 450 elever", "2024-25", "orgnr 974600951", "tlf 22 33 44 55", "123456789012",
    "99999999999", "Kommune 3001, 2024", "",
])
def test_not_caught(text):
    assert not looks_like_fodselsnummer(text), text


def test_checksum():
    assert checksum_ok("15076500565")  # Skatteetaten's published example of a valid number
    assert not checksum_ok("15076500566")
