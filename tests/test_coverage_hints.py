"""Coverage of the uttrekk indicators on partial data and the export hints (data/coverage.py)."""

import pandas as pd

from data.catalogue import UTTREKK_SET
from data.coverage import import_summary, uttrekk_coverage
from data.schema import validate
from present.strings import t
from tests.rows import canonical_row


def _frame():
    rows = [
        canonical_row(level="kommune", unit_id="4003", kommune_id="4003", indicator="np_skalapoeng",
                      subject="lesing", trinn=5, period="2024-25", value=50.0, n=500),
        canonical_row(level="kommune", unit_id="4003", kommune_id="4003", indicator="grunnskolepoeng",
                      subject="", trinn=10, period="2023-24", value=41.0, n=600, unit_of_measure="poeng"),
    ]
    return validate(pd.DataFrame(rows))


def test_coverage_on_partial_data():
    cov = {(c.indicator, c.subject, c.trinn): c for c in uttrekk_coverage(_frame(), ["4003"])}
    assert len(cov) == len(UTTREKK_SET)
    assert cov[("grunnskolepoeng", "", 10)].periods == ("2023-24",)
    lesing5 = cov[("np_mestring_1", "lesing", 5)]
    assert not lesing5.present and lesing5.stand_in == "np_skalapoeng" and lesing5.stand_in_periods == ("2024-25",)
    regning8 = cov[("np_mestring_1", "regning", 8)]
    assert regning8.stand_in is None and regning8.export_key == "coverage.export.np_mestring_8"
    assert cov[("eu_mobbing", "", 7)].export_key == "coverage.export.eu_mobbing"
    for c in cov.values():  # every hint exists and names the statistikkbank
        assert "statistikkbank" in t(c.export_key)


def test_import_summary():
    s = import_summary(_frame())
    assert (s["kommuner"], s["uttrekk_present"], s["uttrekk_total"]) == (1, 1, 11)
    assert s["periods"] == ["2023-24", "2024-25"]
