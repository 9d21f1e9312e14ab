"""A hostile-input corpus for the importers, generated at test time: each case a few files, and what must
happen (a refusal whose message contains ``error``, or an import of ``rows`` rows that passes ``check``).

Categories follow issue 14: denial of service (tiny files that declare or amplify huge work, wide headers,
deep or amplifying JSON), silently wrong imports (suppression, counts, shares, numbers of kommuner and
schools, encodings, names, fødselsnummer), and specific messages for awkward files. Nothing here is real
data. ``tests/hostile_runner.py`` runs every case in a child process and measures time and peak memory.
"""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.bad_inputs import GOOD_ROWS, HEADER, NP_HEADER, NP_ROWS, np_file, sp_file, sp_row

Files = list[tuple[str, bytes]]


@dataclass
class Hostile:
    name: str
    category: str
    make: Callable[[], Files]
    error: str | None = None  # substring of the single error message when the import must be refused
    rows: int | None = None  # canonical rows (figures) when it must succeed
    check: Callable[[object], str | None] | None = None  # extra check of the ImportResult: a problem or None
    context_rows: int | None = None  # kommune context rows (JSON-stat) when it must succeed
    heavy: bool = False  # large generated input (the 140 MB export)


# --- builders -------------------------------------------------------------------------------------------

