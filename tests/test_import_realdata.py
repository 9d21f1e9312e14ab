"""Every real export in ../shared/realdata of a supported kind imports with the expected counts.

Expectations were written from reading the files (counts checked by hand with the csv module/openpyxl):
- Skoleporten nedlasting: 6,233 lines, 2,678 '.' (the SOURCE.md says 2,677; the file has 2,678),
  3,555 figures, no n; 2,156 lines of the 2009-2013 mestringsnivå average, all '.'.
- NP 8. trinn 2022-23: 1,536 unit lines (1/11/355/1,169), 6 value columns (skalapoeng + usikkerhet × 3
  subjects); usikkerhet is the skalapoeng's udir_margin -> 4,608 figures; 1,120 '*' and 208 empty skalapoeng cells.
- NP 5. trinn 2024-25: 2,467 lines (1/15/358/2,093) -> 7,401 figures; 2,061 '*' and 65 empty skalapoeng cells.
- Grunnskolepoeng xlsx: 2,824 lines x 6 years; 1,811 '*' value cells; schools under old and new kommune
  numbers collapse to 1,198 schools; 722 kommune numbers, 26 fylker.
- Elevundersøkelsen mobbing (vgo): 4 indicator lines; only 'Mobbing på skolen' x 'Alle utdanningsprogram'
  x 3 kjønn x 2 geographies x 2 years = 24 cells ... of which national and fylke -> 12 figures.
"""

from __future__ import annotations

import numpy as np
import pytest

from data.importers import KommuneHint, import_files
from data.schema import validate

SP = "skoleporten-stavanger/nedlasting.csv"
NP8 = "udir-np-skoler-nasjonalt/2022-23_20260224-1157_Nasjonale_proever_ungdomstrinn.csv"
NP5 = "udir-np-skoler-nasjonalt/2024-25_20260224-1157_Nasjonale_proever_5._trinn.csv"
GSP = "udir-grunnskolepoeng-skoler-2015-2021/Grunnskolepoeng_Udir.xlsx"
EU = "udir-eu-mobbing-vgo-eksport/20220928-1012_Elevundersoekelsen_-_mobbing.csv"


def _import(realdata, rel, **kw):
    path = realdata / rel
    res = import_files([(path.name, path.read_bytes())], **kw)
    assert res.ok, res.errors
    validate(res.figures)
    return res, res.reports[0]


def test_skoleporten_stavanger(realdata):
    res, rep = _import(realdata, SP, kommune=KommuneHint("1103", "Stavanger"))
    f = res.figures
    assert rep.encoding == "UTF-8 med BOM" and rep.delimiter.startswith("semikolon")
    assert rep.rows_read == 6233 and rep.rows_mapped == 6233 and rep.rows_skipped == 0
    assert rep.markers == {". – Ingen data": 2678}
    assert int(f["value"].notna().sum()) == 3555
    assert f["n"].isna().all() and rep.n_unknown == 3555  # no pupil counts: 'n ukjent'
    assert not f["suppressed"].any()
    assert sorted(f["period"].astype(str).unique()) == [f"{y}-{(y + 1) % 100:02d}" for y in range(2007, 2021)]
    assert set(f["level"].astype(str)) == {"skole"} and f["unit_id"].nunique() == 50
    assert set(f["kommune_id"].astype(str)) == {"1103"} and set(f["fylke_id"].astype(str)) == {"11"}
    assert f["unit_id"].astype(str).str.startswith("navn:1103:").all()
    counts = f["indicator"].astype(str).value_counts().to_dict()
    assert counts == {"np_skalapoeng": 3731, "np_mestring_snitt": 2156, "np_skalapoeng_avgiver": 346}
    assert f.loc[f["indicator"] == "np_mestring_snitt", "value"].isna().all()
    assert set(f["trinn"].astype(int)) == {5, 8, 9}
    assert set(f["kjonn"].astype(str)) == {"alle", "jenter", "gutter"}
    assert set(f["unit_of_measure"].astype(str)) == {"skalapoeng", "mestringsnivå 1-3"}
    auglend = f[(f["unit_name"] == "Auglend skole") & (f["period"] == "2014-15") & (f["subject"] == "engelsk")
                & (f["kjonn"] == "alle") & (f["trinn"] == 5)]
    assert auglend["value"].tolist() == [53.0]


def test_skoleporten_without_kommune_uses_uoppgitt(realdata):
    res, rep = _import(realdata, SP)
    assert set(res.figures["kommune_id"].astype(str)) == {"9999"}
    assert any("9999" in n for n in rep.notes)


def test_np_8_trinn_2022_23(realdata):
    res, rep = _import(realdata, NP8)
    f = res.figures
    assert rep.encoding == "UTF-16-LE uten BOM" and rep.delimiter == "tabulator"
    assert rep.rows_read == 1536 and rep.rows_mapped == 4608 and rep.rows_skipped == 0
    assert rep.markers["* – Skjermet (for få elever)"] == 1120
    assert rep.markers["tom – Tom celle (ingen resultat)"] == 208
    assert set(f["period"].astype(str)) == {"2022-23"} and set(f["trinn"].astype(int)) == {8}
    lv = f.drop_duplicates("unit_id")["level"].astype(str).value_counts().to_dict()
    assert lv == {"skole": 1169, "kommune": 355, "fylke": 11, "nasjonalt": 1}
    nat = f[(f["level"] == "nasjonalt") & (f["indicator"] == "np_skalapoeng")].set_index("subject")
    assert nat.loc["engelsk", "value"] == 50 and nat.loc["engelsk", "n"] == 56437  # '56 437'
    assert "np_usikkerhet" not in set(f["indicator"].astype(str))  # «Usikkerhet» is the skalapoeng's udir_margin
    assert nat.loc["engelsk", "udir_margin"] == 0.1  # decimal comma '0,1'
    arendal = f[(f["unit_id"] == "4203") & (f["indicator"] == "np_skalapoeng")].set_index("subject")
    assert arendal.loc["regning", "value"] == 49 and arendal.loc["regning", "n"] == 277
    supp = f[f["suppressed"]]
    assert supp["value"].isna().all() and (supp["marker"] == "*").all()
    # empty cell next to 'Antall elever deltatt' = 0: no result, not suppressed, n = 0
    asdal = f[(f["unit_id"] == "975280888") & (f["indicator"] == "np_skalapoeng")]
    assert asdal["value"].isna().all() and not asdal["suppressed"].any() and (asdal["n"] == 0).all()
    assert set(f.loc[f["level"] == "fylke", "unit_id"].astype(str)) == {
        "03", "11", "15", "18", "30", "34", "38", "42", "46", "50", "54"}


