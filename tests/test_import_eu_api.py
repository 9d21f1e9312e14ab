"""Elevundersøkelsen from Udir's open export API (data/importers/eu_api.py) on fixtures built from
../shared/realdata/udir-export-api.md (tests/fixtures/eu_api/make_fixtures.py writes them)."""

import json
from pathlib import Path

import pytest

from data.importers import eu_api, import_files
from data.importers.errors import ImportFailure
from data.importers.report import ImportReport

FIX = Path(__file__).resolve().parent / "fixtures" / "eu_api"


def _raw(name):
    return (FIX / name).read_bytes()


def test_sniff():
    assert eu_api.sniff_bytes(_raw("eug_indikator_2024-25.json")[:4096]) > 0.9
    assert eu_api.sniff_bytes(_raw("eug_mobbing_2024-25.json")[:4096]) > 0.9
    assert eu_api.sniff_bytes(b'{"class": "dataset"}') == 0.0
    assert eu_api.sniff_bytes(b"EnhetNivaa;Fylkekode\n") == 0.0
    assert eu_api.sniff_bytes(b'[{"foo": 1}]') == 0.0


def test_indicator_table():
    rep = ImportReport("x")
    df = eu_api.read_records("x", _raw("eug_indikator_2024-25.json"), rep)
    # 4 units x 3 kjønn x 2 catalogue indicators; only «Alle eierformer», only index rows.
    assert len(df) == 24
    kom = df[(df["level"] == "kommune") & (df["kjonn"] == "alle") & (df["indicator"] == "eu_stotte_larer")].iloc[0]
    assert (kom["unit_id"], kom["kommune_id"], kom["fylke_id"], kom["period"], int(kom["trinn"])) == \
        ("4003", "4003", "40", "2024-25", 7)
    assert (kom["value"], kom["sd"], kom["n"]) == (4.15, 0.82, 512.0)  # "  512" with leading spaces
    nat = df[(df["level"] == "nasjonalt") & (df["kjonn"] == "alle") & (df["indicator"] == "eu_motivasjon")].iloc[0]
    assert (nat["unit_id"], nat["n"], nat["value"]) == ("I", 56929.0, pytest.approx(3.81))  # "56 929"
    girls = df[(df["level"] == "nasjonalt") & (df["kjonn"] == "jenter") & (df["indicator"] == "eu_stotte_larer")]
    assert girls["value"].tolist() == [4.22]
    school = df[df["level"] == "skole"]
    assert school["suppressed"].all() and school["value"].isna().all() and (school["marker"] == "*").all()
    assert set(school["unit_id"]) == {"975278034"} and set(school["unit_name"]) == {"Buer skole"}
    assert rep.skipped["Enkeltspørsmål; bare indeksen («Alle spørsmål») importeres"] == 36
    assert rep.skipped["Delgruppe eierform («offentlig/privat»); bare «Alle eierformer» importeres"] == 48
    assert rep.units_unknown["Indikator «Vurdering for læring»"] == 36
    assert rep.duplicates_removed == 1  # the record repeated across pages


def test_mobbing_table():
    df = eu_api.read_records("m", _raw("eug_mobbing_2024-25.json"))
    kom = df[(df["level"] == "kommune") & (df["kjonn"] == "alle")].iloc[0]
    assert (kom["indicator"], kom["value"], kom["n"], int(kom["trinn"])) == ("eu_mobbing", 12.2, 116.0, 10)
    assert df[df["level"] == "nasjonalt"]["value"].tolist() == [7.6, 7.6, 7.6]  # " 7,6"


def test_conflicting_duplicates_refused():
    recs = json.loads(_raw("eug_mobbing_2024-25.json"))
    twin = dict(recs[6])
    twin["AndelMobbet"] = "13,0"
    with pytest.raises(ImportFailure):
        eu_api.read_records("m", json.dumps(recs + [twin]).encode())


@pytest.mark.parametrize("payload, match", [
    (b"[]", "tomt"),
    (b'{"kode": 400, "melding": "Filter m\\u00e5 oppgis!"}', "liste"),
    (b"[{", "kan ikke leses"),
])
def test_bad_payloads(payload, match):
    with pytest.raises(ImportFailure, match=match):
        eu_api.read_records("bad.json", payload)


def test_pipeline_reads_export_api_json():
    res = import_files([("eu.json", _raw("eug_indikator_2024-25.json")), ("mob.json", _raw("eug_mobbing_2024-25.json"))])
    assert res.ok, res.errors
    assert set(res.figures["indicator"]) == {"eu_stotte_larer", "eu_motivasjon", "eu_mobbing"}
    assert res.reports[0].format_label == eu_api.FORMAT_LABEL
    assert "eksport-API" in res.label


def test_pipeline_walks_the_registry_to_the_export_api_source():
    """The saved export-API JSON goes through the importer protocol (sources.SOURCES), not a special case."""
    from data.importers import import_files
    from data.importers.sources import SOURCES

    assert eu_api in SOURCES
    path = FIX / "eug_indikator_2024-25.json"
    result = import_files([(path.name, path.read_bytes())])
    assert len(result.figures) == 24
    assert set(result.figures["source"].astype(str)) <= {eu_api.SOURCE, eu_api.SOURCE_NAME}