def _zip(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for k, v in parts.items():
            zf.writestr(k, v)
    return buf.getvalue()


_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def xlsx_raw(sheet_xmls: list[bytes], strings: list[str] | None = None) -> bytes:
    """A minimal hand-written xlsx package with the given sheet XMLs (for shapes openpyxl will not write)."""
    sheets = "".join(f'<sheet name="Ark{i + 1}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i in range(len(sheet_xmls)))
    wb = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          f"<sheets>{sheets}</sheets></workbook>").encode()
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="ws" Target="worksheets/sheet{i + 1}.xml"/>'
                   for i in range(len(sheet_xmls)))
    parts = {"[Content_Types].xml": _CT, "xl/workbook.xml": wb,
             "xl/_rels/workbook.xml.rels": f"<Relationships>{rels}</Relationships>".encode()}
    for i, xml in enumerate(sheet_xmls):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    if strings is not None:
        parts["xl/sharedStrings.xml"] = ("<sst>" + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>").encode()
    return _zip(parts)


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _letters(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def np_sheet(rows: list[list[str]], dimension: str | None = None, extra: str = "") -> bytes:
    """A sheet XML of text cells (inline strings), with an optional declared dimension."""
    body = "".join(f'<row r="{i + 1}">' + "".join(_inline(f"{_letters(j + 1)}{i + 1}", v) for j, v in enumerate(r))
                   + "</row>" for i, r in enumerate(rows))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{dim}<sheetData>{body}{extra}</sheetData></worksheet>").encode()


NP_TABLE = [NP_HEADER.split("\t")] + [r.split("\t") for r in NP_ROWS]


def jsonstat(size: list[int], value, ids: list[str] | None = None, categories: list[list[str]] | None = None,
             label: str = "Folkemengde", status=None) -> bytes:
    ids = ids or [f"D{i}" for i in range(len(size))]
    cats = categories or [[f"{k:04d}" if i == 0 else str(k) for k in range(s)] for i, s in enumerate(size)]
    dims = {d: {"label": d, "category": {"index": c, "label": {x: x for x in c}}} for d, c in zip(ids, cats)}
    obj = {"class": "dataset", "label": label, "id": ids, "size": size, "dimension": dims, "value": value,
           "role": {"geo": [ids[0]]}}
    if status is not None:
        obj["status"] = status
    return json.dumps(obj).encode()


def big_statbank_utf16(target_bytes: int = 140_000_000) -> bytes:
    """A statistikkbank units-in-rows export of about ``target_bytes`` (UTF-16, tabs, ``sep=`` line)."""
    header = NP_HEADER.replace("\tEnhetNavn\t", "\tEnhetNavn\t")
    head = "\t".join(header.split("\t")[:9])
    cols = [f"2024-25.{s}.5. årstrinn.Alle eierformer.Alle kjønn.{m}" for s in ("Engelsk", "Lesing", "Regning")
            for m in ("Skalapoeng", "Usikkerhet", "Antall elever deltatt")]
    lines = ["sep=\t", head + "\t" + "\t".join(cols)]
    size, i = 0, 0
    while size * 2 < target_bytes:
        k = 1000 + (i // 7) % 8000
        vals = []
        for s in range(3):
            vals += [str(40 + (i + s) % 20), f"{1 + (i % 9)},{i % 10}", str(10 + (i * 7 + s) % 60)]
        ln = (f"4\tI\t{k // 100:02d}\t{k:04d}\t{_orgnr(i)}\tHele landet\tFylke {k // 100:02d}\tKommune {k:04d}\t"
              f"Skole {i} \t" + "\t".join(vals))
        lines.append(ln)
        size += len(ln) + 1
        i += 1
    return ("\n".join(lines) + "\n").encode("utf-16-le")


def _orgnr(i: int) -> str:
    """A valid (mod-11) nine-digit organisasjonsnummer from a counter."""
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    base = 80_000_000 + 2 * i  # base + 1 is this counter's spare: distinct counters never collide
    while True:
        digits = [int(c) for c in f"{base:08d}"]
        rest = 11 - sum(w * d for w, d in zip(weights, digits)) % 11
        if rest == 11:
            return f"{base:08d}0"
        if rest != 10:
            return f"{base:08d}{rest}"
        base += 1


# --- expectations ---------------------------------------------------------------------------------------

def _all(*checks: Callable[[object], str | None]) -> Callable[[object], str | None]:
    def run(res) -> str | None:
        for c in checks:
            problem = c(res)
            if problem:
                return problem
        return None
    return run


def report_has(text: str) -> Callable[[object], str | None]:
    def run(res) -> str | None:
        rep = res.reports[0]
        blob = " ".join(rep.notes + list(rep.skipped) + list(rep.markers) + list(rep.units_unknown))
        return None if text in blob else f"report lacks «{text}»: {blob[:300]}"
    return run


# --- the corpus -----------------------------------------------------------------------------------------

def corpus() -> list[Hostile]:
    c: list[Hostile] = []
    add = c.append
    _denial_of_service(add)
    _silently_wrong(add)
    _encodings_and_names(add)
    _messages(add)
    return c


def _denial_of_service(add) -> None:
    cat = "tjenestenekt"
    add(Hostile("xlsx declares XFD1048576", cat, lambda: [("a.xlsx", xlsx_raw([np_sheet(NP_TABLE, "A1:XFD1048576")]))],
                error="kolonner"))
    add(Hostile("xlsx declares 1M rows x 100 cols", cat,
                lambda: [("a.xlsx", xlsx_raw([np_sheet(NP_TABLE, "A1:CV1048576")]))], error="celler"))
    add(Hostile("xlsx stray cell at XFD1048576", cat, lambda: [("a.xlsx", xlsx_raw([np_sheet(
        NP_TABLE, extra='<row r="1048576">' + _inline("XFD1048576", "x") + "</row>")]))], error="kolonner"))
    add(Hostile("xlsx stray cell far down", cat, lambda: [("a.xlsx", xlsx_raw([np_sheet(
        NP_TABLE, extra='<row r="1048576">' + _inline("A1048576", "") + "</row>")]))], rows=4))
    add(Hostile("xlsx 150000 rows", cat, lambda: [("a.xlsx", xlsx_raw([np_sheet(
        NP_TABLE[:1] + [NP_TABLE[3][:4] + [_orgnr(i)] + NP_TABLE[3][5:] for i in range(150_000)])]))],
        error="Grensen er 50 000 rader"))
    add(Hostile("xlsx 40000 rows", cat, lambda: [("a.xlsx", xlsx_raw([np_sheet(
        NP_TABLE[:1] + [NP_TABLE[3][:4] + [_orgnr(i)] + NP_TABLE[3][5:] for i in range(40_000)])]))], rows=40_000))
    add(Hostile("xlsx zip bomb", cat, lambda: [("a.xlsx", xlsx_raw([np_sheet(NP_TABLE, extra=" " * 300_000_000)]))],
                error="pakket ut"))
    add(Hostile("xlsx 80 sheets", cat, lambda: [("a.xlsx", xlsx_raw([np_sheet(NP_TABLE)] * 80))], error="ark"))
    add(Hostile("xlsx formula without value", cat, lambda: [("a.xlsx", xlsx_raw([np_sheet(
        NP_TABLE, extra='<row r="9"><c r="J9"><f>SUM(J2:J5)</f></c></row>')]))], error="formel uten utregnet verdi"))
    add(Hostile("csv 100000 columns", cat, lambda: [("a.csv", (";".join(f"k{i}" for i in range(100_000)) + "\n"
                                                               + ";" * 99_999 + "\n").encode())], error="kolonner"))
    add(Hostile("csv wide statbank header", cat, lambda: [("a.csv", ("EnhetNivaa\t" + "\t".join(
        f"20{i % 90 + 10}-{(i % 90 + 11) % 100:02d}.Lesing.{i}. årstrinn.Alle eierformer.Alle kjønn.Skalapoeng"
        for i in range(20_000)) + "\n1" + "\t5" * 20_000 + "\n").encode())], error="kolonner"))
    add(Hostile("csv 5 MB line", cat, lambda: [("a.csv", (HEADER + "\n" + sp_row(name="A" * 5_000_000) + "\n").encode())],
                error="lengste linjen"))
    add(Hostile("jsonstat amplifying size", cat, lambda: [("a.json", jsonstat([3000, 3000, 10], {"0": 1}))],
                error="celler"))
    add(Hostile("jsonstat 230 kB dense-ish", cat, lambda: [("a.json", jsonstat(
        [400, 50, 20, 5], {str(i * 97): i for i in range(20_000)}))],
        check=lambda res: None if res.context is not None and len(res.context) > 100 else "no context"))
    add(Hostile("json nested 100000 deep", cat, lambda: [("a.json", b"[" * 100_000 + b"]" * 100_000)],
                error="nestet dypere"))
    add(Hostile("json nested 500 deep object", cat, lambda: [("a.json", b'{"a":' * 500 + b"1" + b"}" * 500)],
                error="nestet dypere"))
    add(Hostile("json 60 MB", cat, lambda: [("a.json", b'{"class":"dataset","value":[' + b"1," * 30_000_000 + b"1]}")],
                error="Grensen er 50 MB"))
    add(Hostile("several files over the total", cat, lambda: [(f"f{i}.csv", b"x" * (110 * 1024 * 1024)) for i in range(3)],
                error="til sammen"))
    add(Hostile("140 MB statistikkbank UTF-16", cat, lambda: [("stor.csv", big_statbank_utf16())], heavy=True,
                check=lambda res: None if len(res.figures) > 1_000_000 else f"only {len(res.figures)} rows"))


def np_row(level="4", fylke="42", kommune="4203", org="975280888", name="Asdal skole", value="46", n="37") -> str:
    kname = "Alle skoler" if level != "4" else name
    return "\t".join([level, "I", fylke, kommune, org, "Hele landet", "Agder", "Arendal", kname, value, n])


def _np(rows: list[str]) -> Files:
    return [("np.csv", np_file([NP_ROWS[0]] + rows))]


def rows_where(pred, want: int, what: str) -> Callable[[object], str | None]:
    def run(res) -> str | None:
        got = int(pred(res.figures).sum())
        return None if got == want else f"{what}: expected {want}, got {got}"
    return run


def _silently_wrong(add) -> None:
    cat = "stille feil"
    add(Hostile("n = 3 is suppressed on import", cat, lambda: _np([np_row(n="3")]), rows=2, check=_all(
        rows_where(lambda f: f["suppressed"] & (f["unit_id"] == "975280888"), 1, "suppressed school rows"),
        report_has("lagret som skjermet"))))
    add(Hostile("n = -12", cat, lambda: _np([np_row(n="-12")]), rows=1, check=report_has("Negativt antall")))
    add(Hostile("n = 0 with a value", cat, lambda: _np([np_row(n="0")]), rows=1, check=report_has("er 0, men")))
    add(Hostile("n with comma thousands separator", cat, lambda: _np([np_row(level="3", org="4203", n="56,833")]),
                rows=1, check=report_has("ikke et helt tall")))
    add(Hostile("n = 10^10", cat, lambda: _np([np_row(n="10000000000")]), rows=1, check=report_has("urimelig stort")))
    add(Hostile("shares as fractions", cat, lambda: [("a.csv", sp_file([
        sp_row(subj="Lesing", unit="Prosent", value=v, kjonn=k, stat="Nasjonale prøver 5. trinn").replace(
            ";Lesing;", ";Lesing mestringsnivå 1;") for v, k in (("0,249", "Begge kjønn"), ("0,2", "Jenter"),
                                                                 ("0,31", "Gutter"))]).encode())],
        error="mellom 0 og 1"))
    add(Hostile("value outside the scale", cat, lambda: [("a.csv", sp_file(GOOD_ROWS + [sp_row(
        period="2019-2020", value="5000")]).encode())], rows=3, check=report_has("utenfor gyldig område")))
    add(Hostile("kommune 123 in fylke 42", cat, lambda: _np([np_row(level="3", kommune="123", org="123")]),
                error="hører ikke til fylke 42"))
    add(Hostile("school under kommune 46011", cat, lambda: _np([np_row(kommune="46011")]), rows=1,
                check=report_has("Skolerad med ugyldig kommunenummer")))
    add(Hostile("school under kommune 46x1", cat, lambda: _np([np_row(kommune="46x1")]), rows=1,
                check=report_has("Skolerad med ugyldig kommunenummer")))
    add(Hostile("one kommune written three ways", cat, lambda: _np([
        np_row(level="3", fylke="3", kommune="301", org="301"),
        np_row(level="4", fylke="03", kommune="0301", org="974600951", name="Skole A"),
        np_row(level="4", fylke="3", kommune="301.0", org="974600978", name="Skole B")]), rows=4,
        check=rows_where(lambda f: (f["level"] != "nasjonalt") & (f["kommune_id"] != "0301"), 0, "other kommuner")))
    add(Hostile("fylke/kommune mismatch", cat, lambda: _np([np_row(fylke="42", kommune="3001")]),
                error="hører ikke til fylke"))
    add(Hostile("8-digit orgnr", cat, lambda: _np([np_row(org="97400010")]), rows=1,
                check=_all(report_has("Ugyldig organisasjonsnummer"),
                           rows_where(lambda f: f["unit_id"].astype(str).str.startswith("0974"), 0, "padded orgnr"))))
    add(Hostile("orgnr with a wrong control digit", cat, lambda: _np([np_row(org="975280889")]), rows=1,
                check=report_has("Ugyldig organisasjonsnummer")))
    add(Hostile("negative population", cat, lambda: [("a.json", jsonstat(
        [3, 1], [1000, -5, 2000], ids=["Region", "Tid"], categories=[["3001", "3002", "3003"], ["2024"]]))],
        context_rows=2, check=report_has("Negativ verdi")))
    add(Hostile("sparse key -1", cat, lambda: [("a.json", jsonstat([3, 1], {"-1": 5, "0": 1},
                                                                   ids=["Region", "Tid"]))], error="«-1»"))
    add(Hostile("sparse key out of range", cat, lambda: [("a.json", jsonstat([3, 1], {"7": 5}, ids=["Region", "Tid"]))],
                error="fra 0 til 2"))
    add(Hostile("duplicate region category", cat, lambda: [("a.json", jsonstat(
        [3, 1], [1, 2, 3], ids=["Region", "Tid"], categories=[["3001", "3002", "3001"], ["2024"]]))],
        error="samme kategori flere ganger"))
    add(Hostile("string values in JSON-stat", cat, lambda: [("a.json", jsonstat([2, 1], ["12", "x"],
                                                                             ids=["Region", "Tid"]))],
                error="ikke er et tall"))
    add(Hostile("status array too long", cat, lambda: [("a.json", jsonstat([2, 1], [1, 2], ids=["Region", "Tid"],
                                                                        status=["", "", "."]))],
                error="statuskoder"))


def _encodings_and_names(add) -> None:
    cat = "koding og navn"
    good = sp_file(GOOD_ROWS + [sp_row(name="Bønes skole")])
    add(Hostile("one cp1252 line in UTF-8", cat, lambda: [("a.csv", good.encode("utf-8") + sp_row(
        name="Årstad skole", period="2019-2020").encode("cp1252") + b"\n")], error="blander tegnkodinger"))
    add(Hostile("one stray byte in UTF-8", cat, lambda: [("a.csv", good.encode("utf-8").replace(
        b"Jenter", b"Jen\x9dter", 1))], error="linje 3"))
    add(Hostile("truncated UTF-8", cat, lambda: [("a.csv", good.encode("utf-8")[:-1] + "ø".encode()[:1])],
                error="avkortet"))
    add(Hostile("pure cp1252 file", cat, lambda: [("a.csv", good.encode("cp1252"))], rows=4,
                check=rows_where(lambda f: f["unit_name"] == "Bønes skole", 1, "Bønes skole rows")))
    add(Hostile("100000-character name", cat, lambda: [("a.csv", sp_file([sp_row(name="A" * 100_000)]).encode())],
                rows=1, check=rows_where(lambda f: f["unit_name"].astype(str).str.len() <= 150, 1, "capped names")))
    add(Hostile("control bidi zero-width in names", cat, lambda: [("a.csv", sp_file([sp_row(
        name="Ås\u202e\u200b sk\u0007ole\u2066")]).encode())], rows=1,
        check=rows_where(lambda f: f["unit_name"] == "Ås skole", 1, "cleaned name")))
    add(Hostile("fødselsnummer in a school name", cat, lambda: [("a.csv", sp_file([sp_row(
        name="Elev 01.01.99 123 45")]).encode())], error="fødselsnummer"))
    add(Hostile("fødselsnummer in the file name", cat, lambda: [("elev_010199-12345.csv", good.encode())],
                error="fødselsnummer"))


def _messages(add) -> None:
    cat = "meldinger"
    good = sp_file(GOOD_ROWS)
    add(Hostile("CR-only Skoleporten", cat, lambda: [("a.csv", good.replace("\n", "\r").encode())], rows=3))
    add(Hostile("CR-only statistikkbank", cat, lambda: [("np.csv", np_file(NP_ROWS).decode("utf-16").replace(
        "\n", "\r").encode("utf-16"))], rows=4))
    add(Hostile("double BOM", cat, lambda: [("a.csv", codecs.BOM_UTF8 * 2 + good.encode())], rows=3))
    add(Hostile("Excel trailing tabs", cat, lambda: [("np.csv", ("sep=\t\n" + NP_HEADER + "\t\t\n" + "\n".join(
        r + "\t\t" for r in NP_ROWS) + "\n").encode("utf-16"))], rows=4))
    add(Hostile("RTF", cat, lambda: [("a.csv", b"{\\rtf1\\ansi Enhetsnavn;Verdi}")], error="RTF"))
    add(Hostile("7. trinn in Elevundersøkelsen header", cat, lambda: [("eu.csv", (
        "Indikatornavn;2021-22.Hele landet.Alle fylker.Alle skoler.7. trinn.Begge kjønn.Prosentandel\n"
        "Mobbing på skolen;7,1\n").encode())], rows=1,
        check=rows_where(lambda f: f["trinn"] == 7, 1, "7. trinn rows")))