def test_np_5_trinn_2024_25(realdata):
    res, rep = _import(realdata, NP5)
    f = res.figures
    assert rep.rows_read == 2467 and rep.rows_mapped == 7401 and rep.rows_skipped == 0
    assert rep.markers["* – Skjermet (for få elever)"] == 2061
    assert rep.markers["tom – Tom celle (ingen resultat)"] == 65
    assert set(f["period"].astype(str)) == {"2024-25"} and set(f["trinn"].astype(int)) == {5}
    assert f.loc[f["level"] == "fylke", "unit_id"].nunique() == 15
    assert f.loc[f["level"] == "skole", "unit_id"].nunique() == 2093
    # school names are stripped of trailing spaces
    assert not f["unit_name"].astype(str).str.endswith(" ").any()
    # every published skalapoeng has its n
    pub = f[(f["indicator"] == "np_skalapoeng") & f["value"].notna()]
    assert pub["n"].notna().all() and rep.n_unknown == 0


def test_grunnskolepoeng_xlsx(realdata):
    res, rep = _import(realdata, GSP)
    f = res.figures
    assert rep.encoding == "Excel (.xlsx)" and rep.rows_read == 2824
    assert rep.markers["* – Skjermet (for få elever)"] == 1811
    assert set(f["indicator"].astype(str)) == {"grunnskolepoeng"} and set(f["trinn"].astype(int)) == {10}
    assert sorted(f["period"].astype(str).unique()) == ["2015-16", "2016-17", "2017-18", "2018-19", "2019-20",
                                                          "2020-21"]
    units = f.drop_duplicates("unit_id")["level"].astype(str).value_counts().to_dict()
    assert units == {"skole": 1198, "kommune": 722, "fylke": 26, "nasjonalt": 1}
    assert rep.rows_mapped == len(f) == 6 * (1198 + 722 + 26 + 1)
    # leading zeros restored; both structures kept at kommune level; schools under the newest number
    assert {"0101", "3001"} <= set(f.loc[f["level"] == "kommune", "unit_id"].astype(str))
    assert set(f.loc[f["unit_id"] == "998173108", "kommune_id"].astype(str)) == {"3001"}
    nat = f[f["level"] == "nasjonalt"].set_index("period")
    assert nat.loc["2015-16", "value"] == 41.2 and nat.loc["2015-16", "n"] == 60679
    asdal = f[(f["unit_id"] == "975280888") & (f["period"] == "2016-17")]
    assert asdal["value"].tolist() == [39.4] and asdal["n"].tolist() == [64]
    assert rep.n_unknown == 0
    assert any("eksamener" in n for n in rep.notes)  # break texts reported


def test_eu_mobbing_vgo(realdata):
    res, rep = _import(realdata, EU)
    f = res.figures
    assert rep.rows_read == 4 and rep.rows_mapped == 12
    assert set(f["indicator"].astype(str)) == {"eu_mobbing"} and f["trinn"].isna().all()
    assert set(f["level"].astype(str)) == {"nasjonalt", "fylke"}
    assert set(f.loc[f["level"] == "fylke", "unit_id"].astype(str)) == {"38"}
    v = f[(f["level"] == "nasjonalt") & (f["period"] == "2020-21")].set_index("kjonn")["value"].to_dict()
    assert v == {"alle": 3.3, "gutter": 3.7, "jenter": 2.8}
    assert rep.skipped["Indikator eller delspørsmål som ikke finnes i indikatorkatalogen"] == 36
    assert f["n"].isna().all() and rep.n_unknown == 12


def test_two_np_files_together(realdata):
    files = [(p.name, p.read_bytes()) for p in (realdata / NP8, realdata / NP5)]
    res = import_files(files)
    assert res.ok and len(res.figures) == 4608 + 7401


def test_non_export_samples_give_clear_messages(realdata):
    klass = realdata / "ssb-klass-kommuner-2026" / "ssb_klass_kommuneinndeling_2026.csv"
    res = import_files([(klass.name, klass.read_bytes())])
    assert not res.ok and "kodeliste fra SSB Klass" in res.errors[0]
    api = realdata / "udir-statistikkportal-api-fixtures" / "eug_mobbing_data.arendal.10.json"
    res = import_files([(api.name, api.read_bytes())])
    assert not res.ok and "rapport-API" in res.errors[0]


@pytest.mark.parametrize("rel", [SP, NP8, NP5, GSP, EU])
def test_line_numbers_point_into_the_file(realdata, rel):
    """Every report's skipped example lines are real line numbers (>= 2)."""
    res, rep = _import(realdata, rel)
    for lines in rep.skipped_lines.values():
        assert all(x >= 2 for x in lines)
    assert np.isfinite(res.figures["value"].dropna()).all()
