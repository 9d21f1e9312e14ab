"""End to end on real data: every file in ../shared/realdata that the app reads, imported into a fresh data
folder, then Oversikt, Utvikling, Skoler, Sammenlignbare and «Hvorfor er vi trukket ut?» for Arendal (4203),
Skien (4003), Ålesund (1508) and Oslo (0301) in AppTest (issue 11).

Asserts per page: no exception or error box; no «None», «nan» or «NaN» in the page text; every window label
on the page names periods that the data behind it hold; Skien's kommune series is one unit (4003) across the
2024 renumbering."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import data
from data.schema import make_period, period_start_year
from data.importers import KommuneHint, import_files, save_import
from tests.apptest import open_app

KOMMUNER = {"4203": "Arendal", "4003": "Skien", "1508": "Ålesund", "0301": "Oslo"}
PAGES = ["oversikt", "utvikling", "skoler", "sammenlignbare", "uttrekk", "skoleportrett", "maal", "presenter",
         "utfordringsbilde"]
# Skoleporten's names-only file is about Stavanger (its SOURCE.md); the Data page asks for that kommune.
HINTS = {"nedlasting.csv": KommuneHint("1103", "Stavanger")}
PERIOD = r"\d{4}-\d{2}"
# What a page must say on these data (beside the generic checks).
EXPECT = {
    ("oversikt", "4003"): ["Grunnskolepoeng, 10. trinn: tall for 2015-16–2020-21",
                           "Hentes fra: Udirs statistikkbank, «Nasjonale prøver 5. trinn», vis «Mestringsnivåfordeling»",
                           "2 av 3 år: 2022-23 og 2024-25; 2023-24: ingen tall i dataene"],
    ("utvikling", "4003"): ["Tallene til og med 2020-21 er publisert under kommunenummer 3807"],
    ("utvikling", "1508"): ["Ålesund ble opprettet ved delingen av Ålesund (1507)"],
    ("sammenlignbare", "4003"): ["bygger derfor bare på folketall"],
    ("uttrekk", "0301"): ["Dataene har 1 av 11 uttrekksindikatorer for Oslo"],
}
BAD_WORDS = re.compile(r"\b(None|nan|NaN)\b")


def _supported(realdata: Path) -> list[tuple[str, bytes]]:
    """Every sample file that imports on its own (the others are rejected with a message, as in the app)."""
    files = []
    for path in sorted(realdata.rglob("*")):
        if not path.is_file() or path.suffix.lower() in {".md", ".rda"}:
            continue
        raw = path.read_bytes()
        if import_files([(path.name, raw)], kommune=HINTS.get(path.name)).ok:
            files.append((path.name, raw))
    return files


@pytest.fixture(scope="module")
def real_folder(realdata, tmp_path_factory):
    folder = tmp_path_factory.mktemp("realdata-e2e")
    session = Path(os.environ["UTFORDRINGSBILDE_DATA_DIR"])
    data.ensure_demo()
    (folder / "demo").symlink_to(session / "demo", target_is_directory=True)
    old = os.environ["UTFORDRINGSBILDE_DATA_DIR"]
    os.environ["UTFORDRINGSBILDE_DATA_DIR"] = str(folder)
    files = _supported(realdata)
    names = {n for n, _ in files}
    assert {"2022-23_20260224-1157_Nasjonale_proever_ungdomstrinn.csv",
            "2024-25_20260224-1157_Nasjonale_proever_5._trinn.csv", "Grunnskolepoeng_Udir.xlsx"} <= names, names
    # The Skoleporten file needs its kommune; the others carry numbers. One import per kind, as a user would.
    for group in ([f for f in files if f[0] in HINTS], [f for f in files if f[0] not in HINTS]):
        if group:
            res = import_files(group, kommune=HINTS.get(group[0][0]))
            assert res.ok, res.errors
            save_import(res, "replace")
    yield folder, names
    os.environ["UTFORDRINGSBILDE_DATA_DIR"] = old


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [h.value for h in at.subheader] + [h.value for h in at.title] + [h.value for h in at.header]
    parts += [s.value for s in at.success] + [i.value for i in at.info] + [w.value for w in at.warning]
    parts += [f"{m.label} {m.value}" for m in at.metric] + [x.value for x in at.text]
    parts += [x.label for x in at.expander]
    for box in list(at.selectbox) + list(at.radio) + list(at.multiselect):
        parts += [str(box.label)] + [str(o) for o in box.options]
    return "\n".join(str(p) for p in parts)


def _window_labels(text: str) -> list[tuple[str, str]]:
    """(first, last) of every «A–B» school-year range on the page."""
    return re.findall(rf"({PERIOD})\s*[–-]\s*({PERIOD})", text)


@pytest.mark.parametrize("kommune", list(KOMMUNER))
@pytest.mark.parametrize("page", PAGES)
def test_page_on_real_data(real_folder, page, kommune):
    figures = data.load_dataset()
    periods = set(figures["period"].astype(str))
    at = open_app(page, kommune=kommune)
    text = _texts(at)
    assert KOMMUNER[kommune] in text
    bad = BAD_WORDS.findall(text)
    assert not bad, (bad, [line for line in text.splitlines() if BAD_WORDS.search(line)][:5])
    for frame in at.dataframe:  # the table views' text cells too
        cells = frame.value.select_dtypes(include=["object", "string"])
        texts = [str(c) for col in cells for c in cells[col] if isinstance(c, str)]
        assert not any(BAD_WORDS.search(c) for c in texts), list(frame.value.columns)
    assert "(2020 - 2023)" not in text
    for snippet in EXPECT.get((page, kommune), []):
        assert snippet in text, snippet
    for first, last in _window_labels(text):
        # A range claims every school year in it: each must be in the data (a gap year is named, not hidden).
        years = [make_period(y) for y in range(period_start_year(first), period_start_year(last) + 1)]
        where = [line for line in text.splitlines() if first in line and last in line][:2]
        assert set(years) <= periods, (first, last, where, sorted(set(years) - periods))
        assert first != last, f"«{first}–{last}»: a one-year window written as a range"
    for used, total, listed, why in re.findall(r"(\d) av (\d) år: ([^;]*); ([^\n]*)", text):
        # «2 av 3 år: 2022-23 og 2024-25; 2023-24: ingen tall i dataene»: the count matches the years named,
        # the years named are in the data, and every year of the window is accounted for.
        named = re.findall(PERIOD, listed)
        assert int(used) == len(named) < int(total) and set(named) <= periods, (used, total, listed)
        assert len(named) + len(set(re.findall(PERIOD, why.split(".")[0]))) >= int(total), (listed, why)


def test_skien_series_unbroken(real_folder):
    figures = data.load_dataset()
    kom = figures[figures["level"] == "kommune"]
    skien = kom[kom["unit_id"] == "4003"]
    assert {"2022-23", "2024-25"} <= set(skien["period"].astype(str))
    assert "3807" not in set(kom["unit_id"].astype(str))
    assert set(skien.loc[skien["period"] == "2022-23", "orig_kommune_id"].astype(str)) == {"3807"}
    picker = data.current_kommuner()
    assert not picker["kommune_id"].isin(["3807", "0806", "1507"]).any()
    assert "Skien" in set(picker["kommune_name"])


def test_skien_unbroken_across_2024_renumbering(tmp_path, monkeypatch):
    """Elevundersøkelsen saved from the export API for 2023-24 (Skien as 3807 «Skien (2020 - 2023)») and
    2024-25 (4003): one Skien series on Utvikling, both years, no old number anywhere."""
    session = Path(os.environ["UTFORDRINGSBILDE_DATA_DIR"])
    data.ensure_demo()
    (tmp_path / "demo").symlink_to(session / "demo", target_is_directory=True)
    monkeypatch.setenv("UTFORDRINGSBILDE_DATA_DIR", str(tmp_path))
    fix = Path(__file__).resolve().parent / "fixtures" / "eu_api"
    files = [(n, (fix / n).read_bytes()) for n in ("eug_indikator_2023-24.json", "eug_indikator_2024-25.json")]
    res = import_files(files)
    assert res.ok, res.errors
    save_import(res, "replace")
    at = open_app("utvikling", kommune="4003", indikator="eu_stotte_larer", trinn="7")
    text = _texts(at)
    assert "Tallene til og med 2023-24 er publisert under kommunenummer 3807" in text
    assert "2 av 3 år: 2023-24–2024-25" in text and "(2020 - 2023)" not in text
    table = at.dataframe[0].value
    skien = table[table.iloc[:, 0] == "Skien"]
    assert sorted(skien.iloc[:, 1].astype(str)) == ["2023-24", "2024-25"]
    assert not [o for o in at.sidebar.selectbox[0].options if "3807" in str(o)]


def test_add_mode_keeps_one_national_series(realdata, tmp_path, monkeypatch):
    """A statistikkbank export added to the demo: its national figures replace the demo's for the same
    indicator and year (Utvikling crashed with «cannot reindex on an axis with duplicate labels»)."""
    session = Path(os.environ["UTFORDRINGSBILDE_DATA_DIR"])
    data.ensure_demo()
    (tmp_path / "demo").symlink_to(session / "demo", target_is_directory=True)
    monkeypatch.setenv("UTFORDRINGSBILDE_DATA_DIR", str(tmp_path))
    path = realdata / "udir-np-skoler-nasjonalt" / "2024-25_20260224-1157_Nasjonale_proever_5._trinn.csv"
    res = import_files([(path.name, path.read_bytes())])
    assert res.ok, res.errors
    save_import(res, "add")
    figures = data.load_dataset()
    nat = figures[(figures["level"] == "nasjonalt") & (figures["indicator"] == "np_skalapoeng")
                  & (figures["subject"] == "lesing") & (figures["trinn"] == 5) & (figures["kjonn"] == "alle")]
    assert not nat["period"].astype(str).duplicated().any()
    assert set(nat.loc[nat["period"] == "2024-25", "unit_id"].astype(str)) == {"I"}
    for kommune in ("7290", "4003"):
        at = open_app("utvikling", kommune=kommune, indikator="np_skalapoeng", fag="lesing", trinn="5")
        assert not BAD_WORDS.findall(_texts(at))


def test_statsforvalter_on_real_data(real_folder):
    """Statsforvalter on data without any uttrekk indicator for the window (crashed: empty table)."""
    at = open_app("statsforvalter", kommune="4003")
    assert not BAD_WORDS.findall(_texts(at))


def test_names_norwegian_form_with_official_name_in_tooltip(real_folder):
    at = open_app("oversikt", kommune="5612")
    assert "Oversikt: Kautokeino" in _texts(at)
    picker = at.sidebar.selectbox[0]
    assert "Fullt offisielt navn: Guovdageaidnu - Kautokeino." in picker.help
    assert picker.format_func(picker.value) == "Kautokeino (5612)"
